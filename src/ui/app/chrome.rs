//! The window's frame around the tabs: the top bar, the tab bar, the status line, and the page
//! shown when no database is open. Like the tabs, they only send commands.

use super::{KinerjaApp, Loaded};
use crate::app::Location;
use crate::format::Lang;
use crate::storage::access::{Role, SignedIn, Writable};
use crate::ui::dialogs::SaveRequest;
use crate::ui::strings::T;
use crate::ui::{Command, Dialog, Mode, Status, Tab};

impl KinerjaApp {
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        // One line from 1024 px up in both languages: the rarely used actions live under *Menu*.
        ui.horizontal(|ui| {
            let name =
                self.data.as_ref().map(|l| l.session.dataset.office.name.clone()).unwrap_or_else(|_| "Kinerja".into());
            // The office's name takes what the rest of the bar (measured last frame) leaves, and
            // is shortened with an ellipsis (full on hover) rather than pushing the bar onto two
            // lines.
            let rest_id = ui.scope_id().with("top_bar_rest");
            let rest = ui.ctx().data(|d| d.get_temp::<f32>(rest_id)).unwrap_or(640.0);
            let name_width = (ui.available_width() - rest - 16.0).clamp(90.0, 480.0);
            let name_end = ui.cursor().left() + name_width;
            if let Some(l) = self.data.as_ref().ok().filter(|l| l.is_city()) {
                let current = l.session.office_id;
                egui::ComboBox::new("office", "")
                    .selected_text(egui::RichText::new(name).size(16.0).strong())
                    .width(name_width - 24.0)
                    .truncate()
                    .height(600.0)
                    .show_ui(ui, |ui| {
                        for o in &l.offices {
                            // On a server the offices the login may not change say so here,
                            // before they are chosen.
                            let text = match l.session.signed_in.as_ref().filter(|s| !may_write(s, o.id)) {
                                Some(_) => format!("{} ({})", o.name, T::ReadOnlyOffice.get(lang)),
                                None => o.name.clone(),
                            };
                            if ui.selectable_label(o.id == current, text).clicked() {
                                self.commands.push(Command::SetOffice(o.id));
                            }
                        }
                    })
                    .response
                    .on_hover_text(T::ChooseOffice.get(lang));
            } else {
                let label = egui::Label::new(egui::RichText::new(name).size(16.0).strong()).truncate();
                ui.allocate_ui_with_layout(
                    egui::vec2(name_width, ui.spacing().interact_size.y),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| ui.add(label),
                );
            }
            let rest_start = ui.cursor().left().max(name_end);
            ui.separator();
            if let Ok(l) = &self.data {
                let current = self.state.year.unwrap_or_default();
                // The city view covers the years of every office, not only the open one's.
                let mut years = l.years.clone();
                if let (Tab::Kota, Some(Ok(city))) = (self.state.tab, &l.city) {
                    years.extend(city.by_year.iter().map(|y| y.year));
                    years.sort_unstable();
                    years.dedup();
                }
                egui::ComboBox::new("year", T::Year.get(lang)).selected_text(current.to_string()).show_ui(ui, |ui| {
                    for y in years.iter().rev() {
                        if ui.selectable_label(*y == current, y.to_string()).clicked() {
                            self.commands.push(Command::SetYear(*y));
                        }
                    }
                });
                ui.separator();
                let read_only = l.session.read_only.as_ref().map(|ro| ro.message(lang));
                for (mode, text) in [(Mode::Tinjau, T::ModeReview), (Mode::Sunting, T::ModeEdit)] {
                    let enabled = mode == Mode::Tinjau || read_only.is_none();
                    let mut r =
                        ui.add_enabled(enabled, egui::Button::selectable(self.state.mode == mode, text.get(lang)));
                    if let Some(why) = &read_only {
                        r = r.on_disabled_hover_text(why);
                    }
                    if r.clicked() {
                        self.commands.push(Command::SetMode(mode));
                    }
                }
                if self.state.mode == Mode::Sunting {
                    let undo = self.history.next_undo().map(|c| crate::text::change_words(c, lang));
                    let redo = self.history.next_redo().map(|c| crate::text::change_words(c, lang));
                    let b = ui.add_enabled(undo.is_some(), egui::Button::new(T::Undo.get(lang)));
                    if b.on_hover_text(format!("Ctrl+Z {}", undo.unwrap_or_default())).clicked() {
                        self.commands.push(Command::Undo);
                    }
                    let b = ui.add_enabled(redo.is_some(), egui::Button::new(T::Redo.get(lang)));
                    if b.on_hover_text(format!("Ctrl+Y {}", redo.unwrap_or_default())).clicked() {
                        self.commands.push(Command::Redo);
                    }
                }
            }
            ui.separator();
            // The two names say what they are; the word "Bahasa" is their tooltip (it cost the
            // top bar its one line).
            for (l, text) in [(Lang::Id, "Bahasa Indonesia"), (Lang::En, "English")] {
                if ui.selectable_label(lang == l, text).on_hover_text(T::Language.get(lang)).clicked() {
                    self.commands.push(Command::SetLang(l));
                }
            }
            ui.separator();
            let busy = self.work.job.is_some();
            if let (Ok(_), Some(year)) = (&self.data, self.state.year) {
                if ui.add_enabled(!busy, egui::Button::new(lang.pick("Ekspor LKIP…", "Export LKIP…"))).clicked() {
                    self.commands.push(Command::OpenSaveDialog(SaveRequest::Lkip { year }));
                }
            }
            ui.menu_button(crate::text::tr!(lang, "Menu", "Menu"), |ui| {
                if self.data.is_ok() && ui.add_enabled(!busy, egui::Button::new(T::ImportDataset.get(lang))).clicked() {
                    self.commands.push(Command::OpenDialog(Dialog::ImportDataset));
                    // Closed whatever clicked it (a screen reader's click is no pointer click).
                    ui.close();
                }
                if ui.button(T::About.get(lang)).clicked() {
                    self.commands.push(Command::OpenDialog(Dialog::About));
                    ui.close();
                }
            });
            let rest = ui.min_rect().right() - rest_start;
            ui.ctx().data_mut(|d| d.insert_temp(rest_id, rest));
        });
        // A line of its own: the first is full at 1024 px, and who is signed in is no label to
        // shorten.
        if let Ok(l) = &self.data {
            database_ui(l, &self.location, lang, ui);
        }
    }

    pub(super) fn tab_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        ui.horizontal_wrapped(|ui| {
            let city = self.data.as_ref().is_ok_and(|l| l.is_city());
            for tab in Tab::ALL.into_iter().filter(|t| *t != Tab::Kota || city) {
                let mut text = egui::RichText::new(tab.title().get(lang));
                if tab == Tab::Pemeriksaan {
                    // The count is the selected year's: the head reads it as "what is wrong in
                    // the report I am looking at".
                    if let (Ok(l), Some(year)) = (&self.data, self.state.year) {
                        let n = l.check.findings.iter().filter(|f| f.year == year).count();
                        if n > 0 {
                            text = egui::RichText::new(format!("{} ({n})", tab.title().get(lang)));
                        }
                    }
                }
                if ui.selectable_label(self.state.tab == tab, text).clicked() {
                    self.commands.push(Command::SetTab(tab));
                }
            }
        });
    }

    pub(super) fn db_error_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let err = self.data.as_ref().err().cloned().unwrap_or_default();
        ui.heading(T::DbError.get(lang));
        ui.label(egui::RichText::new(err).color(ui.visuals().error_fg_color));
        ui.add_space(8.0);
        if let Some(latest) = self.backups_offered.first().cloned() {
            ui.label(lang.pick(
                "Berkas yang rusak tidak diubah. Pulihkan dari cadangan terbaru (berkas rusak disimpan dengan nama lain):",
                "The damaged file was not changed. Restore the latest backup (the damaged file is kept under another name):",
            ));
            if ui.button(format!("{} {}", lang.pick("Pulihkan", "Restore"), latest.display())).clicked() {
                self.commands.push(Command::Restore(latest));
            }
            ui.add_space(8.0);
        }
        ui.label(T::DbErrorHelp.get(lang));
        ui.horizontal(|ui| {
            let label = ui.label(T::DbLocationLabel.get(lang));
            ui.add(egui::TextEdit::singleline(&mut self.path_input).desired_width(420.0)).labelled_by(label.id);
            if ui.button(T::Browse.get(lang)).clicked() {
                if let Some(p) = rfd::FileDialog::new().add_filter("SQLite", &["sqlite", "db"]).save_file() {
                    self.path_input = p.display().to_string();
                }
            }
            if ui.button(T::OpenThis.get(lang)).clicked() && !self.path_input.trim().is_empty() {
                self.commands.push(self.open_typed());
            }
        });
    }

    /// What *Buka* of the path field asks: the address shown unchanged is the open one (its
    /// password masked in the field), anything else is read as typed.
    fn open_typed(&self) -> Command {
        let typed = self.path_input.trim();
        if typed == self.location.shown() {
            return Command::OpenDatabase(self.location.clone());
        }
        match Location::parse(std::ffi::OsStr::new(typed)) {
            Ok(location) => Command::OpenDatabase(location),
            Err(e) => Command::SetStatus(Status::new(|lang| e.message(lang))),
        }
    }

    /// The status line: the message, and what it offers (the folder written, the city made).
    pub(super) fn status_line_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let Some(msg) = self.status.status.as_ref().map(|s| s.get(lang).to_string()) else { return };
        // The buttons come first so that a long message cannot push them out of sight.
        ui.horizontal(|ui| {
            if ui.small_button("✖").clicked() {
                self.commands.push(Command::DismissStatus);
            }
            if self.status.saved_path.is_some() {
                let opening = self.work.opening_folder.is_some();
                let button = egui::Button::new(lang.pick("Buka folder", "Open folder")).small();
                if ui.add_enabled(!opening, button).clicked() {
                    self.commands.push(Command::OpenSavedFolder);
                }
            }
            if let Some(db) = &self.status.generated_db {
                if ui.small_button(T::OpenGenerated.get(lang)).clicked() {
                    self.commands.push(Command::DismissStatus);
                    self.commands.push(Command::OpenDatabase(Location::File(db.clone())));
                }
            }
            ui.add(egui::Label::new(msg).wrap());
        });
    }
}

