//! `kinerja`: the application window, or a command (see `kinerja --help`).

fn main() -> std::process::ExitCode {
    kinerja::startup::mark_process_start();
    kinerja::cli::main()
}
