//! How a figure is written on screen: Indonesian (or English) number formats by column kind.

use crate::calc::settings::Status;
pub use crate::report::{cell_text, figure_text};

/// The colour of a capaian status band.
pub fn status_color(status: Status) -> egui::Color32 {
    match status {
        Status::SangatTinggi => egui::Color32::from_rgb(30, 140, 60),
        Status::Tinggi => egui::Color32::from_rgb(110, 170, 50),
        Status::Sedang => egui::Color32::from_rgb(220, 170, 20),
        Status::Rendah => egui::Color32::from_rgb(230, 120, 30),
        Status::SangatRendah => egui::Color32::from_rgb(200, 40, 40),
    }
}
