//! *Simpan sebagai…*: tables, charts and the whole LKIP export to files. The native file dialog
//! is offered, and a path field always works where no dialog is available.

use super::DialogContext;
use crate::domain::Year;
use crate::format::Lang;
use crate::report::charts::ChartSpec;
use crate::report::TableOptions;
use crate::text::{self, tr};
use crate::ui::jobs::{Job, JobKind, Outcome};
use crate::ui::strings::T;
use crate::ui::{Command, Dialog, Status};
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
    /// Whether the path was put into the last folder used (done when first drawn).
    pub placed: bool,
}

fn formats(r: &SaveRequest) -> &'static [(&'static str, &'static str)] {
    match r {
        SaveRequest::Table { .. } | SaveRequest::CityTable { .. } => {
            &[("xlsx", "Excel (XLSX)"), ("csv", "CSV"), ("csv-id", "CSV Excel Indonesia (;)")]
        }
        SaveRequest::Chart { .. } => &[("png", "PNG"), ("svg", "SVG")],
        SaveRequest::Lkip { .. } => &[("folder", LKIP_FORMAT)],
    }
}

/// A format's name in the window's language (the LKIP export's charts; the others are names).
fn format_label(label: &str, lang: Lang) -> &str {
    match label {
        LKIP_FORMAT => lang.pick(LKIP_FORMAT, "PDF + XLSX + charts"),
        _ => label,
    }
}

const LKIP_FORMAT: &str = "PDF + XLSX + grafik";

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
            placed: false,
        }
    }
}

/// Opens a folder in the platform's file manager; the launcher's exit says whether it worked.
pub fn open_folder(dir: &Path) -> std::io::Result<std::process::Child> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
}

/// The status line after *Buka folder* worked.
pub fn open_folder_done(dir: &Path, lang: Lang) -> String {
    tr!(lang, "Folder dibuka: {}", "Folder opened: {}", dir.display())
}

/// The status line after *Buka folder* failed, with the reason.
pub fn open_folder_failed(dir: &Path, why: &str, lang: Lang) -> String {
    tr!(
        lang,
        "Folder {} tidak dapat dibuka ({why}); bukalah dengan pengelola berkas.",
        "Folder {} could not be opened ({why}); open it with a file manager.",
        dir.display()
    )
}

/// Said when the target exists and *Timpa* is not ticked.
pub fn exists_message(path: &Path, lang: Lang) -> String {
    tr!(
        lang,
        "Berkas sudah ada; centang Timpa untuk menggantinya ({}).",
        "The file already exists; tick Overwrite to replace it ({}).",
        path.display()
    )
}

/// A write error in the user's language, in the window's words (no command-line flags).
fn write_error(e: &crate::export::WriteError, path: &Path, lang: Lang) -> String {
    match e {
        crate::export::WriteError::Exists(_) => exists_message(path, lang),
        other => text::error_message(lang, || other.message_id(), other),
    }
}

/// The folder new saves start in: the last one written into, while it still exists.
fn remembered_dir(save_dir: Option<&str>) -> Option<PathBuf> {
    save_dir.map(PathBuf::from).filter(|d| d.is_dir())
}

