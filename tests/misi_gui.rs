//! The plan above the office in the window (issue 14): in *Sunting* mode the Renstra tab's
//! structure editor adds a misi of the city plan, renames it and hangs a new sasaran directly
//! under it, by clicking and typing through AccessKit; the read-only tree then shows the misi
//! above it.
mod common;
use common::{harness_of, text_field, type_into_field};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use kinerja::domain::{Misi, Sasaran};
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};

const NAME: &str = "Mewujudkan perekonomian daerah yang berdaya saing";

/// The only button named `label` on the same line as `field` (the rect's vertical span).
fn button_beside(h: &Harness<'static, KinerjaApp>, label: &str, field: egui::Rect) -> egui::accesskit::NodeId {
    let mut beside = h
        .get_all_by_role_and_label(Role::Button, label)
        .filter(|b| (field.top()..=field.bottom()).contains(&b.rect().center().y));
    let id = beside.next().unwrap_or_else(|| panic!("no '{label}' beside the field")).accesskit_node().locate().0;
    assert!(beside.next().is_none(), "one '{label}' beside the field");
    id
}

fn click_node(h: &mut Harness<'static, KinerjaApp>, role: Role, label: &str, id: egui::accesskit::NodeId) {
    h.get_all_by_role_and_label(role, label).find(|n| n.accesskit_node().locate().0 == id).unwrap().click_accesskit();
    h.run_steps(3);
}

#[test]
fn a_planner_adds_a_misi_and_a_sasaran_under_it() {
    let mut h = harness_of(KinerjaApp::in_memory(UiState {
        tab: Tab::Renstra,
        mode: Mode::Sunting,
        user_name: "Perencana".into(),
        ..Default::default()
    }));
    let data = |h: &Harness<'static, KinerjaApp>| h.state().session().unwrap().dataset.clone();
    assert!(data(&h).misi.is_empty(), "the reference prints no misi");

    h.get_by_role_and_label(Role::Button, "+ Misi").click_accesskit();
    h.run_steps(3);
    let added = Misi { period: "2024-2026".into(), code: "M1".into(), position: 1, name: "Misi baru".into() };
    assert_eq!(data(&h).misi, vec![added]);

    // The structure editor's header comes after the read-only tree's header of the same name.
    h.get_all_by_role_and_label(Role::DisclosureTriangle, "Misi: Misi baru").last().unwrap().click_accesskit();
    h.run_steps(3);
    type_into_field(&mut h, "Nama", Some("Misi baru"), NAME);
    let field = text_field(&h, "Nama", Some(NAME)).rect();
    let save = button_beside(&h, "Simpan", field);
    click_node(&mut h, Role::Button, "Simpan", save);
    assert_eq!(data(&h).misi[0].name, NAME);

    // The misi's header is renamed with it; the editor stays open (its id is the misi's code).
    let add = h.get_all_by_role_and_label(Role::Button, "+ Sasaran").collect::<Vec<_>>();
    assert_eq!(add.len(), 1, "only the open misi offers a new sasaran (the tujuan are folded)");
    add[0].click_accesskit();
    h.run_steps(3);
    let d = data(&h);
    let under: Vec<&Sasaran> = d.sasaran_of_misi("M1");
    assert_eq!(under.len(), 1);
    assert_eq!(
        (under[0].tujuan.as_deref(), under[0].misi.as_deref(), under[0].name.as_str()),
        (None, Some("M1"), "Sasaran baru")
    );
    assert_eq!(d.period_of_sasaran(under[0]), Some("2024-2026"));
    // A misi with a sasaran under it cannot be removed from the window.
    assert!(h.get_by_role_and_label(Role::Button, "Hapus misi").accesskit_node().is_disabled());

    // The read-only tree shows the misi with the new sasaran.
    assert!(h.query_all_by_label(&format!("Misi: {NAME}")).count() >= 2, "tree and editor headers");
    assert!(h.query_all_by_label("Sasaran: Sasaran baru").next().is_some());
    // (The tujuan-sasaran table's misi row is tested in tests/misi.rs; here it is below the
    // fold, and a table draws only the rows in view.)

    // Undo takes the sasaran back, then the name, then the misi.
    for _ in 0..3 {
        h.get_by_role_and_label(Role::Button, "↶ Urungkan").click_accesskit();
        h.run_steps(3);
    }
    assert!(data(&h).misi.is_empty() && data(&h).sasaran.len() == 2, "all undone");
}

#[test]
fn a_planner_moves_a_sasaran_from_its_tujuan_to_a_misi_and_back() {
    let mut h = harness_of(KinerjaApp::in_memory(UiState {
        tab: Tab::Renstra,
        mode: Mode::Sunting,
        user_name: "Perencana".into(),
        ..Default::default()
    }));
    let data = |h: &Harness<'static, KinerjaApp>| h.state().session().unwrap().dataset.clone();
    h.get_by_role_and_label(Role::Button, "+ Misi").click_accesskit();
    h.run_steps(3);

    // S2 hangs under tujuan T2 in the reference; open T2's editor, then S2's.
    let t2 = "Tujuan: Meningkatnya Pertumbuhan Ekonomi Sektor Perdagangan dan Jasa (Koperasi dan UMKM)";
    h.get_all_by_role_and_label(Role::DisclosureTriangle, t2).last().unwrap().click_accesskit();
    h.run_steps(3);
    let s2 = "Sasaran: Meningkatnya Daya Saing Koperasi dan UMKM";
    h.get_all_by_role_and_label(Role::DisclosureTriangle, s2).last().unwrap().click_accesskit();
    h.run_steps(3);

    h.get_by_role_and_label(Role::ComboBox, "Berada di bawah").click_accesskit();
    h.run_steps(3);
    // The popup's entry: the tree and the editor show the misi's header under the same name.
    h.get_all_by_label("Misi: Misi baru")
        .find(|n| n.accesskit_node().role() != Role::DisclosureTriangle)
        .expect("the misi among the places a sasaran may hang")
        .click_accesskit();
    h.run_steps(3);
    let moved = data(&h).sasaran.into_iter().find(|s| s.code == "S2").unwrap();
    assert_eq!((moved.tujuan.as_deref(), moved.misi.as_deref()), (None, Some("M1")));
    // Its indicators stay with it.
    assert!(data(&h).indicators.iter().any(|i| i.parent.as_deref() == Some("S2")));

    // Undo puts it back under T2.
    h.get_by_role_and_label(Role::Button, "↶ Urungkan").click_accesskit();
    h.run_steps(3);
    let back = data(&h).sasaran.into_iter().find(|s| s.code == "S2").unwrap();
    assert_eq!((back.tujuan.as_deref(), back.misi.as_deref()), (Some("T2"), None));
}