/// Whether the login signed in may change the office `id`.
fn may_write(signed_in: &SignedIn, id: i64) -> bool {
    match &signed_in.writable {
        Writable::All => true,
        Writable::Offices(ids) => ids.contains(&id),
        Writable::None => false,
    }
}

/// The top bar's second line: the database (a file's name, the whole path on hover; a server's
/// address with its password masked) and, on a server, who is signed in with their role and, for
/// a planner, the offices it may change.
fn database_ui(l: &Loaded, location: &Location, lang: Lang, ui: &mut egui::Ui) {
    let (shown, full) = match location {
        Location::Server(_) => (location.shown(), location.shown()),
        Location::File(path) if l.is_file() => {
            (path.file_name().map_or_else(|| location.shown(), |n| n.to_string_lossy().into_owned()), location.shown())
        }
        // The in-memory copy of tests and demos is no database the user chose.
        Location::File(_) => return,
    };
    ui.horizontal(|ui| {
        let database = T::Database.get(lang);
        ui.label(format!("{database}: {shown}")).on_hover_text(format!("{database}: {full}"));
        if let Some(s) = &l.session.signed_in {
            ui.separator();
            ui.label(signed_in_words(l, s, lang));
        }
    });
}

/// `Masuk sebagai LOGIN — ROLE`, with the offices a planner may change.
fn signed_in_words(l: &Loaded, s: &SignedIn, lang: Lang) -> String {
    let role = match (s.role, &s.writable) {
        (Some(Role::Admin), _) => T::RoleAdmin,
        (Some(Role::Planner), _) => T::RolePlanner,
        (Some(Role::Reviewer), _) => T::RoleReviewer,
        // A superuser (or a role past row-level security) is above Kinerja's users.
        (None, Writable::All) => T::RoleOwner,
        (None, _) => T::RoleNone,
    };
    let mut text = format!("{} {} — {}", T::SignedInAs.get(lang), s.login, role.get(lang));
    if let Writable::Offices(ids) = &s.writable {
        let codes: Vec<&str> = l.offices.iter().filter(|o| ids.contains(&o.id)).map(|o| o.code.as_str()).collect();
        text.push_str(&format!(" ({} {})", T::MayChange.get(lang), codes.join(", ")));
    }
    text
}
