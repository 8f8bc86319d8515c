//! *Simpan sebagai…*: tables, charts and the whole LKIP export to files. The native file dialog
//! is offered, and a path field always works where no dialog is available.

use super::jobs::{Job, JobKind, Outcome};
use super::{strings::T, KinerjaApp};
use crate::domain::Year;
use crate::format::Lang;
use crate::report::TableOptions;
use std::path::{Path, PathBuf};

/// What is being saved.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveRequest {
    Table {
        id: String,
        year: Year,
    },
    Chart {
        id: String,
        year: Year,
    },
    Lkip {
        year: Year,
    },
    /// The city view's table.
    CityTable {
        year: Year,
    },
}

/// The dialog's state.
#[derive(Clone, Debug)]
pub struct SaveDialog {
    pub request: SaveRequest,
    pub path: String,
    /// Index into [`formats`].
    pub format: usize,
    pub width: String,
    pub height: String,
    pub scale: String,
    pub overwrite: bool,
    pub show_phone: bool,
    pub error: Option<String>,
}

fn formats(r: &SaveRequest) -> &'static [(&'static str, &'static str)] {
    match r {
        SaveRequest::Table { .. } | SaveRequest::CityTable { .. } => {
            &[("xlsx", "Excel (XLSX)"), ("csv", "CSV"), ("csv-id", "CSV Excel Indonesia (;)")]
        }
        SaveRequest::Chart { .. } => &[("png", "PNG"), ("svg", "SVG")],
        SaveRequest::Lkip { .. } => &[("folder", "PDF + XLSX + grafik")],
    }
}

fn base_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(Path::to_path_buf).or_else(|| Some(u.home_dir().to_path_buf())))
        .unwrap_or_else(|| PathBuf::from("."))
}

fn default_name(r: &SaveRequest, ext: &str) -> String {
    let ext = if ext == "csv-id" { "csv" } else { ext };
    match r {
        SaveRequest::Table { id, year } => format!("Tabel-{id}-{year}.{ext}"),
        SaveRequest::Chart { id, year } => format!("Grafik-{id}-{year}.{ext}"),
        SaveRequest::Lkip { year } => format!("LKIP-{year}"),
        SaveRequest::CityTable { year } => format!("Kota-{year}.{ext}"),
    }
}

impl SaveDialog {
    pub fn new(request: SaveRequest) -> SaveDialog {
        let ext = formats(&request)[0].0;
        let path = base_dir().join(default_name(&request, ext)).display().to_string();
        SaveDialog {
            request,
            path,
            format: 0,
            width: "1600".into(),
            height: "900".into(),
            scale: "2".into(),
            overwrite: false,
            show_phone: false,
            error: None,
        }
    }
}

/// Opens a folder in the platform's file manager.
pub fn open_folder(dir: &Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program).arg(dir).spawn().map(|_| ())
}

/// Draws the dialog; returns a finished message when a file was written.
pub fn save_dialog_ui(app: &mut KinerjaApp, ctx: &egui::Context) {
    let lang = app.state.lang;
    let Some(mut dialog) = app.save_dialog.take() else { return };
    let mut open = true;
    let mut save = false;
    egui::Window::new(lang.pick("Simpan sebagai…", "Save as…")).collapsible(false).open(&mut open).show(ctx, |ui| {
        let fmts = formats(&dialog.request);
        ui.horizontal(|ui| {
            for (i, (ext, label)) in fmts.iter().enumerate() {
                if ui.radio_value(&mut dialog.format, i, *label).clicked() {
                    let p = PathBuf::from(&dialog.path);
                    let dir = p.parent().map(Path::to_path_buf).unwrap_or_else(base_dir);
                    dialog.path = dir.join(default_name(&dialog.request, ext)).display().to_string();
                }
            }
        });
        ui.horizontal(|ui| {
            let l = ui.label(match dialog.request {
                SaveRequest::Lkip { .. } => lang.pick("Folder", "Folder"),
                _ => lang.pick("Berkas", "File"),
            });
            ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(420.0)).labelled_by(l.id);
            if ui.button(T::Browse.get(lang)).clicked() {
                let current = PathBuf::from(&dialog.path);
                let picked = match dialog.request {
                    SaveRequest::Lkip { .. } => rfd::FileDialog::new().pick_folder(),
                    _ => rfd::FileDialog::new()
                        .set_file_name(current.file_name().and_then(|n| n.to_str()).unwrap_or_default())
                        .save_file(),
                };
                match picked {
                    Some(p) => dialog.path = p.display().to_string(),
                    None => {
                        dialog.error = Some(
                            lang.pick(
                                "Dialog berkas tidak tersedia atau dibatalkan; ketik lokasi berkas di kolom ini.",
                                "No file dialog (or it was cancelled); type the path in this field.",
                            )
                            .into(),
                        )
                    }
                }
            }
        });
        if let SaveRequest::Chart { .. } = dialog.request {
            ui.horizontal(|ui| {
                for (label, v) in
                    [("Lebar", &mut dialog.width), ("Tinggi", &mut dialog.height), ("Skala", &mut dialog.scale)]
                {
                    let l = ui.label(label);
                    ui.add(egui::TextEdit::singleline(v).desired_width(60.0)).labelled_by(l.id);
                }
            });
        }
        if !matches!(dialog.request, SaveRequest::Chart { .. }) {
            ui.checkbox(
                &mut dialog.show_phone,
                lang.pick("Tampilkan nomor telepon lengkap (Tabel 3.15)", "Show full telephone numbers (Tabel 3.15)"),
            );
        }
        ui.checkbox(&mut dialog.overwrite, lang.pick("Timpa berkas yang sudah ada", "Overwrite existing files"));
        if let Some(e) = &dialog.error {
            ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
        }
        if ui.button(T::Save.get(lang)).clicked() {
            save = true;
        }
    });
    if !open {
        return;
    }
    if save {
        match save_now(app, &dialog) {
            Ok(Some(done)) => {
                app.saved_path = Some(done.clone());
                app.message = Some(format!("{} {}", lang.pick("Tersimpan di", "Saved to"), done.display()));
                return;
            }
            Ok(None) => return,
            Err(e) => dialog.error = Some(e),
        }
    }
    app.save_dialog = Some(dialog);
}

