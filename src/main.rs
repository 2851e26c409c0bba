//! The `vanban` command: parses arguments and hands over to the library.

fn main() -> std::process::ExitCode {
    vanban::cli::main()
}
