//! The `vanban` command: parses arguments and hands over to the library.

fn main() -> std::process::ExitCode {
    // `vanban serve` lays its previews out in a child process of itself.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == vanban::serve::WORKER_ARG)
    {
        return vanban::serve::run_worker();
    }
    vanban::cli::main()
}