/// Writes the file (or starts the whole export); `Ok(None)` when the work continues in the
/// background.
fn save_now(app: &mut KinerjaApp, dialog: &SaveDialog) -> Result<Option<PathBuf>, String> {
    let lang = app.state.lang;
    let path = PathBuf::from(dialog.path.trim());
    if dialog.path.trim().is_empty() {
        return Err(lang.pick("Tulis lokasi berkas.", "Type a path.").into());
    }
    let Ok(l) = &mut app.data else { return Err(String::new()) };
    let ext = formats(&dialog.request)[dialog.format].0;
    let opts = TableOptions { show_phone: dialog.show_phone };
    let table = match &dialog.request {
        SaveRequest::Table { id, year } => Some(
            crate::report::build_table(&l.session.dataset, &l.session.settings, id, *year, opts)
                .map_err(|e| e.message_id())?,
        ),
        SaveRequest::CityTable { year } => Some(l.city_table(*year)?.clone()),
        _ => None,
    };
    let city_charts = match &dialog.request {
        SaveRequest::Chart { id, year } if id.starts_with("kota-") => {
            let amounts = crate::app::city::by_year_amounts(l.city(*year).as_ref().map_err(Clone::clone)?);
            vec![
                crate::report::charts::city_budget_trend(&amounts, lang),
                crate::report::charts::city_serapan_trend(&amounts, lang),
            ]
        }
        _ => Vec::new(),
    };
    let (d, s) = (&l.session.dataset, &l.session.settings);
    let bytes = match (&dialog.request, table) {
        (_, Some(t)) => match ext {
            "xlsx" => crate::export::tables_xlsx(std::slice::from_ref(&t)).map_err(|e| e.to_string())?,
            "csv-id" => crate::export::table_csv(&t, crate::export::CsvDialect::Indonesian),
            _ => crate::export::table_csv(&t, crate::export::CsvDialect::Plain),
        },
        (SaveRequest::Chart { id, year }, None) => {
            let chart = crate::report::charts::all_charts(d, s, *year, lang)
                .into_iter()
                .chain(city_charts)
                .find(|c| &c.id == id)
                .ok_or_else(|| format!("grafik {id}"))?;
            let num = |v: &str, what: &str| -> Result<f64, String> {
                v.trim().replace(',', ".").parse::<f64>().ok().filter(|n| *n > 0.0 && *n <= 10_000.0).ok_or_else(|| {
                    match lang {
                        Lang::Id => format!("{what} '{v}' harus angka positif, mis. 1600."),
                        Lang::En => format!("{what} '{v}' must be a positive number, e.g. 1600."),
                    }
                })
            };
            let (w, h, sc) =
                (num(&dialog.width, "Lebar")?, num(&dialog.height, "Tinggi")?, num(&dialog.scale, "Skala")?);
            match ext {
                "svg" => crate::export::chart_svg(&chart, w as u32, h as u32, lang)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string())?,
                _ => crate::export::chart_png(&chart, w as u32, h as u32, sc, lang).map_err(|e| e.to_string())?,
            }
        }
        (SaveRequest::Lkip { year }, None) => {
            start_lkip_export(app, path, *year, opts, dialog.overwrite);
            return Ok(None);
        }
        (SaveRequest::Table { .. } | SaveRequest::CityTable { .. }, None) => {
            // Both kinds of table were built above.
            return Err(String::new());
        }
    };
    crate::export::write_file(&path, &bytes, dialog.overwrite).map_err(|e| match lang {
        Lang::Id => e.message_id(),
        Lang::En => e.to_string(),
    })?;
    Ok(Some(path))
}

fn start_lkip_export(app: &mut KinerjaApp, dir: PathBuf, year: Year, opts: TableOptions, overwrite: bool) {
    let Ok(l) = &app.data else { return };
    let (d, s) = (l.session.dataset.clone(), l.session.settings.clone());
    app.job = Some(Job::spawn(JobKind::Export, move |p| {
        let files = match crate::export::lkip_files(&d, &s, year, opts, &mut |f, what| p.report(f, what)) {
            Ok(files) => files,
            Err(e) => return Outcome::Failed(e),
        };
        if !overwrite {
            if let Some((n, _)) = files.iter().find(|(n, _)| dir.join(n).exists()) {
                return Outcome::Failed(format!("{} sudah ada; centang 'Timpa' untuk menimpa", dir.join(n).display()));
            }
        }
        // The last chance to cancel: from here every file is written.
        if p.cancelled() {
            return Outcome::Cancelled;
        }
        for (name, bytes) in &files {
            if let Err(e) = crate::export::write_file(&dir.join(name), bytes, true) {
                return Outcome::Failed(e.message_id());
            }
        }
        Outcome::Exported(dir)
    }));
}
