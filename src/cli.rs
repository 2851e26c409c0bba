//! Command-line interface: the clap definitions, and a dispatch to the
//! command modules ([`crate::commands`]) that turns their results into exit
//! codes.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::build::BuildOptions;
use crate::commands::list::RegisterFormat;
use crate::commands::{self, Tally};
use crate::diag::Error;
use crate::i18n::Lang;
use crate::output::OutputFormat;
use crate::register::issue::{parse_date, IssueOptions};
use crate::register::merge::{Data, Numbering};
use crate::world::Engine;
use crate::Builder;

mod clap_text;
pub use clap_text::render as render_usage_error;

// The examples shown after `vanban --help` are `cli-examples` in i18n/*/vanban.ftl.

/// Vietnamese official documents (Nghị định 30/2020/NĐ-CP) from YAML to PDF.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about)]
pub struct Cli {
    /// Language of messages and help: `vi` (default) or `en`; without it,
    /// `LANG`/`LC_MESSAGES`/`LANGUAGE` starting with `en` choose English.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "vi|en",
        hide_possible_values = true
    )]
    pub lang: Option<crate::i18n::Lang>,
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
    /// Read the layouts from this folder instead of the built-in copies
    /// (also `VANBAN_LAYOUTS`), to work on them without rebuilding vanban.
    #[arg(long, value_name = "DIR")]
    pub layouts: Option<PathBuf>,
}

/// What `build` and `watch` write.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output folder (default: beside each input).
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Also write the generated Typst source (`NAME.typ`).
    #[arg(long)]
    pub typst: bool,
    /// Produce PDF/A for archiving: PDF/A-2b, or PDF/A-3b with
    /// `--embed-source`.
    #[arg(long = "pdf-a")]
    pub pdf_a: bool,
    /// Attach the YAML and the files it is built from to the PDF
    /// (`vanban extract` gets them back).
    #[arg(long = "embed-source")]
    pub embed_source: bool,
    /// Sign-ready PDF (ký số): empty signature fields for the signer (ô 7c)
    /// and the organisation (ô 8) where the images go; `vanban ky` signs them.
    #[arg(long = "ky-so")]
    pub ky_so: bool,
    /// What to write (comma-separated or repeated): the PDF, one picture
    /// per page (`NAME-1.png`, `NAME-2.png`, …), or an editable Word file
    /// laid out as the PDF (`NAME.docx`).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "pdf")]
    pub format: Vec<OutputFormat>,
    /// Resolution of PNG pictures, in dots per inch.
    #[arg(long, default_value_t = crate::output::DEFAULT_DPI, value_name = "N")]
    pub dpi: f32,
}

