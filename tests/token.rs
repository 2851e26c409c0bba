//! Signing with a PKCS#11 token (`vanban ky --token`), SoftHSM standing in
//! for the office's USB token, and the certificate checks made before any
//! signature (validity period, key usage).
//!
//! Each test makes its own throwaway token (its own `SOFTHSM2_CONF` in a
//! temporary folder) and imports throwaway keys and certificates issued by
//! the test CA of `tests/sign.rs`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::sign::{ky, ok, pdfsig, pki, pyhanko, vanban_in, Project, P12_PASSWORD};

const PIN: &str = "246810";
const SO_PIN: &str = "13579135";

/// SoftHSM's PKCS#11 library, wherever the distribution put it.
fn softhsm_module() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = [
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/local/lib/softhsm/libsofthsm2.so",
        "/usr/lib64/softhsm/libsofthsm2.so",
        "/usr/lib64/pkcs11/libsofthsm2.so",
        "/usr/lib/pkcs11/libsofthsm2.so",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    // Debian's multiarch folders: /usr/lib/<triplet>/softhsm/.
    if let Ok(dirs) = std::fs::read_dir("/usr/lib") {
        for d in dirs.flatten() {
            candidates.push(d.path().join("softhsm/libsofthsm2.so"));
        }
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// A throwaway SoftHSM token with its own configuration.
struct Token {
    dir: tempfile::TempDir,
    module: PathBuf,
}

impl Token {
    /// A new, empty token labelled `vanban-thu`; `None` (with a message)
    /// when SoftHSM is not installed.
    fn new() -> Option<Token> {
        let Some(module) = softhsm_module() else {
            eprintln!(
                "SKIPPED: SoftHSM (libsofthsm2.so) is not installed; \
                 `apt-get install softhsm2 opensc` to run the token tests"
            );
            return None;
        };
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("tokens")).unwrap();
        std::fs::write(
            dir.path().join("softhsm2.conf"),
            format!(
                "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n",
                dir.path().join("tokens").display()
            ),
        )
        .unwrap();
        let t = Token { dir, module };
        t.tool(
            "softhsm2-util",
            &[
                "--init-token",
                "--free",
                "--label",
                "vanban-thu",
                "--pin",
                PIN,
                "--so-pin",
                SO_PIN,
            ],
        );
        Some(t)
    }

    fn conf(&self) -> PathBuf {
        self.dir.path().join("softhsm2.conf")
    }

    #[track_caller]
    fn tool(&self, program: &str, args: &[&str]) {
        let o = Command::new(program)
            .env("SOFTHSM2_CONF", self.conf())
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{program}: {e}"));
        assert!(
            o.status.success(),
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }

    /// Puts a key (PKCS#8 DER) and its certificate (DER) on the token under
    /// `label` and `id` (hex).
    fn import(&self, label: &str, id: &str, key_pkcs8: &[u8], cert: &[u8]) {
        let key_pem = self.dir.path().join(format!("{label}.key.pem"));
        std::fs::write(&key_pem, pem_block("PRIVATE KEY", key_pkcs8)).unwrap();
        self.tool(
            "softhsm2-util",
            &[
                "--import",
                key_pem.to_str().unwrap(),
                "--token",
                "vanban-thu",
                "--label",
                label,
                "--id",
                id,
                "--pin",
                PIN,
            ],
        );
        std::fs::remove_file(&key_pem).unwrap();
        self.import_cert(label, id, cert);
    }

    /// Puts a certificate (DER) on the token.
    fn import_cert(&self, label: &str, id: &str, cert: &[u8]) {
        let der = self.dir.path().join(format!("{label}.cer"));
        std::fs::write(&der, cert).unwrap();
        self.tool(
            "pkcs11-tool",
            &[
                "--module",
                self.module.to_str().unwrap(),
                "--login",
                "--pin",
                PIN,
                "--write-object",
                der.to_str().unwrap(),
                "--type",
                "cert",
                "--id",
                id,
                "--label",
                label,
            ],
        );
    }

    /// `vanban ky PDF --token ARGS…` in `dir`, the library from the
    /// environment, the PIN `pin` (none: no PIN and no terminal).
    fn ky(&self, dir: &Path, pdf: &Path, pin: Option<&str>, args: &[&str]) -> Output {
        let mut c = vanban_in(dir, None);
        c.env("SOFTHSM2_CONF", self.conf())
            .env("VANBAN_PKCS11_MODULE", &self.module)
            .env_remove("VANBAN_MA_PIN")
            .env("LANGUAGE", "vi")
            .stdin(std::process::Stdio::null())
            .arg("ky")
            .arg(pdf)
            .arg("--token")
            .args(args);
        if let Some(p) = pin {
            c.env("VANBAN_MA_PIN", p);
        }
        c.output().unwrap()
    }
}

fn pem_block(label: &str, der: &[u8]) -> String {
    use std::fmt::Write;
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b = String::new();
    for chunk in der.chunks(3) {
        let n = chunk.len();
        let v = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= n {
                b.push(B64[(v >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                b.push('=');
            }
        }
    }
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in b.as_bytes().chunks(64) {
        writeln!(out, "{}", std::str::from_utf8(line).unwrap()).unwrap();
    }
    writeln!(out, "-----END {label}-----").unwrap();
    out
}

fn err(o: &Output) -> String {
    assert!(!o.status.success(), "should have failed: {o:?}");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_token_signs_both_fields_valid_for_pdfsig_and_pyhanko() {
    let Some(token) = Token::new() else { return };
    let pki = pki();
    // The signer's RSA key and an ECDSA key for the organisation, both
    // certified by the test CA, and the CA's certificate beside them.
    token.import("nguoi-ky", "01", &pki.signer_key, &pki.signer_cert);
    let org_key = rcgen::KeyPair::generate().unwrap();
    let org = crate::sign::leaf("PHÒNG GD&ĐT (token)", "UBND HUYỆN", &org_key, &pki.ca);
    token.import("co-quan", "02", &org_key.serialize_der(), &org);
    token.import_cert("ca", "0a", pki.ca.der());

    let p = Project::new();
    let pdf = p.build("ky-so", &["--ky-so", "--pdf-a"]);
    let before = std::fs::read(&pdf).unwrap();

    // Two keys and none chosen: the message lists them.
    let e = err(&token.ky(p.dir.path(), &pdf, Some(PIN), &[]));
    assert!(
        e.contains("--nhan") && e.contains("`nguoi-ky`") && e.contains("`co-quan`"),
        "{e}"
    );
    // A label that is not there.
    let e = err(&token.ky(p.dir.path(), &pdf, Some(PIN), &["--nhan", "khac"]));
    assert!(e.contains("`khac`") && e.contains("`nguoi-ky`"), "{e}");
    // A wrong PIN, and no PIN without a terminal.
    let e = err(&token.ky(p.dir.path(), &pdf, Some("000000"), &["--nhan", "nguoi-ky"]));
    assert!(e.contains("sai mã PIN"), "{e}");
    let e = err(&token.ky(p.dir.path(), &pdf, None, &["--nhan", "nguoi-ky"]));
    assert!(e.contains("VANBAN_MA_PIN"), "{e}");
    // No library named anywhere.
    let o = vanban_in(p.dir.path(), None)
        .env_remove("VANBAN_PKCS11_MODULE")
        .env("VANBAN_MA_PIN", PIN)
        .env("LANGUAGE", "vi")
        .args(["ky", pdf.to_str().unwrap(), "--token"])
        .output()
        .unwrap();
    let e = err(&o);
    assert!(
        e.contains("--thu-vien") && e.contains("VANBAN_PKCS11_MODULE"),
        "{e}"
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), before, "the PDF is untouched");

    // The signer with the token's RSA key, the library from the
    // environment; the organisation with its ECDSA key, the library named.
    ok(&token.ky(
        p.dir.path(),
        &pdf,
        Some(PIN),
        &[
            "--nhan",
            "nguoi-ky",
            "--truong",
            "nguoi-ky",
            "--anh",
            "anh/chu-ky.png",
        ],
    ));
    ok(&token.ky(
        p.dir.path(),
        &pdf,
        Some(PIN),
        &[
            "--thu-vien",
            token.module.to_str().unwrap(),
            "--nhan",
            "co-quan",
            "--truong",
            "co-quan",
            "--anh",
            "anh/dau.png",
        ],
    ));
    let out = pdfsig(&pdf);
    assert_eq!(out.matches("Signature is Valid").count(), 2, "{out}");
    assert!(out.contains("Nguyễn Văn A"), "{out}");
    assert!(out.contains("PHÒNG GD&ĐT (token)"), "{out}");
    assert!(out.contains("Total document signed"), "{out}");
    let (good, report) = pyhanko(&pdf);
    assert!(good, "{report}");
    assert!(
        report.contains("co-quan: intact=True valid=True trusted=True coverage=ENTIRE_FILE"),
        "{report}"
    );
    assert!(
        report.contains("nguoi-ky: intact=True valid=True trusted=True"),
        "{report}"
    );
}

#[test]
fn the_only_key_on_a_token_needs_no_label() {
    let Some(token) = Token::new() else { return };
    let pki = pki();
    token.import("chu-ky-so", "07", &pki.signer_key, &pki.signer_cert);
    let p = Project::new();
    let pdf = p.build("ky-so", &["--ky-so"]);
    ok(&token.ky(p.dir.path(), &pdf, Some(PIN), &[]));
    let out = pdfsig(&pdf);
    assert_eq!(out.matches("Signature is Valid").count(), 1, "{out}");
}

// ─── Certificates that may not sign ─────────────────────────────────────

/// A PKCS#12 file whose certificate (from the test CA) has the given key
/// usages and validity period.
fn p12_with(
    dir: &Path,
    name: &str,
    usages: Vec<rcgen::KeyUsagePurpose>,
    valid: (chrono::NaiveDate, chrono::NaiveDate),
) -> PathBuf {
    use chrono::Datelike;
    use rcgen::{CertificateParams, DnType};
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = usages;
    let ymd = |d: chrono::NaiveDate| rcgen::date_time_ymd(d.year(), d.month() as u8, d.day() as u8);
    params.not_before = ymd(valid.0);
    params.not_after = ymd(valid.1);
    let cert = params.signed_by(&key, &pki().ca).unwrap();
    let path = dir.join(format!("{name}.p12"));
    crate::sign::p12(&path, &key.serialize_der(), &[cert.der(), pki().ca.der()]);
    path
}

#[test]
fn expired_not_yet_valid_and_encryption_only_certificates_are_refused() {
    use rcgen::KeyUsagePurpose as U;
    let p = Project::new();
    let pdf = p.build("ky-so", &["--ky-so"]);
    let before = std::fs::read(&pdf).unwrap();
    let now = chrono::Utc::now().date_naive();
    let day = chrono::Days::new(1);
    let days = chrono::Days::new;
    let signing = vec![U::DigitalSignature, U::ContentCommitment];
    let cases = [
        (
            p12_with(
                p.dir.path(),
                "het-han",
                signing.clone(),
                (now - days(400), now - days(30)),
            ),
            "đã hết hạn",
            "expired",
        ),
        (
            p12_with(
                p.dir.path(),
                "chua-hieu-luc",
                signing.clone(),
                (now + days(30), now + days(400)),
            ),
            "chưa có hiệu lực",
            "not valid before",
        ),
        (
            p12_with(
                p.dir.path(),
                "ma-hoa",
                vec![U::KeyEncipherment],
                (now - day, now + days(400)),
            ),
            "không được dùng để ký văn bản",
            "may not sign documents",
        ),
    ];
    for (p12, vi, en) in &cases {
        for (lang, text) in [("vi", vi), ("en", en)] {
            let o = vanban_in(p.dir.path(), Some(P12_PASSWORD))
                .env("LANGUAGE", lang)
                .arg("ky")
                .arg(&pdf)
                .arg("--p12")
                .arg(p12)
                .output()
                .unwrap();
            let e = err(&o);
            // Says which file and what is wrong.
            assert!(e.contains(&p12.display().to_string()), "{e}");
            assert!(e.contains(text), "{lang}: {e}");
        }
    }
    // The key usage names what the certificate may do.
    let o = vanban_in(p.dir.path(), Some(P12_PASSWORD))
        .env("LANGUAGE", "en")
        .args(["ky", pdf.to_str().unwrap(), "--p12"])
        .arg(&cases[2].0)
        .output()
        .unwrap();
    assert!(err(&o).contains("keyEncipherment"));
    // The expiry date is shown in Việt Nam's time.
    let o = vanban_in(p.dir.path(), Some(P12_PASSWORD))
        .env("LANGUAGE", "vi")
        .args(["ky", pdf.to_str().unwrap(), "--p12"])
        .arg(&cases[0].0)
        .output()
        .unwrap();
    assert!(err(&o).contains("+07:00"));
    assert_eq!(std::fs::read(&pdf).unwrap(), before, "nothing written");
    // A certificate allowed to sign, valid today, signs.
    let good = p12_with(
        p.dir.path(),
        "hop-le",
        vec![U::ContentCommitment],
        (now - day, now + days(400)),
    );
    ok(&ky(p.dir.path(), &pdf, &good, &[]));
    assert_eq!(pdfsig(&pdf).matches("Signature is Valid").count(), 1);
}
