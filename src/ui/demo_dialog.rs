//! *Buat kota contoh…*: generates the synthetic city of `kinerja demo` into a new database file,
//! in the background with a progress bar and cancel, then offers to open it.

use super::jobs::{Job, JobKind, Outcome};
use super::strings::T;
use super::KinerjaApp;
use crate::demo::{generate, DemoError, DemoSpec};
use crate::format::Lang;
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

/// Starts the generation on a thread of its own.
fn start(app: &mut KinerjaApp, path: PathBuf, spec: DemoSpec, overwrite: bool) {
    let lang = app.state.lang;
    app.job = Some(Job::spawn(JobKind::Demo, move |p| {
        let result = generate(&path, &spec, overwrite, &mut |g| p.report(g.fraction(), &g.phase.text(lang)));
        match result {
            Ok(summary) => Outcome::Generated {
                // Worded in both languages, so that the status line follows a change of language.
                summary: super::Status::new(|lang| match lang {
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
            Err(e) => Outcome::Failed(message(&e, lang)),
        }
    }));
}

/// The dialog window, while open.
pub fn demo_dialog_ui(app: &mut KinerjaApp, ctx: &egui::Context) {
    let lang = app.state.lang;
    let Some(mut dialog) = app.demo_dialog.take() else { return };
    let mut open = true;
    let mut go = false;
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
        go = ui.add_enabled(app.job.is_none(), egui::Button::new(T::DemoStart.get(lang))).clicked();
    });
    if !open {
        return;
    }
    if go {
        let path = PathBuf::from(dialog.path.trim());
        match dialog.spec(lang) {
            Err(e) => dialog.error = Some(e),
            Ok(_) if dialog.path.trim().is_empty() => dialog.error = Some(T::ImportTypePath.get(lang).into()),
            Ok(_) if path == app.db_path => dialog.error = Some(T::DemoNotOpenDb.get(lang).into()),
            Ok(spec) => {
                start(app, path, spec, dialog.overwrite);
                return;
            }
        }
    }
    app.demo_dialog = Some(dialog);
}