/// Draws the dialog; *Simpan* asks for the save to start ([`Command::StartSave`]), which closes
/// the dialog or leaves the reason in it.
pub fn save_dialog_ui(dialog: &mut SaveDialog, cx: &mut DialogContext, ctx: &egui::Context) {
    let lang = cx.lang;
    if !dialog.placed {
        // The dialog is made where the request starts (a tab, a chart); the folder it opens in
        // is the last one used, known here.
        dialog.placed = true;
        if let Some(dir) = remembered_dir(cx.save_dir) {
            let ext = formats(&dialog.request)[dialog.format].0;
            dialog.path = dir.join(default_name(&dialog.request, ext)).display().to_string();
        }
    }
    let mut open = true;
    egui::Window::new(lang.pick("Simpan sebagai…", "Save as…")).collapsible(false).open(&mut open).show(ctx, |ui| {
        let fmts = formats(&dialog.request);
        ui.horizontal(|ui| {
            for (i, (ext, label)) in fmts.iter().enumerate() {
                if ui.radio_value(&mut dialog.format, i, format_label(label, lang)).clicked() {
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
                browse(dialog, lang);
            }
        });
        if let SaveRequest::Chart { .. } = dialog.request {
            ui.horizontal(|ui| {
                for (label, v) in [
                    (lang.pick("Lebar", "Width"), &mut dialog.width),
                    (lang.pick("Tinggi", "Height"), &mut dialog.height),
                    (lang.pick("Skala", "Scale"), &mut dialog.scale),
                ] {
                    let l = ui.label(label);
                    ui.add(egui::TextEdit::singleline(v).desired_width(60.0)).labelled_by(l.id);
                }
            });
        }
        if !matches!(dialog.request, SaveRequest::Chart { .. }) {
            ui.checkbox(
                &mut dialog.show_phone,
                lang.pick("Tampilkan nomor telepon lengkap (Tabel 3.15)", "Show full telephone numbers (Table 3.15)"),
            );
        }
        ui.checkbox(&mut dialog.overwrite, overwrite_label(lang)).on_hover_text(lang.pick(
            "Mengganti berkas yang sudah ada dengan nama yang sama",
            "Replace an existing file of the same name",
        ));
        if let Some(e) = &dialog.error {
            ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
        }
        if ui.add_enabled(!cx.busy, egui::Button::new(T::Save.get(lang))).clicked() {
            cx.send(Command::StartSave);
        }
    });
    if !open {
        cx.send(Command::CloseDialog(Dialog::Save));
    }
}

/// The native file dialog, where there is one; the path field is there for where there is none.
fn browse(dialog: &mut SaveDialog, lang: Lang) {
    let current = PathBuf::from(&dialog.path);
    let start = current.parent().filter(|d| d.is_dir()).map(Path::to_path_buf).unwrap_or_else(base_dir);
    let picked = match dialog.request {
        SaveRequest::Lkip { .. } => rfd::FileDialog::new().set_directory(&start).pick_folder(),
        _ => rfd::FileDialog::new()
            .set_directory(&start)
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

/// The label of the overwrite box: *Timpa* (and its English name).
pub fn overwrite_label(lang: Lang) -> &'static str {
    lang.pick("Timpa", "Overwrite")
}

/// Said when a save is asked for while other work runs.
pub fn busy_message(lang: Lang) -> String {
    lang.pick(
        "Pekerjaan lain masih berjalan; tunggu sampai selesai.",
        "Other work is still running; wait until it ends.",
    )
    .into()
}

/// A positive number of the chart's size fields (`1600`, `2`, `1,5`).
fn size_number(v: &str, what: &str, lang: Lang) -> Result<f64, String> {
    v.trim().replace(',', ".").parse::<f64>().ok().filter(|n| *n > 0.0 && *n <= 10_000.0).ok_or_else(|| {
        tr!(lang, "{what} '{v}' harus angka positif, mis. 1600.", "{what} '{v}' must be a positive number, e.g. 1600.")
    })
}

/// What the job's thread builds the file from (copies: the window goes on with the data).
pub enum Source {
    Table {
        data: Box<(crate::domain::Dataset, crate::calc::Settings)>,
        id: String,
        year: Year,
        opts: TableOptions,
    },
    /// Tables already built: a workbook holds each as a sheet, a CSV file the first.
    Built(Vec<crate::report::TableView>),
    Chart {
        data: Box<(crate::domain::Dataset, crate::calc::Settings)>,
        city: Vec<ChartSpec>,
        id: String,
        year: Year,
    },
}

/// A checked save, ready to run in the background.
pub enum SaveOrder {
    File {
        path: PathBuf,
        source: Source,
        ext: String,
        size: (f64, f64, f64),
        overwrite: bool,
    },
    Lkip {
        dir: PathBuf,
        data: Box<(crate::domain::Dataset, crate::calc::Settings)>,
        year: Year,
        opts: TableOptions,
        overwrite: bool,
    },
}

/// Checks the dialog's fields against the file system and the data; the reason when they do
/// not describe a save.
pub fn prepare(dialog: &SaveDialog, l: &mut crate::ui::Loaded, lang: Lang) -> Result<SaveOrder, String> {
    let typed = dialog.path.trim();
    if typed.is_empty() {
        return Err(lang.pick("Tulis lokasi berkas.", "Type a path.").into());
    }
    let path = PathBuf::from(typed);
    let is_folder = matches!(dialog.request, SaveRequest::Lkip { .. });
    if !is_folder {
        if path.is_dir() {
            return Err(tr!(
                lang,
                "{} adalah folder; tulis nama berkas di ujungnya.",
                "{} is a folder; add a file name to it.",
                path.display()
            ));
        }
        if path.exists() && !dialog.overwrite {
            return Err(exists_message(&path, lang));
        }
    }
    let ext = formats(&dialog.request)[dialog.format].0;
    let opts = TableOptions { show_phone: dialog.show_phone, ..TableOptions::default() };
    let size = match dialog.request {
        SaveRequest::Chart { .. } => (
            size_number(&dialog.width, lang.pick("Lebar", "Width"), lang)?,
            size_number(&dialog.height, lang.pick("Tinggi", "Height"), lang)?,
            size_number(&dialog.scale, lang.pick("Skala", "Scale"), lang)?,
        ),
        _ => (0.0, 0.0, 0.0),
    };
    let data = |l: &crate::ui::Loaded| Box::new((l.dataset().clone(), l.settings().clone()));
    let source = match &dialog.request {
        SaveRequest::Table { id, year } => Source::Table { data: data(l), id: id.clone(), year: *year, opts },
        SaveRequest::CityTable { year } => {
            let offices = l.city_table(*year)?.clone();
            let parts = crate::app::city::city_parts_table(l.city(*year).as_ref().map_err(Clone::clone)?, Lang::Id);
            Source::Built(vec![offices, parts])
        }
        SaveRequest::Chart { id, year } => {
            let city = if id.starts_with("kota-") {
                let amounts = crate::app::city::by_year_amounts(l.city(*year).as_ref().map_err(Clone::clone)?);
                vec![
                    crate::report::charts::city_budget_trend(&amounts, lang),
                    crate::report::charts::city_serapan_trend(&amounts, lang),
                ]
            } else {
                Vec::new()
            };
            Source::Chart { data: data(l), city, id: id.clone(), year: *year }
        }
        SaveRequest::Lkip { year } => {
            return Ok(SaveOrder::Lkip { dir: path, data: data(l), year: *year, opts, overwrite: dialog.overwrite })
        }
    };
    Ok(SaveOrder::File { path, source, ext: ext.to_string(), size, overwrite: dialog.overwrite })
}

impl SaveOrder {
    /// The folder to offer next time.
    pub fn folder_to_remember(&self) -> Option<String> {
        let dir = match self {
            SaveOrder::File { path, .. } => path.parent(),
            SaveOrder::Lkip { dir, .. } => dir.parent(),
        };
        dir.filter(|d| !d.as_os_str().is_empty()).map(|d| d.display().to_string())
    }

    /// Runs the save on a thread of its own; `lang` words the charts drawn.
    pub fn spawn(self, lang: Lang) -> Job {
        match self {
            SaveOrder::File { path, source, ext, size, overwrite } => Job::spawn(JobKind::Save, move |p| {
                if !p.report(0.1, &path.display().to_string()) {
                    return Outcome::Cancelled;
                }
                let bytes = match file_bytes(source, &ext, size, lang) {
                    Ok(b) => b,
                    Err(e) => return Outcome::Failed(e),
                };
                // The last chance to cancel: from here the file is written.
                if !p.report(0.9, &path.display().to_string()) {
                    return Outcome::Cancelled;
                }
                match crate::export::write_file(&path, &bytes, overwrite) {
                    Ok(()) => Outcome::Saved(path),
                    Err(e) => Outcome::Failed(Status::new(|lang| write_error(&e, &path, lang))),
                }
            }),
            SaveOrder::Lkip { dir, data, year, opts, overwrite } => Job::spawn(JobKind::Export, move |p| {
                let (d, s) = *data;
                let files = match crate::export::lkip_files(&d, &s, year, opts, &mut |f, what| p.report(f, what)) {
                    Ok(files) => files,
                    Err(e) => return Outcome::Failed(Status::new(|_| e.clone())),
                };
                if !overwrite {
                    if let Some((n, _)) = files.iter().find(|(n, _)| dir.join(n).exists()) {
                        let path = dir.join(n);
                        return Outcome::Failed(Status::new(|lang| exists_message(&path, lang)));
                    }
                }
                // The last chance to cancel: from here every file is written.
                if p.cancelled() {
                    return Outcome::Cancelled;
                }
                for (name, bytes) in &files {
                    let path = dir.join(name);
                    if let Err(e) = crate::export::write_file(&path, bytes, true) {
                        return Outcome::Failed(Status::new(|lang| write_error(&e, &path, lang)));
                    }
                }
                Outcome::Exported(dir)
            }),
        }
    }
}

/// The file's bytes (on the job's thread).
fn file_bytes(source: Source, ext: &str, (w, h, sc): (f64, f64, f64), lang: Lang) -> Result<Vec<u8>, Status> {
    let tables = match source {
        Source::Table { data, id, year, opts } => {
            vec![crate::report::build_table(&data.0, &data.1, &id, year, opts)
                .map_err(|e| Status::new(|lang| text::error_message(lang, || e.message_id(), &e)))?]
        }
        Source::Built(t) => t,
        Source::Chart { data, city, id, year } => {
            let chart = crate::report::charts::all_charts(&data.0, &data.1, year, lang)
                .into_iter()
                .chain(city)
                .find(|c| c.id == id)
                .ok_or_else(|| {
                    Status::new(|lang| {
                        tr!(lang, "Grafik {id} tidak ada untuk {year}.", "There is no chart {id} for {year}.")
                    })
                })?;
            // The sizes were checked to lie in 0–10 000.
            let drawn = match ext {
                "svg" => crate::export::chart_svg(&chart, w as u32, h as u32, lang).map(String::into_bytes),
                _ => crate::export::chart_png(&chart, w as u32, h as u32, sc, lang),
            };
            return drawn.map_err(|e| {
                let e = e.to_string();
                Status::new(|_| e.clone())
            });
        }
    };
    if ext == "xlsx" {
        return crate::export::tables_xlsx(&tables).map_err(|e| {
            let e = e.to_string();
            Status::new(|_| e.clone())
        });
    }
    let Some(table) = tables.first() else { return Ok(Vec::new()) };
    Ok(match ext {
        "csv-id" => crate::export::table_csv(table, crate::export::CsvDialect::Indonesian),
        _ => crate::export::table_csv(table, crate::export::CsvDialect::Plain),
    })
}
