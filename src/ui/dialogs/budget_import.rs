//! *Impor realisasi…*: a budget realisation spreadsheet of the finance system into the year's
//! budget lines. The user picks the file (native dialog, or the path field where there is
//! none), checks or changes which column feeds which field, reads the preview and the problems,
//! and applies the whole import as one change through [`Command::Apply`] — undoable and in the
//! audit trail like every other edit.

use super::DialogContext;
use crate::domain::Year;
use crate::format::Lang;
use crate::import::{level_label, BudgetSheet, Mapping, Plan, PlanOptions, PlanRow, RowStatus, Target};
use crate::ui::jobs::{Job, JobKind, Outcome};
use crate::ui::strings::T;
use crate::ui::{Command, Dialog, Status};

/// The dialog's state.
#[derive(Clone, Debug)]
pub struct BudgetImportDialog {
    /// The budget year the file is imported into.
    pub year: Year,
    /// The path field.
    pub path: String,
    /// The file as read, once read.
    pub sheet: Option<BudgetSheet>,
    pub mapping: Mapping,
    pub options: PlanOptions,
    /// The preview of the file against the year's lines.
    pub plan: Option<Plan>,
    /// Why the file could not be read (or the file dialog was unavailable).
    pub error: Option<String>,
    /// Show unchanged rows in the preview too.
    pub show_unchanged: bool,
}

impl BudgetImportDialog {
    pub fn new(year: Year) -> BudgetImportDialog {
        BudgetImportDialog {
            year,
            path: String::new(),
            sheet: None,
            mapping: Mapping::default(),
            options: PlanOptions::default(),
            plan: None,
            error: None,
            show_unchanged: false,
        }
    }

    /// The job reading the file in the path field (a finance-system export can be large);
    /// [`BudgetImportDialog::accept`] takes its result. `None`, with the reason in the dialog,
    /// when there is no path or other work runs.
    pub fn read(&mut self, busy: bool, lang: Lang) -> Option<Job> {
        self.sheet = None;
        self.plan = None;
        let path = std::path::PathBuf::from(self.path.trim());
        if path.as_os_str().is_empty() {
            self.error = Some(T::ImportTypePath.get(lang).into());
            return None;
        }
        if busy {
            self.error = Some(T::ImportBusy.get(lang).into());
            return None;
        }
        self.error = None;
        Some(Job::spawn(JobKind::BudgetSheet, move |p| {
            if !p.report(0.1, &path.display().to_string()) {
                return Outcome::Cancelled;
            }
            match BudgetSheet::open(&path) {
                Ok(sheet) => Outcome::SheetRead(Box::new(sheet)),
                Err(problems) => Outcome::Failed(Status::new(|lang| problems.render(lang))),
            }
        }))
    }

    /// Takes a file read in the background: detects the mapping and plans.
    pub fn accept(&mut self, sheet: BudgetSheet, dataset: &crate::domain::Dataset) {
        self.mapping = sheet.detect_mapping(dataset, self.year);
        self.sheet = Some(sheet);
        self.error = None;
        self.replan(dataset);
    }

    /// Plans again after the mapping, the options or the data changed.
    fn replan(&mut self, dataset: &crate::domain::Dataset) {
        self.plan = self.sheet.as_ref().map(|s| s.plan(&self.mapping, self.options, dataset, self.year));
    }
}

/// The button in the Anggaran tab (Sunting mode only) that opens the dialog.
pub fn open_button_ui(cx: &mut crate::ui::TabContext, ui: &mut egui::Ui) {
    if cx.editing() && ui.button(T::ImportButton.get(cx.lang)).clicked() {
        cx.send(Command::OpenDialog(Dialog::BudgetImport(cx.year)));
    }
}

fn status_text(r: &PlanRow, lang: Lang) -> String {
    match r.status {
        RowStatus::Unchanged if r.name_differs => {
            format!("{} ({})", T::ImportUnchanged.get(lang), T::ImportNameDiffers.get(lang))
        }
        RowStatus::Unchanged => T::ImportUnchanged.get(lang).into(),
        RowStatus::Changed => T::ImportChanged.get(lang).into(),
        RowStatus::New => {
            let level = r.level.map(level_label).unwrap_or_default();
            match &r.parent {
                Some(p) => format!("{} {level} ({} {p})", T::ImportNew.get(lang), lang.pick("induk", "parent")),
                None => format!("{} {level}", T::ImportNew.get(lang)),
            }
        }
        RowStatus::Invalid => T::ImportInvalid.get(lang).into(),
    }
}

