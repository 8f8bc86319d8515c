//! What several GUI test files share: the real window in a harness, and waiting for its
//! background work.
#![allow(dead_code)]

use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use kinerja::ui::KinerjaApp;

/// The real application drawn without a display, after its first frames.
pub fn harness_of(app: KinerjaApp) -> Harness<'static, KinerjaApp> {
    harness_of_size(app, 1400.0, 900.0)
}

/// The window of `app` at `w` × `h` points, after its first frames.
#[allow(dead_code)]
pub fn harness_of_size(app: KinerjaApp, w: f32, h: f32) -> Harness<'static, KinerjaApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_max_steps(16)
        .with_context_setup(kinerja::ui::setup_context)
        .build_ui_state(|ui, app: &mut KinerjaApp| app.ui_main(ui), app);
    h.run_steps(3);
    h
}

/// Runs frames until `done` holds (at most ten seconds).
pub fn wait_until(h: &mut Harness<'static, KinerjaApp>, what: &str, done: impl Fn(&KinerjaApp) -> bool) {
    for _ in 0..400 {
        h.run_steps(1);
        if done(h.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    panic!("{what} did not finish");
}

/// Runs frames until the background job has finished.
pub fn wait_for_job(h: &mut Harness<'static, KinerjaApp>) {
    wait_until(h, "the background job", |app| app.work().job.is_none());
}

/// Runs frames until the integrity check of the open file has finished.
pub fn wait_for_integrity_check(h: &mut Harness<'static, KinerjaApp>) {
    wait_until(h, "the integrity check", |app| app.work().integrity.is_none());
}

/// The text field named `label` (its `labelled_by` labels); where several forms show a field
/// of that name, the one that shows `holding`, as a person finds it on the screen.
pub fn text_field<'h>(
    h: &'h Harness<'static, KinerjaApp>,
    label: &'h str,
    holding: Option<&'h str>,
) -> egui_kittest::Node<'h> {
    let mut fields = h
        .get_all_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .filter(|f| holding.is_none_or(|v| f.value().as_deref() == Some(v)));
    let field = fields.next().unwrap_or_else(|| panic!("no text field '{label}' holding {holding:?}"));
    assert!(fields.next().is_none(), "more than one text field '{label}' holding {holding:?}");
    field
}

/// Types `text` into a text field, replacing what it held, as a person does: focus the field,
/// select all, type.
pub fn type_into_field(h: &mut Harness<'static, KinerjaApp>, label: &str, holding: Option<&str>, text: &str) {
    let id = text_field(h, label, holding).accesskit_node().locate().0;
    type_into_node(h, label, id, text);
}

/// Types `text` into the first text field named `label` in the window's order (top to bottom):
/// the table filter of the first table of a tab, say.
pub fn type_into_first(h: &mut Harness<'static, KinerjaApp>, label: &str, text: &str) {
    let id = h
        .get_all_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .next()
        .unwrap_or_else(|| panic!("no text field '{label}'"))
        .accesskit_node()
        .locate()
        .0;
    type_into_node(h, label, id, text);
}

fn type_into_node(h: &mut Harness<'static, KinerjaApp>, label: &str, id: egui::accesskit::NodeId, text: &str) {
    fn find<'h>(
        h: &'h Harness<'static, KinerjaApp>,
        label: &'h str,
        id: egui::accesskit::NodeId,
    ) -> egui_kittest::Node<'h> {
        h.get_all_by_role_and_label(egui::accesskit::Role::TextInput, label)
            .find(|f| f.accesskit_node().locate().0 == id)
            .unwrap_or_else(|| panic!("the text field '{label}' is gone"))
    }
    find(h, label, id).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    assert!(find(h, label, id).is_focused(), "the field '{label}' has the focus");
    find(h, label, id).type_text(text);
    h.run_steps(2);
    assert_eq!(find(h, label, id).value().as_deref(), Some(text), "the field '{label}' holds what was typed");
}

/// Types `text` into the only text field named `label`.
pub fn type_into(h: &mut Harness<'static, KinerjaApp>, label: &str, text: &str) {
    type_into_field(h, label, None, text);
}

/// Clicks, through AccessKit, the table row that shows `text` in one of its cells (the row's
/// code, say), as a screen reader user does; where several tables show it, the first in the
/// window's order (top to bottom).
pub fn click_row(h: &mut Harness<'static, KinerjaApp>, text: &str) {
    h.get_all_by_role_and_label(egui::accesskit::Role::Label, text)
        .next()
        .unwrap_or_else(|| panic!("no cell shows '{text}'"))
        .click_accesskit();
    h.run_steps(3);
}

/// Opens the top bar's *Menu* (where *Impor dataset…* and *Tentang* live).
pub fn open_menu(h: &mut Harness<'static, KinerjaApp>) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Menu").click_accesskit();
    h.run_steps(2);
}

/// Clicks the tab button of `tab` (its title in `lang`, followed by a count on some tabs) and
/// checks that the tab opened.
#[allow(dead_code)]
pub fn click_tab(h: &mut Harness<'static, KinerjaApp>, tab: kinerja::ui::Tab, lang: kinerja::format::Lang) {
    let label = tab.title().get(lang);
    h.get_all_by_role(egui::accesskit::Role::Button)
        .find(|b| b.accesskit_node().label().is_some_and(|l| l.starts_with(label)))
        .unwrap_or_else(|| panic!("no tab button '{label}'"))
        .click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().tab, tab);
}

/// *Impor dataset…* from the top bar: type the path into the dialog's field, click *Impor*, and
/// wait for the background import.
pub fn import_from_the_menu(h: &mut Harness<'static, KinerjaApp>, path: &std::path::Path) {
    open_menu(h);
    h.get_by_label("Impor dataset…").click_accesskit();
    // The click is carried out after its frame; a new window is laid out unseen in its first.
    h.run_steps(3);
    type_into(h, "Berkas", &path.display().to_string());
    h.get_by_label("Impor").click_accesskit();
    h.run_steps(1);
    wait_for_job(h);
}

pub mod server;