impl OutputArgs {
    /// A builder writing what these options ask for.
    fn builder<'e>(&self, engine: &'e Engine, color: bool) -> Builder<'e> {
        let mut builder = Builder::new(engine);
        builder.color = color;
        builder.source_date_epoch = source_date_epoch();
        builder.embed_source = self.embed_source;
        builder.ky_so = self.ky_so;
        builder
    }

    fn options(&self) -> BuildOptions {
        BuildOptions {
            out_dir: self.out.clone(),
            typst: self.typst,
            pdf_a: self.pdf_a,
            formats: self.format.clone(),
            dpi: self.dpi,
        }
    }
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDFs from YAML documents (folders: every document under them).
    Build {
        /// YAML documents or folders.
        #[arg(required = true, value_name = "FILE.yaml")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Build a document, then rebuild it each time it or a parent is saved.
    Watch {
        /// The YAML document.
        #[arg(value_name = "FILE.yaml")]
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Get back the YAML sources embedded with `build --embed-source`.
    Extract {
        /// The PDF.
        pdf: PathBuf,
        /// Folder to write them into (default: NAME-source beside the PDF).
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Validate documents (YAML, vocabulary, layout) without writing anything.
    Check {
        /// YAML documents or folders.
        #[arg(required = true, value_name = "FILE.yaml")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Print the JSON Schema of the document vocabulary, for editors.
    Schema,
    /// The register: every document under a folder, sorted by date.
    List {
        /// Folder to scan.
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RegisterFormat::Table)]
        format: RegisterFormat,
    },
    /// Next year's draft of a document: dates moved, number cleared.
    New {
        /// Last year's document.
        #[arg(long, value_name = "FILE.yaml")]
        from: PathBuf,
        /// The new year (1 to 9999).
        #[arg(long, value_parser = clap::value_parser!(i32).range(1..=9999))]
        year: i32,
        /// Where to write (default: print).
        #[arg(short, long, value_name = "NEW.yaml")]
        out: Option<PathBuf>,
        /// Print the report of changes and spots to review; write nothing.
        #[arg(long = "dry-run")]
        dry_run: bool,
    },
    /// Write a child skeleton that inherits from PARENT.
    Derive {
        /// The parent document.
        parent: PathBuf,
        /// The child to create.
        #[arg(short, long, value_name = "CHILD.yaml")]
        out: PathBuf,
    },
    /// Show what a derived document changes relative to its parent.
    Diff {
        /// The child document.
        child: PathBuf,
    },
    /// Issue the next number (cấp số) of each document's series: writes
    /// `so:` and `ngay:` into the YAML, records it in the register
    /// (`so-van-ban.sqlite` at the project root) and builds the PDF.
    CapSo {
        /// YAML documents to number, one after the other.
        #[arg(required = true, value_name = "FILE.yaml")]
        files: Vec<PathBuf>,
        /// Date of issue (default: today): 2026-10-02 or 02/10/2026.
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        date: Option<chrono::NaiveDate>,
        /// Number of copies (số lượng bản), for the register.
        #[arg(long, value_name = "N")]
        copies: Option<u32>,
        /// Folder for the PDFs (default: beside each YAML).
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Record the number without building the PDF.
        #[arg(long = "no-pdf")]
        no_pdf: bool,
        /// Build PDF/A (see `build --pdf-a`).
        #[arg(long = "pdf-a")]
        pdf_a: bool,
        /// Attach the YAML to the PDF (see `build --embed-source`).
        #[arg(long = "embed-source")]
        embed_source: bool,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Record a number as withdrawn (thu hồi); it is never issued again.
    ThuHoi {
        /// The numbered YAML document (it may have been deleted since).
        #[arg(value_name = "FILE.yaml")]
        file: PathBuf,
        /// Why it is withdrawn, written into Ghi chú.
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        /// Date of withdrawal (default: today).
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        date: Option<chrono::NaiveDate>,
    },
    /// The register of outgoing documents (sổ đăng ký văn bản đi): on
    /// screen, written to CSV, XLSX or the printed PDF, or imported.
    SoDangKy {
        /// The project folder (its register is `so-van-ban.sqlite`).
        #[arg(default_value = ".", value_name = "DIR")]
        dir: PathBuf,
        /// Only this year.
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// Only this issuing body (cơ quan ban hành).
        #[arg(long, value_name = "NAME")]
        issuer: Option<String>,
        /// The register of secret documents instead of the ordinary one.
        #[arg(long)]
        secret: bool,
        /// The register of the organisation's copies (sao y, sao lục,
        /// trích sao) instead of the ordinary one.
        #[arg(long = "ban-sao", conflicts_with = "secret")]
        ban_sao: bool,
        /// Write to FILE: `.csv` (UTF-8 for Excel), `.xlsx`, or `.pdf` (the
        /// printed register: one issuer, one year). Default: a table.
        #[arg(short, long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Add the rows of an existing register (`.csv` or `.xlsx` with the
        /// column heads of the export) to the register, e.g. mid-year.
        #[arg(long, value_name = "FILE", conflicts_with = "out")]
        import: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Mail merge (trộn thư): one document per row of a CSV or XLSX,
    /// each inheriting the template, numbered on its own or sharing one.
    TronThu {
        /// The document every row fills in (its text uses `{{ NAME }}`
        /// for the columns; its `bien:` holds sample values).
        #[arg(value_name = "TEMPLATE.yaml")]
        template: PathBuf,
        /// The rows: `.csv` or `.xlsx`, column heads as variable names
        /// (`ho_ten`); a `kinh_gui` or `trich_yeu` column sets that key.
        /// Or `@GROUP`: every entry of that group of the address book.
        #[arg(value_name = "DATA.csv|@NHOM")]
        data: PathBuf,
        /// Folder for the documents (default: NAME-tron/ beside the template).
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Each document its own number, one shared number (the
        /// template's), or none (drafts).
        #[arg(long, value_enum, default_value = "each")]
        numbers: Numbering,
        /// Date of issue (default: today).
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        date: Option<chrono::NaiveDate>,
        /// Write the YAML documents (and number them) without building PDFs.
        #[arg(long = "no-pdf")]
        no_pdf: bool,
        /// Also write one PDF of all the documents, in order, to print at
        /// once (default: NAME-gop.pdf in the folder of the documents).
        #[arg(long, value_name = "FILE.pdf", num_args = 0..=1, conflicts_with = "no_pdf")]
        gop: Option<Option<PathBuf>>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Ký số (sign) a PDF made with `build --ky-so`: PAdES, with a PKCS#12
    /// file; the password comes from VANBAN_MAT_KHAU or a prompt.
    Ky {
        /// The PDF to sign.
        #[arg(value_name = "FILE.pdf")]
        pdf: PathBuf,
        #[command(flatten)]
        key: KeyArgs,
        /// Sign a file attached to a document (an appendix issued as a
        /// separate file) as the organisation: a text block at the top
        /// right of page 1 with the document's số and ký hiệu (this value)
        /// and the signing time.
        #[arg(long = "kem-theo", value_name = "SO_KY_HIEU", conflicts_with_all = ["anh", "truong"])]
        kem_theo: Option<String>,
        /// Which signature: the signer's (nguoi-ky) or the organisation's
        /// (co-quan); default: the first field not yet signed.
        #[arg(long, value_enum)]
        truong: Option<Truong>,
        /// PNG shown in the field: the signature image (blue) or the seal
        /// (red, real size).
        #[arg(long, value_name = "IMAGE.png")]
        anh: Option<PathBuf>,
        /// Where to write (default: over the input; signing only appends).
        #[arg(short, long, value_name = "OUT.pdf")]
        out: Option<PathBuf>,
    },
    /// Sao (copy): an electronic copy (sao y, sao lục, trích sao) of a
    /// signed PDF, with the copy's page and the copying organisation's
    /// signature.
    Sao {
        /// The signed PDF to copy.
        #[arg(value_name = "FILE.pdf")]
        pdf: PathBuf,
        /// Sao y, sao lục or trích sao.
        #[arg(long = "hinh-thuc", value_enum, default_value = "sao-y")]
        hinh_thuc: HinhThucSao,
        /// The copying organisation.
        #[arg(long = "co-quan", value_name = "NAME")]
        co_quan: String,
        /// Its parent body (cơ quan chủ quản).
        #[arg(long = "co-quan-chu-quan", value_name = "NAME")]
        co_quan_chu_quan: Option<String>,
        /// The copy's number in its yearly series (default: the next one of
        /// the register's series of copies).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        so: Option<u32>,
        /// The organisation's part of the ký hiệu (`VP` in `05/SY-VP`).
        #[arg(long = "ky-hieu", value_name = "ABBR", default_value = "")]
        ky_hieu: String,
        /// Place name (địa danh).
        #[arg(long = "dia-danh", value_name = "PLACE")]
        dia_danh: String,
        /// Date of the copy (default: today).
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        ngay: Option<chrono::NaiveDate>,
        /// Authority of the signer (TL. CHÁNH VĂN PHÒNG, …).
        #[arg(long = "quyen-han", value_name = "TEXT")]
        quyen_han: Option<String>,
        /// Position of the signer.
        #[arg(long = "chuc-vu", value_name = "TEXT")]
        chuc_vu: String,
        /// Name of the signer.
        #[arg(long = "ho-ten", value_name = "NAME")]
        ho_ten: String,
        /// A recipient (repeatable); `Lưu: VT.` is added last.
        #[arg(long = "noi-nhan", value_name = "TEXT")]
        noi_nhan: Vec<String>,
        /// The copying organisation's key.
        #[command(flatten)]
        key: KeyArgs,
        /// Where to write (default: NAME-sao-y.pdf beside the input).
        #[arg(short, long, value_name = "OUT.pdf")]
        out: Option<PathBuf>,
    },
    /// Xác minh (verify) the signatures of a PDF: integrity, certificate
    /// chain, signer, organisation, time; with embedded sources, rebuilds
    /// the signed revision and compares.
    XacMinh {
        /// The signed PDF.
        #[arg(value_name = "FILE.pdf")]
        pdf: PathBuf,
        /// Trusted CA certificates (PEM; repeatable), e.g. the root CA of
        /// the Ban Cơ yếu Chính phủ or of a public CA.
        #[arg(long = "tin-cay", value_name = "CA.pem")]
        tin_cay: Vec<PathBuf>,
    },
    /// Edit the documents under DIR in the browser, with a live preview.
    Serve {
        /// Folder of documents.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = 8030)]
        port: u16,
        /// Address to listen on. Requests must name this address.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the page in the default browser.
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        fonts: FontArgs,
    },
}

/// Where the signing key is: a PKCS#12 file or a USB token (`ky`, `sao`).
/// Passwords and PINs never come as arguments.
#[derive(Debug, clap::Args)]
pub struct KeyArgs {
    /// The PKCS#12 file (.p12, .pfx) with the key and its certificates.
    #[arg(
        long,
        value_name = "FILE.p12",
        required_unless_present = "token",
        conflicts_with = "token"
    )]
    p12: Option<PathBuf>,
    /// Sign with a USB token (PKCS#11) instead of a PKCS#12 file; the PIN
    /// from a prompt or VANBAN_MA_PIN, never an argument.
    #[arg(long)]
    token: bool,
    /// The token's PKCS#11 library (default: VANBAN_PKCS11_MODULE).
    #[arg(long = "thu-vien", value_name = "LIB.so", requires = "token")]
    thu_vien: Option<PathBuf>,
    /// The label of the key on the token, when it holds several.
    #[arg(long, value_name = "LABEL", requires = "token")]
    nhan: Option<String>,
}

impl From<KeyArgs> for commands::ky::KeySource {
    fn from(k: KeyArgs) -> Self {
        match k.p12 {
            Some(p12) if !k.token => Self::P12(p12),
            _ => Self::Token {
                module: k.thu_vien,
                label: k.nhan,
            },
        }
    }
}

/// The forms of copy (NĐ30 Điều 25).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum HinhThucSao {
    /// Sao y.
    SaoY,
    /// Sao lục.
    SaoLuc,
    /// Trích sao.
    TrichSao,
}

impl From<HinhThucSao> for crate::sign::copy::Form {
    fn from(h: HinhThucSao) -> Self {
        match h {
            HinhThucSao::SaoY => Self::SaoY,
            HinhThucSao::SaoLuc => Self::SaoLuc,
            HinhThucSao::TrichSao => Self::TrichSao,
        }
    }
}

/// The signature fields of a sign-ready PDF.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Truong {
    /// The signer's signature (ô 7c).
    NguoiKy,
    /// The organisation's signature (ô 8, over the seal).
    CoQuan,
}

impl From<Truong> for crate::sign::Role {
    fn from(t: Truong) -> Self {
        match t {
            Truong::NguoiKy => Self::NguoiKy,
            Truong::CoQuan => Self::CoQuan,
        }
    }
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let lang = crate::i18n::from_args(&args);
    crate::i18n::set(lang);
    let cli = match command(lang)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(clap_text::report(&e, lang)),
    };
    if let Some(lang) = cli.lang {
        crate::i18n::set(lang);
    }
    let color = std::io::stderr().is_terminal();
    match run(cli, color) {
        Ok(code) => code,
        Err(e) => {
            eprint!("{}", e.render(color));
            ExitCode::from(1)
        }
    }
}

