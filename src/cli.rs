//! Command-line interface (clap). Thin: parses, calls the library, prints.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diag::Error;
use crate::world::Engine;
use crate::{build_file, load, BuildOptions, Builder};

const EXAMPLES: &str = "\
Examples:
  vanban build data/examples/cong-van.yaml            # writes data/examples/cong-van.pdf
  vanban build data/2023/*.yaml -o out/ --typst       # PDFs and generated .typ into out/
  vanban build ke-hoach.yaml --font-path ~/fonts --font \"Times New Roman\"
  vanban check data/**/*.yaml                         # validate, write nothing
  vanban schema > vanban.schema.json                  # JSON Schema for editors

Exit codes: 0 ok, 1 document error, 2 usage error.";

/// Vietnamese official documents (Nghị định 30/2020/NĐ-CP) from YAML to PDF.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Font options shared by the commands that lay out documents.
#[derive(Debug, Clone, clap::Args)]
pub struct FontArgs {
    /// Add fonts from this folder (repeatable), e.g. an office's Times New Roman.
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Body font family (default: Times New Roman if found, else Liberation Serif).
    #[arg(long, value_name = "NAME")]
    pub font: Option<String>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDFs from YAML documents.
    Build {
        /// YAML documents.
        #[arg(required = true, value_name = "FILE.yaml")]
        files: Vec<PathBuf>,
        /// Output folder (default: beside each input).
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Also write the generated Typst source (`NAME.typ`).
        #[arg(long)]
        typst: bool,
        /// Produce PDF/A-2b for archiving.
        #[arg(long = "pdf-a")]
        pdf_a: bool,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Validate documents (YAML, vocabulary, layout) without writing anything.
    Check {
        /// YAML documents.
        #[arg(required = true, value_name = "FILE.yaml")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Print the JSON Schema of the document vocabulary, for editors.
    Schema,
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stderr().is_terminal();
    match run(cli, color) {
        Ok(code) => code,
        Err(e) => {
            eprint!("{}", e.render(color));
            ExitCode::from(1)
        }
    }
}

fn engine(fonts: &FontArgs) -> Result<Engine, Error> {
    Engine::new(&fonts.font_path, fonts.font.as_deref()).map_err(Error::Other)
}

fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

fn run(cli: Cli, color: bool) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Build {
            files,
            out,
            typst,
            pdf_a,
            fonts,
        } => {
            let engine = engine(&fonts)?;
            let mut builder = Builder::new(&engine);
            builder.color = color;
            builder.source_date_epoch = source_date_epoch();
            let opts = BuildOptions {
                out_dir: out,
                typst,
                pdf_a,
            };
            let mut failed = 0;
            for f in &files {
                match build_file(&builder, f, &opts) {
                    Ok((pdf, warnings)) => {
                        eprint!("{warnings}");
                        println!("{}", pdf.display());
                    }
                    Err(e) => {
                        failed += 1;
                        eprint!("{}", e.render(color));
                    }
                }
            }
            Ok(exit(failed, files.len()))
        }
        Command::Check { files, fonts } => {
            let engine = engine(&fonts)?;
            let mut builder = Builder::new(&engine);
            builder.color = color;
            let mut failed = 0;
            for f in &files {
                let res = load::load(f).and_then(|d| builder.layout(&d));
                match res {
                    Ok(b) => {
                        eprint!("{}", b.warnings);
                        println!("{}: ok", f.display());
                    }
                    Err(e) => {
                        failed += 1;
                        eprint!("{}", e.render(color));
                    }
                }
            }
            Ok(exit(failed, files.len()))
        }
        Command::Schema => {
            let schema = schemars::schema_for!(crate::model::VanBan);
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn exit(failed: usize, total: usize) -> ExitCode {
    if failed > 0 {
        eprintln!("{failed} of {total} documents failed");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