/// Draws the dialog while it is open.
pub fn budget_import_ui(dialog: &mut BudgetImportDialog, cx: &mut DialogContext, ctx: &egui::Context) {
    let lang = cx.lang;
    // Imports write: the dialog is closed when *Sunting* is left; without data it waits.
    let Some(loaded) = cx.data else { return };
    let dataset = loaded.dataset();
    let mut open = true;
    let mut apply = false;
    let mut cancel = false;
    let title = format!("{} {}", T::ImportTitle.get(lang), dialog.year);
    egui::Window::new(title).collapsible(false).resizable(true).default_width(960.0).open(&mut open).show(ctx, |ui| {
        ui.label(T::ImportIntro.get(lang));
        let mut read = false;
        ui.horizontal(|ui| {
            let l = ui.label(T::PathLabel.get(lang));
            let field = ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(480.0)).labelled_by(l.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                read = true;
            }
            if ui.button(T::ImportPickFile.get(lang)).clicked() {
                let picked = rfd::FileDialog::new()
                    .add_filter(lang.pick("Lembar kerja", "Spreadsheet"), &["xlsx", "xls", "ods", "csv"])
                    .pick_file();
                match picked {
                    Some(p) => {
                        dialog.path = p.display().to_string();
                        read = true;
                    }
                    None => dialog.error = Some(T::ImportNoDialog.get(lang).into()),
                }
            }
            if ui.button(T::ImportRead.get(lang)).clicked() {
                read = true;
            }
        });
        if read {
            cx.send(Command::ReadBudgetSheet);
        }
        if let Some(e) = &dialog.error {
            ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
        }
        if dialog.sheet.is_some() {
            mapping_ui(ui, dialog, dataset, lang);
        }
        if let Some(plan) = &dialog.plan {
            plan_ui(ui, plan, &mut dialog.show_unchanged, lang);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let ready = dialog.plan.as_ref().is_some_and(Plan::can_apply);
            if ui.add_enabled(ready, egui::Button::new(T::ImportApply.get(lang))).clicked() {
                apply = true;
            }
            if ui.button(T::Cancel.get(lang)).clicked() {
                cancel = true;
            }
        });
    });
    if !open || cancel {
        cx.send(Command::CloseDialog(Dialog::BudgetImport(dialog.year)));
        return;
    }
    if apply {
        // Planned again against the data as it is now, so that the change expects the values
        // actually stored.
        dialog.replan(dataset);
        if let Some(plan) = &dialog.plan {
            // The change's description is the office's record: Indonesian in either window.
            match plan.change(Lang::Id) {
                Ok(change) => {
                    cx.send(Command::Apply(change));
                    cx.send(Command::CloseDialog(Dialog::BudgetImport(dialog.year)));
                }
                Err(e) => dialog.error = Some(e.message(lang)),
            }
        }
    }
}

fn mapping_ui(ui: &mut egui::Ui, dialog: &mut BudgetImportDialog, dataset: &crate::domain::Dataset, lang: Lang) {
    let Some(sheet) = &dialog.sheet else { return };
    let place = match &sheet.sheet.source {
        crate::import::SheetSource::Worksheet(name) => format!("{} '{name}'", T::ImportSheet.get(lang)),
        crate::import::SheetSource::Csv { delimiter } => format!("CSV '{}'", delimiter.escape_default()),
    };
    ui.label(format!("{} — {place}, {} {}", sheet.file, T::ImportHeaderAt.get(lang), sheet.header_row_number()));
    let mut changed = false;
    egui::CollapsingHeader::new(egui::RichText::new(T::ImportColumns.get(lang)).strong())
        .id_salt("budget_import_mapping")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("budget_import_mapping_grid").num_columns(2).show(ui, |ui| {
                for target in Target::ALL {
                    let label = ui.label(target.label(lang));
                    let current = dialog.mapping.get(target);
                    let shown =
                        current.map_or_else(|| T::ImportNotUsed.get(lang).to_string(), |c| sheet.column_label(c));
                    let combo = egui::ComboBox::from_id_salt(("budget_import_target", target.code()))
                        .selected_text(shown)
                        .width(320.0)
                        .show_ui(ui, |ui| {
                            if ui.selectable_label(current.is_none(), T::ImportNotUsed.get(lang)).clicked() {
                                dialog.mapping.set(target, None);
                                changed = true;
                            }
                            for c in 0..sheet.headings.len() {
                                if ui.selectable_label(current == Some(c), sheet.column_label(c)).clicked() {
                                    dialog.mapping.set(target, Some(c));
                                    changed = true;
                                }
                            }
                        });
                    combo.response.labelled_by(label.id);
                    ui.end_row();
                }
            });
            if ui.checkbox(&mut dialog.options.update_names, T::ImportUpdateNames.get(lang)).changed() {
                changed = true;
            }
        });
    if changed {
        dialog.replan(dataset);
    }
}

