//! `kinerja`: the application window, or a command (see `kinerja --help`).

fn main() -> std::process::ExitCode {
    kinerja::cli::main()
}