/// The command line with its help texts, headings and examples in `lang`,
/// from the catalogue (the doc comments above are for programmers), and
/// clap's own words (`[OPTIONS]`, value names, possible values) too.
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = localize(Cli::command(), lang, "cli", &mut |_| {});
    cmd.build();
    clap_text::finish(cmd, lang)
}

/// The catalogue ids of every help text of the command line.
pub fn help_ids() -> Vec<String> {
    let mut ids = Vec::new();
    localize(Cli::command(), Lang::En, "cli", &mut |id| ids.push(id));
    ids.extend(clap_text::IDS.iter().map(|id| (*id).to_owned()));
    ids.sort();
    ids.dedup();
    ids
}

/// The layout of every help page, its "Usage:" heading in `lang`.
fn help_template(lang: Lang) -> String {
    format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        crate::i18n::tr(lang, "cli-heading-usage", &[])
    )
}

/// Sets the help texts of `cmd` (whose ids start with `prefix`) and of its
/// subcommands from the catalogue; `seen` gets every id used.
fn localize(
    cmd: clap::Command,
    lang: Lang,
    prefix: &str,
    seen: &mut dyn FnMut(String),
) -> clap::Command {
    let mut t = |id: String| {
        let text = crate::i18n::tr(lang, &id, &[]);
        seen(id);
        text
    };
    let top = prefix == "cli";
    let (options, arguments) = (
        t("cli-heading-options".into()),
        t("cli-heading-arguments".into()),
    );
    let template = help_template(lang);
    t("cli-heading-usage".into());
    let mut cmd = cmd
        .about(t(format!("{prefix}-about")))
        .long_about(None)
        .help_template(template)
        .subcommand_help_heading(t("cli-heading-commands".into()))
        .subcommand_value_name(t("cli-value-command".into()))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help_heading(options.clone())
                .help(t("cli-help".into())),
        );
    if top {
        cmd = cmd
            .after_help(t("cli-examples".into()))
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help_heading(options.clone())
                    .help(t("cli-version".into())),
            );
    }
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .filter(|a| top || !a.is_global_set())
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in args {
        let help_id = format!("{prefix}-arg-{id}");
        let help = crate::i18n::tr(lang, &help_id, &[]);
        seen(help_id);
        let heading = if positional { &arguments } else { &options };
        cmd = cmd.mut_arg(&id, |a| {
            clap_text::describe_arg(a, help, lang, seen).help_heading(heading.clone())
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in subs {
        let sub_prefix = if top {
            format!("cli-{name}")
        } else {
            format!("{prefix}-{name}")
        };
        cmd = cmd.mut_subcommand(&name, |c| localize(c, lang, &sub_prefix, seen));
    }
    cmd
}

fn engine(fonts: &FontArgs) -> Result<Engine, Error> {
    crate::assets::use_layouts(fonts.layouts.as_deref()).map_err(Error::Other)?;
    Engine::new(&fonts.font_path, fonts.font.as_deref()).map_err(Error::Other)
}

fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

fn run(cli: Cli, color: bool) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Build {
            files,
            output,
            fonts,
        } => {
            let engine = engine(&fonts)?;
            let builder = output.builder(&engine, color);
            Ok(exit(commands::build::run(
                &builder,
                &files,
                &output.options(),
            )?))
        }
        Command::Watch {
            file,
            output,
            fonts,
        } => {
            let engine = engine(&fonts)?;
            let builder = output.builder(&engine, color);
            commands::watch::run(&builder, &file, &output.options())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { files, fonts } => {
            let engine = engine(&fonts)?;
            let mut builder = Builder::new(&engine);
            builder.color = color;
            Ok(exit(commands::check::run(&builder, &files)?))
        }
        Command::Extract { pdf, out } => {
            commands::extract::run(&pdf, out.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            commands::schema::run();
            Ok(ExitCode::SUCCESS)
        }
        Command::List { dir, format } => Ok(if commands::list::run(&dir, format, color)? {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }),
        Command::New {
            from,
            year,
            out,
            dry_run,
        } => {
            commands::new::run(&from, year, out.as_deref(), dry_run)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Derive { parent, out } => {
            commands::derive::run(&parent, &out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ky {
            pdf,
            key,
            kem_theo,
            truong,
            anh,
            out,
        } => {
            let out = out.unwrap_or_else(|| pdf.clone());
            let key: commands::ky::KeySource = key.into();
            match kem_theo {
                Some(so) => commands::ky::run_attached(&pdf, &out, &key, &so)?,
                None => {
                    commands::ky::run(&pdf, &out, &key, truong.map(Into::into), anh.as_deref())?
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Sao {
            pdf,
            hinh_thuc,
            co_quan,
            co_quan_chu_quan,
            so,
            ky_hieu,
            dia_danh,
            ngay,
            quyen_han,
            chuc_vu,
            ho_ten,
            noi_nhan,
            key,
            out,
        } => {
            let form: crate::sign::copy::Form = hinh_thuc.into();
            let out = out.unwrap_or_else(|| {
                let stem = pdf.file_stem().unwrap_or_default().to_string_lossy();
                let suffix = match form {
                    crate::sign::copy::Form::SaoY => "sao-y",
                    crate::sign::copy::Form::SaoLuc => "sao-luc",
                    crate::sign::copy::Form::TrichSao => "trich-sao",
                };
                pdf.with_file_name(format!("{stem}-{suffix}.pdf"))
            });
            let key: commands::ky::KeySource = key.into();
            let copy = crate::sign::copy::Copy {
                form,
                parent: co_quan_chu_quan,
                organisation: co_quan,
                number: so.unwrap_or(0),
                symbol: ky_hieu,
                place: dia_danh,
                date: ngay.unwrap_or_else(|| crate::sign::now_vietnam().date_naive()),
                authority: quyen_han,
                position: chuc_vu,
                name: ho_ten,
                recipients: noi_nhan,
            };
            commands::sao::run(&pdf, &out, copy, so, &key)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::XacMinh { pdf, tin_cay } => Ok(if commands::xac_minh::run(&pdf, &tin_cay)? {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }),
        Command::Diff { child } => {
            commands::diff::run(&child)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::CapSo {
            files,
            date,
            copies,
            out,
            no_pdf,
            pdf_a,
            embed_source,
            fonts,
        } => {
            let engine = engine(&fonts)?;
            let mut builder = Builder::new(&engine);
            builder.color = color;
            builder.source_date_epoch = source_date_epoch();
            builder.embed_source = embed_source;
            let opts = IssueOptions {
                date,
                out_dir: out,
                no_pdf,
                pdf_a,
                copies,
            };
            Ok(exit(commands::cap_so::run(&builder, &files, &opts)?))
        }
        Command::ThuHoi { file, reason, date } => {
            commands::thu_hoi::run(&file, date, reason.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::SoDangKy {
            dir,
            year,
            issuer,
            secret,
            ban_sao,
            out,
            import,
            fonts,
        } => {
            let opts = commands::so_dang_ky::Options {
                dir,
                year,
                issuer,
                secret,
                copies: ban_sao,
                out,
                import,
            };
            commands::so_dang_ky::run(&opts, || engine(&fonts))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::TronThu {
            template,
            data,
            out,
            numbers,
            date,
            no_pdf,
            gop,
            fonts,
        } => {
            let engine = engine(&fonts)?;
            let mut builder = Builder::new(&engine);
            builder.color = color;
            builder.source_date_epoch = source_date_epoch();
            let opts = IssueOptions {
                date,
                no_pdf,
                ..IssueOptions::default()
            };
            let data = Data::from_arg(&data);
            commands::tron_thu::run(
                &builder,
                &template,
                &data,
                out.as_deref(),
                numbers,
                gop.as_ref().map(Option::as_deref),
                &opts,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            dir,
            port,
            bind,
            open,
            fonts,
        } => {
            let opts = commands::serve::Options {
                dir,
                bind,
                port,
                open,
                font_path: fonts.font_path.clone(),
                font: fonts.font.clone(),
                layouts: fonts.layouts.clone(),
            };
            commands::serve::run(opts, engine(&fonts)?)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Exit code 1, with a count on stderr, when any document failed.
fn exit(tally: Tally) -> ExitCode {
    if tally.failed > 0 {
        eprintln!(
            "{}",
            crate::i18n::t(
                "documents-failed",
                &[
                    ("failed", &tally.failed.to_string()),
                    ("total", &tally.total.to_string()),
                ]
            )
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
