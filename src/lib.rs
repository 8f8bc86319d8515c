//! Kinerja: SAKIP performance-accountability data and LKIP reports for an Indonesian
//! government office.
//!
//! Layers, each depending only on those before it: [`domain`] (plain types), [`calc`] (pure
//! computation), [`text`] (every message in Indonesian or English), [`storage`] (SQLite), [`interchange`], [`import`] and [`export`] (files),
//! [`report`] (the LKIP tables as data), [`app`] (state and commands), `ui` (egui) and [`cli`].

pub mod app;
pub mod build_info;
pub mod calc;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod embedded;
pub mod entity;
pub mod export;
pub mod format;
pub mod import;
pub mod interchange;
pub mod report;
pub mod startup;
pub mod storage;
pub mod text;
pub mod ui;