fn plan_ui(ui: &mut egui::Ui, plan: &Plan, show_unchanged: &mut bool, lang: Lang) {
    ui.label(egui::RichText::new(plan.counts().summary(lang)).strong());
    if !plan.problems.is_empty() {
        ui.label(egui::RichText::new(T::ImportProblems.get(lang)).color(ui.visuals().error_fg_color).strong());
        egui::ScrollArea::vertical().id_salt("budget_import_problems").max_height(140.0).show(ui, |ui| {
            for p in &plan.problems {
                ui.label(egui::RichText::new(p.message(lang)).color(ui.visuals().error_fg_color));
            }
        });
    }
    ui.checkbox(show_unchanged, T::ImportShowUnchanged.get(lang));
    let rows: Vec<&PlanRow> =
        plan.rows.iter().filter(|r| *show_unchanged || r.status != RowStatus::Unchanged || r.name_differs).collect();
    preview_table_ui(ui, &rows, lang);
    if !plan.absent.is_empty() {
        egui::CollapsingHeader::new(format!("{} ({})", T::ImportAbsentLines.get(lang), plan.absent.len()))
            .id_salt("budget_import_absent")
            .show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt("budget_import_absent_list").max_height(160.0).show_rows(
                    ui,
                    18.0,
                    plan.absent.len(),
                    |ui, range| {
                        for a in &plan.absent[range] {
                            ui.label(format!("{}  {} ({})", a.kode, a.name, level_label(a.level)));
                        }
                    },
                );
            });
    }
    if !plan.skipped.is_empty() {
        egui::CollapsingHeader::new(format!("{} ({})", T::ImportSkipped.get(lang), plan.skipped.len()))
            .id_salt("budget_import_skipped")
            .show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt("budget_import_skipped_list").max_height(160.0).show_rows(
                    ui,
                    18.0,
                    plan.skipped.len(),
                    |ui, range| {
                        for s in &plan.skipped[range] {
                            ui.label(format!("{} {}: {}", T::ImportRow.get(lang), s.row, s.reason.message(lang)));
                        }
                    },
                );
            });
    }
}

/// The rows of the preview; only the visible ones are laid out, so thousands of lines stay fast.
fn preview_table_ui(ui: &mut egui::Ui, rows: &[&PlanRow], lang: Lang) {
    use egui_extras::{Column, TableBuilder};
    let row_height = 20.0;
    TableBuilder::new(ui)
        .id_salt("budget_import_preview")
        .striped(true)
        .resizable(true)
        .min_scrolled_height(120.0)
        .max_scroll_height(320.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(50.0).at_least(40.0))
        .column(Column::initial(110.0).at_least(60.0).clip(true))
        .column(Column::initial(260.0).at_least(80.0).clip(true))
        .column(Column::initial(170.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(160.0).clip(true))
        .header(22.0, |mut header| {
            for t in [T::ImportRow, T::ImportKode, T::ImportUraian, T::ImportStatus, T::ImportChanges] {
                header.col(|ui| {
                    ui.strong(t.get(lang));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let r = rows[row.index()];
                row.col(|ui| {
                    ui.label(r.row.to_string());
                });
                row.col(|ui| {
                    ui.label(&r.kode);
                });
                row.col(|ui| {
                    ui.label(&r.name).on_hover_text(&r.name);
                });
                row.col(|ui| {
                    let text = egui::RichText::new(status_text(r, lang));
                    ui.label(if r.status == RowStatus::Invalid {
                        text.color(ui.visuals().error_fg_color)
                    } else {
                        text
                    });
                });
                row.col(|ui| {
                    let changes = r.changes.iter().map(|c| c.describe(lang)).collect::<Vec<_>>().join("; ");
                    ui.label(&changes).on_hover_text(&changes);
                });
            });
        });
}
