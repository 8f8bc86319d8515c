//! Stamps the version and git commit shown in the About box and `--version`, and embeds the
//! default dataset (every CSV file under `assets/dataset/bekasi-2024`) into the binary.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    stamp_commit(&manifest);
    embed_dataset(&manifest.join("assets/dataset/bekasi-2024"), &out.join("embedded_dataset.rs"));
}

fn stamp_commit(manifest: &Path) {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(manifest)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let commit = git(&["rev-parse", "--short=10", "HEAD"]).unwrap_or_else(|| "unknown".into());
    let dirty = git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    let date = git(&["log", "-1", "--format=%cs"]).unwrap_or_default();
    println!("cargo:rustc-env=KINERJA_COMMIT={commit}{}", if dirty { "+" } else { "" });
    println!("cargo:rustc-env=KINERJA_COMMIT_DATE={date}");
    if let Some(git_dir) = git(&["rev-parse", "--git-dir"]) {
        let git_dir = manifest.join(git_dir);
        println!("cargo:rerun-if-changed={}", git_dir.join("HEAD").display());
        println!("cargo:rerun-if-changed={}", git_dir.join("index").display());
        println!("cargo:rerun-if-changed={}", git_dir.join("refs").display());
    }
}

fn embed_dataset(dir: &Path, target: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read the default dataset at {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the default dataset at {} holds no CSV file", dir.display());
    let mut code =
        String::from("/// The default dataset's files: (file name, bytes).\npub static FILES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{} is not UTF-8 text: {e}", path.display()));
        let header = text.lines().next().unwrap_or("");
        assert!(!header.trim().is_empty(), "{} has no header row", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).expect("CSV names are UTF-8");
        writeln!(code, "    ({name:?}, include_bytes!({:?})),", path.display().to_string())
            .expect("writing to a String");
    }
    code.push_str("];\n");
    fs::write(target, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}
