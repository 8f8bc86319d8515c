//! How a figure is written on screen: Indonesian (or English) number formats by column kind,
//! and the colour of a capaian status — each from the one place the report keeps it.

use crate::calc::settings::Status;
pub use crate::report::{cell_text, figure_text};

/// The colour of a capaian status band: the report's ([`crate::report::charts::status_rgb`]),
/// so that a figure on screen and its bar in a chart share it.
pub fn status_color(status: Status) -> egui::Color32 {
    let [r, g, b] = crate::report::charts::status_rgb(status);
    egui::Color32::from_rgb(r, g, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_has_one_colour_in_figures_and_in_charts() {
        for status in [Status::SangatTinggi, Status::Tinggi, Status::Sedang, Status::Rendah, Status::SangatRendah] {
            let [r, g, b] = crate::report::charts::status_rgb(status);
            assert_eq!(status_color(status), egui::Color32::from_rgb(r, g, b), "{status:?}");
        }
        // The green of sangat tinggi and the red of sangat rendah, as the window has shown them.
        assert_eq!(status_color(Status::SangatTinggi), egui::Color32::from_rgb(30, 140, 60));
        assert_eq!(status_color(Status::SangatRendah), egui::Color32::from_rgb(200, 40, 40));
    }
}
