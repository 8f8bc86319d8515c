//! *Buat kota contoh…*: generates the synthetic city of `kinerja demo` into a new database file,
//! in the background with a progress bar and cancel, then offers to open it.

use super::DialogContext;
use crate::demo::{generate, DemoError, DemoSpec};
use crate::format::Lang;
use crate::ui::jobs::{Job, JobKind, Outcome};
use crate::ui::strings::T;
use crate::ui::{Command, Dialog, Status};
use std::path::PathBuf;

/// The dialog's fields, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoDialog {
    pub path: String,
    pub offices: String,
    pub years: String,
    pub lines: String,
    pub overwrite: bool,
    pub error: Option<String>,
}

impl Default for DemoDialog {
    fn default() -> Self {
        let spec = DemoSpec::default();
        let dir = directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(|d| d.to_path_buf()).or_else(|| Some(u.home_dir().to_path_buf())))
            .unwrap_or_else(|| PathBuf::from("."));
        DemoDialog {
            path: dir.join("kota-contoh.sqlite").display().to_string(),
            offices: spec.offices.to_string(),
            years: spec.years.to_string(),
            lines: spec.lines.to_string(),
            overwrite: false,
            error: None,
        }
    }
}

impl DemoDialog {
    /// The spec the fields describe, or what is wrong with them.
    pub fn spec(&self, lang: Lang) -> Result<DemoSpec, String> {
        let whole = |text: &str, what: T| -> Result<u32, String> {
            text.trim()
                .parse::<u32>()
                .map_err(|_| format!("{} '{}': {}", what.get(lang), text.trim(), T::WholeNumber.get(lang)))
        };
        let spec = DemoSpec {
            offices: whole(&self.offices, T::DemoOffices)?,
            years: whole(&self.years, T::DemoYears)?,
            lines: whole(&self.lines, T::DemoLines)?,
            ..DemoSpec::default()
        };
        spec.validate().map_err(|e| message(&e, lang))?;
        Ok(spec)
    }
}

fn message(e: &DemoError, lang: Lang) -> String {
    match lang {
        Lang::Id => e.message_id(),
        Lang::En => e.to_string(),
    }
}

/// A checked request for a demo city.
pub struct DemoOrder {
    path: PathBuf,
    spec: DemoSpec,
    overwrite: bool,
}

impl DemoDialog {
    /// The generation the fields describe (never into the database that is open), or what is
    /// wrong with them; `open_db` is the database file open in the window (`None` on a server).
    pub fn order(&self, open_db: Option<&std::path::Path>, lang: Lang) -> Result<DemoOrder, String> {
        let spec = self.spec(lang)?;
        let path = PathBuf::from(self.path.trim());
        if self.path.trim().is_empty() {
            return Err(T::ImportTypePath.get(lang).into());
        }
        if open_db == Some(path.as_path()) {
            return Err(T::DemoNotOpenDb.get(lang).into());
        }
        Ok(DemoOrder { path, spec, overwrite: self.overwrite })
    }
}

impl DemoOrder {
    /// Generates the city on a thread of its own; `lang` words the progress.
    pub fn spawn(self, lang: Lang) -> Job {
        let DemoOrder { path, spec, overwrite } = self;
        Job::spawn(JobKind::Demo, move |p| {
            let result = generate(&path, &spec, overwrite, &mut |g| p.report(g.fraction(), &g.phase.text(lang)));
            match result {
                Ok(summary) => Outcome::Generated {
                    // Worded in both languages, so that the status line follows a change of
                    // language.
                    summary: Status::new(|lang| match lang {
                        Lang::Id => format!(
                            "Kota contoh dibuat: {} kantor, {}–{}, {} baris anggaran",
                            summary.offices,
                            summary.first_year,
                            summary.last_year,
                            crate::format::number(summary.budget_lines.into(), 0, lang)
                        ),
                        Lang::En => format!(
                            "Demo city generated: {} offices, {}–{}, {} budget lines",
                            summary.offices,
                            summary.first_year,
                            summary.last_year,
                            crate::format::number(summary.budget_lines.into(), 0, lang)
                        ),
                    }),
                    path,
                },
                Err(DemoError::Cancelled) => Outcome::Cancelled,
                Err(e) => Outcome::Failed(Status::new(|lang| message(&e, lang))),
            }
        })
    }
}

/// The dialog window, while open.
pub fn demo_dialog_ui(dialog: &mut DemoDialog, cx: &mut DialogContext, ctx: &egui::Context) {
    let lang = cx.lang;
    let mut open = true;
    egui::Window::new(T::DemoTitle.get(lang)).collapsible(false).resizable(false).open(&mut open).show(ctx, |ui| {
        ui.label(T::DemoIntro.get(lang));
        egui::Grid::new("demo_grid").num_columns(2).show(ui, |ui| {
            for (text, value) in [
                (T::DemoOffices, &mut dialog.offices),
                (T::DemoYears, &mut dialog.years),
                (T::DemoLines, &mut dialog.lines),
            ] {
                let l = ui.label(text.get(lang));
                ui.add(egui::TextEdit::singleline(value).desired_width(100.0)).labelled_by(l.id);
                ui.end_row();
            }
            let l = ui.label(T::PathLabel.get(lang));
            ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(420.0)).labelled_by(l.id);
            ui.end_row();
        });
        ui.checkbox(&mut dialog.overwrite, T::Overwrite.get(lang));
        if let Some(e) = &dialog.error {
            ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
        }
        ui.separator();
        if ui.add_enabled(!cx.busy, egui::Button::new(T::DemoStart.get(lang))).clicked() {
            cx.send(Command::StartDemo);
        }
    });
    if !open {
        cx.send(Command::CloseDialog(Dialog::Demo));
    }
}
