//! Digital signatures (NĐ30 Điều 5): sign-ready PDFs, PAdES signing checked
//! by two independent validators (poppler's `pdfsig` and pyHanko), and the
//! appearance of each signature read back from the PDF.
//!
//! Every key and certificate is made here, for the test, by `rcgen` and the
//! RustCrypto `rsa` crate: a throwaway CA, a signer (RSA) and an
//! organisation (ECDSA P-256).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use lopdf::{Document, Object, ObjectId};

use crate::common::*;

// ─── Test PKI ───────────────────────────────────────────────────────────

/// The throwaway PKI, made once per test run.
pub struct Pki {
    _dir: tempfile::TempDir,
    /// The CA certificate (PEM), the trust anchor for the validators.
    pub ca_pem: PathBuf,
    /// The signer's PKCS#12 file (RSA 2048, chain up to the CA).
    pub signer_p12: PathBuf,
    /// The organisation's PKCS#12 file (ECDSA P-256).
    pub org_p12: PathBuf,
    /// A certificate from another CA, not trusted by anyone here.
    pub stranger_p12: PathBuf,
    /// The CA itself, to issue more throwaway certificates.
    pub ca: rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
    /// The signer's key (PKCS#8 DER) and certificate (DER), for a token.
    pub signer_key: Vec<u8>,
    pub signer_cert: Vec<u8>,
}

/// The password of every test PKCS#12 file (throwaway keys).
pub const P12_PASSWORD: &str = "thu-nghiem";

pub fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(make_pki)
}

pub(crate) fn ca(name: &str) -> rcgen::CertifiedIssuer<'static, rcgen::KeyPair> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name.push(DnType::CommonName, name);
    params
        .distinguished_name
        .push(DnType::OrganizationName, "vanban test");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    rcgen::CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap()
}

pub(crate) fn leaf(
    cn: &str,
    org: &str,
    key: &rcgen::KeyPair,
    issuer: &rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
) -> Vec<u8> {
    use rcgen::{CertificateParams, DnType, KeyUsagePurpose};
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name.push(DnType::CommonName, cn);
    params
        .distinguished_name
        .push(DnType::OrganizationName, org);
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::ContentCommitment,
    ];
    params.signed_by(key, issuer).unwrap().der().to_vec()
}

pub(crate) fn p12(path: &Path, key_pkcs8: &[u8], chain: &[&[u8]]) {
    use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};
    let certs: Vec<Certificate> = chain
        .iter()
        .map(|c| Certificate::from_der(c).unwrap())
        .collect();
    let key = PrivateKey::from_der(key_pkcs8).unwrap();
    let entry = PrivateKeyChain::new(vec![1u8, 2, 3, 4], key, certs);
    let mut store = KeyStore::new();
    store.add_entry("1", KeyStoreEntry::PrivateKeyChain(entry));
    std::fs::write(path, store.writer(P12_PASSWORD).write().unwrap()).unwrap();
}

fn make_pki() -> Pki {
    use rsa::pkcs8::EncodePrivateKey;
    let dir = tempfile::tempdir().unwrap();
    let ca = ca("vanban test CA");
    let ca_pem = dir.path().join("ca.pem");
    std::fs::write(&ca_pem, ca.pem()).unwrap();

    // The signer: RSA, as Vietnamese tokens have.
    let rsa_key = rsa::PrivateKey::new(&mut rand::rng(), 2048).unwrap();
    let rsa_der = rsa_key.to_pkcs8_der().unwrap().as_bytes().to_vec();
    let rsa_pair = rcgen::KeyPair::try_from(rsa_der.as_slice()).unwrap();
    let signer = leaf("Nguyễn Văn A", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", &rsa_pair, &ca);
    let signer_p12 = dir.path().join("nguoi-ky.p12");
    p12(&signer_p12, &rsa_der, &[&signer, ca.der()]);

    // The organisation: ECDSA P-256.
    let org_key = rcgen::KeyPair::generate().unwrap();
    let org = leaf(
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "UBND HUYỆN THỦ THỪA",
        &org_key,
        &ca,
    );
    let org_p12 = dir.path().join("co-quan.p12");
    p12(&org_p12, &org_key.serialize_der(), &[&org, ca.der()]);

    let other = self::ca("some other CA");
    let stranger_key = rcgen::KeyPair::generate().unwrap();
    let stranger = leaf("Người lạ", "Không rõ", &stranger_key, &other);
    let stranger_p12 = dir.path().join("la.p12");
    p12(
        &stranger_p12,
        &stranger_key.serialize_der(),
        &[&stranger, other.der()],
    );

    Pki {
        _dir: dir,
        ca_pem,
        signer_p12,
        org_p12,
        stranger_p12,
        ca,
        signer_key: rsa_der,
        signer_cert: signer,
    }
}

// ─── Documents, images and the command line ─────────────────────────────

/// A red, round seal on a transparent background, `px` pixels wide.
fn seal_png(px: u32) -> Vec<u8> {
    let mut rgba = Vec::new();
    let c = f64::from(px) / 2.0;
    for y in 0..px {
        for x in 0..px {
            let d = ((f64::from(x) - c).powi(2) + (f64::from(y) - c).powi(2)).sqrt();
            let ring = d < c && (d > c * 0.85 || d < c * 0.3);
            rgba.extend_from_slice(&[220, 20, 20, if ring { 255 } else { 0 }]);
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, px, px);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(&rgba).unwrap();
    out
}

/// A one-page công văn with the signature and seal images, in a project
/// folder.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(p.join("vanban.toml"), "").unwrap();
        std::fs::create_dir_all(p.join("anh")).unwrap();
        std::fs::copy(
            root().join("tests/fixtures/images/chu-ky.png"),
            p.join("anh/chu-ky.png"),
        )
        .unwrap();
        std::fs::write(p.join("anh/dau.png"), seal_png(200)).unwrap();
        std::fs::write(
            p.join("cv.yaml"),
            format!(
                "{CONG_VAN_HEAD}trich_yeu: triển khai Tuần lễ học tập suốt đời\n\
                 kinh_gui:\n  - Hiệu trưởng các trường\n\
                 noi_dung:\n  - Phòng Giáo dục và Đào tạo đề nghị các trường triển khai./.\n\
                 nguoi_ky:\n  quyen_han: KT. TRƯỞNG PHÒNG\n  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Nguyễn Văn A\n\
                 \x20 chu_ky: anh/chu-ky.png\n  dau: anh/dau.png\n\
                 noi_nhan:\n  - Như trên\n  - \"Lưu: VT\"\n"
            ),
        )
        .unwrap();
        Self { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `vanban build cv.yaml -o OUT ARGS…`; returns the PDF's path.
    pub fn build(&self, out: &str, args: &[&str]) -> PathBuf {
        let o = vanban_in(self.dir.path(), None)
            .args(["build", "cv.yaml", "-o", out])
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        self.path(&format!("{out}/cv.pdf"))
    }
}

pub(crate) fn vanban_in(dir: &Path, password: Option<&str>) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("VANBAN_MAT_KHAU")
        // The messages are read in Vietnamese, whatever the environment.
        .env("LANGUAGE", "vi")
        .env("NO_COLOR", "1");
    if let Some(p) = password {
        c.env("VANBAN_MAT_KHAU", p);
    }
    c
}

/// `vanban ky PDF --p12 P12 ARGS…` with the password in the environment.
pub(crate) fn ky(dir: &Path, pdf: &Path, p12: &Path, args: &[&str]) -> Output {
    vanban_in(dir, Some(P12_PASSWORD))
        .arg("ky")
        .arg(pdf)
        .arg("--p12")
        .arg(p12)
        .args(args)
        .output()
        .unwrap()
}

#[track_caller]
pub(crate) fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Builds the sign-ready PDF and signs both fields (signer, then the
/// organisation), with their images; returns the signed PDF.
pub(crate) fn signed_both(p: &Project, pdf_a: bool) -> PathBuf {
    let mut args = vec!["--ky-so"];
    if pdf_a {
        args.push("--pdf-a");
    }
    let pdf = p.build("ky-so", &args);
    let pki = pki();
    ok(&ky(
        p.dir.path(),
        &pdf,
        &pki.signer_p12,
        &["--truong", "nguoi-ky", "--anh", "anh/chu-ky.png"],
    ));
    ok(&ky(
        p.dir.path(),
        &pdf,
        &pki.org_p12,
        &["--truong", "co-quan", "--anh", "anh/dau.png"],
    ));
    pdf
}

// ─── Reading positions back from the PDF ────────────────────────────────

type Matrix = [f64; 6];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => panic!("not a number: {o:?}"),
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        o => o,
    }
}

/// An image drawn on a page: its bounding box in PDF points (x0, y0, x1, y1)
/// and its pixel width.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub page: usize,
    pub rect: [f64; 4],
    pub pixels_wide: i64,
}

/// Every image the content stream `content` (with `resources`) draws,
/// through nested form XObjects, starting from `ctm`.
fn images_in(
    doc: &Document,
    content: &[u8],
    resources: &lopdf::Dictionary,
    ctm: Matrix,
    page: usize,
    out: &mut Vec<Drawn>,
) {
    let ops = lopdf::content::Content::decode(content).unwrap().operations;
    let mut stack = vec![ctm];
    for op in ops {
        let top = *stack.last().unwrap();
        match op.operator.as_str() {
            "q" => stack.push(top),
            "Q" => {
                stack.pop();
            }
            "cm" => {
                let m: Vec<f64> = op.operands.iter().map(num).collect();
                *stack.last_mut().unwrap() = mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &top);
            }
            "Do" => {
                let name = op.operands[0].as_name().unwrap();
                let xobjects = deref(doc, resources.get(b"XObject").unwrap())
                    .as_dict()
                    .unwrap();
                let id = xobjects.get(name).unwrap().as_reference().unwrap();
                let stream = doc.get_object(id).unwrap().as_stream().unwrap();
                match stream.dict.get(b"Subtype").unwrap().as_name().unwrap() {
                    b"Image" => {
                        let pts: Vec<(f64, f64)> = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
                            .iter()
                            .map(|&(x, y)| {
                                (
                                    top[0] * x + top[2] * y + top[4],
                                    top[1] * x + top[3] * y + top[5],
                                )
                            })
                            .collect();
                        let xs = pts.iter().map(|p| p.0);
                        let ys = pts.iter().map(|p| p.1);
                        out.push(Drawn {
                            page,
                            rect: [
                                xs.clone().fold(f64::MAX, f64::min),
                                ys.clone().fold(f64::MAX, f64::min),
                                xs.fold(f64::MIN, f64::max),
                                ys.fold(f64::MIN, f64::max),
                            ],
                            pixels_wide: stream.dict.get(b"Width").unwrap().as_i64().unwrap(),
                        });
                    }
                    _ => {
                        let m = stream
                            .dict
                            .get(b"Matrix")
                            .map(|m| {
                                let v: Vec<f64> = m.as_array().unwrap().iter().map(num).collect();
                                [v[0], v[1], v[2], v[3], v[4], v[5]]
                            })
                            .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
                        let res = stream
                            .dict
                            .get(b"Resources")
                            .map(|r| deref(doc, r).as_dict().unwrap().clone())
                            .unwrap_or_else(|_| resources.clone());
                        let content = stream
                            .decompressed_content()
                            .unwrap_or(stream.content.clone());
                        images_in(doc, &content, &res, mul(&m, &top), page, out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The images drawn in the pages' content (not in annotations).
pub fn page_images(doc: &Document) -> Vec<Drawn> {
    let mut out = Vec::new();
    for (n, id) in doc.get_pages() {
        let content = doc.get_page_content(id);
        let (res, ids) = doc.get_page_resources(id).unwrap();
        let mut merged = res.cloned().unwrap_or_default();
        for rid in ids {
            for (k, v) in doc.get_dictionary(rid).unwrap().iter() {
                merged.set(k.clone(), v.clone());
            }
        }
        images_in(
            doc,
            &content,
            &merged,
            [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            n as usize,
            &mut out,
        );
    }
    out
}

/// A signature field: name, page, rectangle, signed value if any, and the
/// images its appearance draws (in page coordinates).
#[derive(Debug)]
pub struct Field {
    pub name: String,
    pub page: usize,
    pub rect: [f64; 4],
    pub value: Option<ObjectId>,
    pub images: Vec<Drawn>,
    pub dict: lopdf::Dictionary,
}

pub fn fields(doc: &Document) -> Vec<Field> {
    let pages: std::collections::HashMap<ObjectId, usize> = doc
        .get_pages()
        .into_iter()
        .map(|(n, id)| (id, n as usize))
        .collect();
    let catalog = doc.catalog().unwrap();
    let form = deref(doc, catalog.get(b"AcroForm").unwrap())
        .as_dict()
        .unwrap();
    let list = deref(doc, form.get(b"Fields").unwrap()).as_array().unwrap();
    list.iter()
        .map(|f| {
            let d = doc.get_dictionary(f.as_reference().unwrap()).unwrap();
            let r: Vec<f64> = d
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(num)
                .collect();
            let rect = [
                r[0].min(r[2]),
                r[1].min(r[3]),
                r[0].max(r[2]),
                r[1].max(r[3]),
            ];
            let page = pages[&d.get(b"P").unwrap().as_reference().unwrap()];
            let ap = deref(doc, d.get(b"AP").unwrap()).as_dict().unwrap();
            let n = doc
                .get_object(ap.get(b"N").unwrap().as_reference().unwrap())
                .unwrap();
            let n = n.as_stream().unwrap();
            let res = n
                .dict
                .get(b"Resources")
                .map(|r| deref(doc, r).as_dict().unwrap().clone())
                .unwrap_or_default();
            let mut images = Vec::new();
            let content = n.decompressed_content().unwrap_or(n.content.clone());
            if !content.is_empty() {
                images_in(
                    doc,
                    &content,
                    &res,
                    [1.0, 0.0, 0.0, 1.0, rect[0], rect[1]],
                    page,
                    &mut images,
                );
            }
            Field {
                name: String::from_utf8_lossy(d.get(b"T").unwrap().as_str().unwrap()).into_owned(),
                page,
                rect,
                value: d.get(b"V").ok().map(|v| v.as_reference().unwrap()),
                images,
                dict: d.clone(),
            }
        })
        .collect()
}

pub(crate) fn load(path: &Path) -> Document {
    Document::load(path).unwrap()
}

#[track_caller]
fn assert_rect_close(a: [f64; 4], b: [f64; 4], tol_mm: f64, what: &str) {
    for i in 0..4 {
        assert!(
            (a[i] - b[i]).abs() <= mm(tol_mm),
            "{what}: {a:?} vs {b:?} differ by {:.3} mm at {i}",
            to_mm((a[i] - b[i]).abs())
        );
    }
}

// ─── Sign-ready PDFs ────────────────────────────────────────────────────

/// The field rectangles of `build --ky-so` against the images the plain
/// build draws, read back from both PDFs.
#[test]
fn sign_ready_fields_sit_where_the_images_are_drawn() {
    let p = Project::new();
    let plain = load(&p.build("plain", &[]));
    let ready = load(&p.build("ky-so", &["--ky-so"]));
    let drawn = page_images(&plain);
    let sig = drawn
        .iter()
        .find(|d| d.pixels_wide == 120)
        .expect("signature image drawn");
    let seal = drawn
        .iter()
        .find(|d| d.pixels_wide == 200)
        .expect("seal image drawn");
    // Sign-ready: the images are not in the page; they are the signatures'
    // appearances, added when signing.
    assert!(page_images(&ready).is_empty(), "{:?}", page_images(&ready));
    let f = fields(&ready);
    assert_eq!(
        f.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        ["nguoi-ky", "co-quan"]
    );
    for (field, image) in [(&f[0], sig), (&f[1], seal)] {
        assert_eq!(field.page, image.page);
        assert_rect_close(field.rect, image.rect, 0.5, &field.name);
        assert!(field.value.is_none(), "unsigned");
    }
    // Real size: the seal is 35 mm wide.
    assert_close(
        to_mm(f[1].rect[2] - f[1].rect[0]),
        35.0,
        0.1,
        "seal field width (mm)",
    );
}

#[test]
fn sign_ready_pdf_a_stays_pdf_a() {
    let p = Project::new();
    let path = p.build("ky-so", &["--ky-so", "--pdf-a"]);
    assert_qpdf_check(&path);
    let bytes = std::fs::read(&path).unwrap();
    // Header followed by a comment of binary bytes (PDF/A-2 6.1.2).
    assert!(bytes.starts_with(b"%PDF-"));
    let second = bytes.split(|&b| b == b'\n').nth(1).unwrap();
    assert!(second.starts_with(b"%") && second.iter().filter(|&&b| b > 127).count() >= 4);
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("pdfaid:part>2<") || text.contains("pdfaid:part=\"2\""));
    let doc = Document::load_mem(&bytes).unwrap();
    assert!(doc.trailer.get(b"ID").is_ok(), "trailer /ID");
    let form = deref(&doc, doc.catalog().unwrap().get(b"AcroForm").unwrap())
        .as_dict()
        .unwrap();
    assert!(form.get(b"NeedAppearances").is_err());
    for f in fields(&doc) {
        // Printed, not hidden; an appearance with /N only (PDF/A-2 6.3.2-3).
        assert_eq!(f.dict.get(b"F").unwrap().as_i64().unwrap() & 0b100111, 4);
        let ap = deref(&doc, f.dict.get(b"AP").unwrap()).as_dict().unwrap();
        assert_eq!(
            ap.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(),
            [b"N".to_vec()]
        );
    }
}

#[test]
fn a_document_without_signature_block_has_no_place_to_sign() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cv.yaml"),
        format!("{CONG_VAN_HEAD}trich_yeu: thử\nnoi_dung:\n  - Nội dung./.\n"),
    )
    .unwrap();
    let o = vanban_in(dir.path(), None)
        .args(["build", "cv.yaml", "--ky-so"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("không có khối chữ ký"));
}

// ─── Signing, checked by pdfsig and pyHanko ─────────────────────────────

pub(crate) fn pdfsig(pdf: &Path) -> String {
    let o = Command::new("pdfsig")
        .arg("-nocert")
        .arg(pdf)
        .output()
        .expect("pdfsig (poppler-utils)");
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// pyHanko's verdict on every signature, one line per signature.
pub(crate) fn pyhanko(pdf: &Path) -> (bool, String) {
    let o = Command::new("python3")
        .arg(root().join("tests/pyhanko_validate.py"))
        .arg(&pki().ca_pem)
        .arg(pdf)
        .output()
        .expect("python3 with pyhanko");
    (
        o.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

#[test]
fn both_signatures_are_valid_for_pdfsig_and_pyhanko() {
    let p = Project::new();
    let pdf = signed_both(&p, true);
    assert_qpdf_check(&pdf);
    let out = pdfsig(&pdf);
    assert_eq!(out.matches("Signature is Valid").count(), 2, "{out}");
    assert!(out.contains("ETSI.CAdES.detached"), "{out}");
    // The organisation signs last: its signature covers the whole file.
    assert!(out.contains("Total document signed"), "{out}");
    assert!(out.contains("Nguyễn Văn A"), "{out}");
    let (ok, report) = pyhanko(&pdf);
    assert!(ok, "{report}");
    assert_eq!(
        report
            .matches("intact=True valid=True trusted=True")
            .count(),
        2,
        "{report}"
    );
    // The last signature covers everything; the first sees only the
    // organisation's signature added after it.
    assert!(
        report.contains("co-quan: intact=True valid=True trusted=True coverage=ENTIRE_FILE"),
        "{report}"
    );
    assert!(
        report.contains("nguoi-ky: intact=True valid=True trusted=True coverage=ENTIRE_REVISION"),
        "{report}"
    );
    assert!(!report.contains("modification=OTHER"), "{report}");
}

#[test]
fn a_byte_changed_after_signing_is_caught_by_both_validators() {
    let p = Project::new();
    let pdf = signed_both(&p, false);
    let mut bytes = std::fs::read(&pdf).unwrap();
    // A byte of the first page's text, covered by both signatures.
    let at = bytes.windows(6).position(|w| w == b"stream").unwrap() + 20;
    bytes[at] ^= 0x01;
    let bad = p.path("sua.pdf");
    std::fs::write(&bad, &bytes).unwrap();
    let out = pdfsig(&bad);
    assert_eq!(out.matches("Signature is Valid").count(), 0, "{out}");
    assert!(out.contains("Digest Mismatch"), "{out}");
    let (ok, report) = pyhanko(&bad);
    assert!(!ok, "{report}");
    assert_eq!(report.matches("intact=False").count(), 2, "{report}");
}

#[test]
fn a_certificate_from_another_ca_is_not_trusted() {
    let p = Project::new();
    let pdf = p.build("ky-so", &["--ky-so"]);
    ok(&ky(p.dir.path(), &pdf, &pki().stranger_p12, &[]));
    let (ok, report) = pyhanko(&pdf);
    assert!(!ok, "{report}");
    assert!(
        report.contains("nguoi-ky: intact=True valid=True trusted=False"),
        "{report}"
    );
}

#[test]
fn wrong_password_missing_password_and_signed_field_are_refused() {
    let p = Project::new();
    let pdf = p.build("ky-so", &["--ky-so"]);
    let before = std::fs::read(&pdf).unwrap();
    let o = vanban_in(p.dir.path(), Some("sai"))
        .arg("ky")
        .arg(&pdf)
        .arg("--p12")
        .arg(&pki().signer_p12)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("sai mật khẩu"),
        "{o:?}"
    );
    // No password at all and no terminal to ask on.
    let o = vanban_in(p.dir.path(), None)
        .arg("ky")
        .arg(&pdf)
        .arg("--p12")
        .arg(&pki().signer_p12)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("VANBAN_MAT_KHAU"),
        "{o:?}"
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), before, "the PDF is untouched");
    // A PDF built without --ky-so has no field to sign.
    let plain = p.build("plain", &[]);
    let o = ky(p.dir.path(), &plain, &pki().signer_p12, &[]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--ky-so"),
        "{o:?}"
    );
    // Signing the same field twice.
    ok(&ky(
        p.dir.path(),
        &pdf,
        &pki().signer_p12,
        &["--truong", "nguoi-ky"],
    ));
    let o = ky(
        p.dir.path(),
        &pdf,
        &pki().signer_p12,
        &["--truong", "nguoi-ky"],
    );
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("đã được ký"),
        "{o:?}"
    );
}

// ─── Appearance (Phụ lục I) ─────────────────────────────────────────────

#[test]
fn signed_appearances_show_the_images_where_the_layout_put_them() {
    let p = Project::new();
    let plain = load(&p.build("plain", &[]));
    let drawn = page_images(&plain);
    let sig = drawn.iter().find(|d| d.pixels_wide == 120).unwrap();
    let seal = drawn.iter().find(|d| d.pixels_wide == 200).unwrap();
    let signed = load(&signed_both(&p, false));
    assert!(page_images(&signed).is_empty());
    let f = fields(&signed);
    assert!(f.iter().all(|f| f.value.is_some()), "both signed");
    assert_eq!(f[0].images.len(), 1);
    assert_eq!(f[0].images[0].pixels_wide, 120);
    assert_rect_close(f[0].images[0].rect, sig.rect, 0.5, "signature image");
    assert_eq!(f[1].images.len(), 1);
    assert_eq!(f[1].images[0].pixels_wide, 200);
    assert_rect_close(f[1].images[0].rect, seal.rect, 0.5, "seal image");
    // The seal covers about a third of the signature, on its left.
    let (s, d) = (f[0].images[0].rect, f[1].images[0].rect);
    let overlap = d[2].min(s[2]) - d[0].max(s[0]);
    assert_close(
        overlap / (s[2] - s[0]),
        1.0 / 3.0,
        0.02,
        "share of the signature under the seal",
    );
    assert!(d[0] < s[0], "the seal sticks out on the left");
    // Centred: the signature's centre is the column's (the position line's).
    let cx = (s[0] + s[2]) / 2.0;
    let text = lines_of_pdf_centre(&p, "PHÓ TRƯỞNG PHÒNG");
    assert_close(cx, text, 1.0, "signature centred under the position");
}

/// The horizontal centre (pt) of a line of the plain build, from Typst's
/// layout of the same document.
fn lines_of_pdf_centre(p: &Project, needle: &str) -> f64 {
    let loaded = vanban::load::load(&p.path("cv.yaml")).unwrap();
    let built = vanban::Builder::new(vanban::world::Engine::shared())
        .layout(&loaded)
        .unwrap();
    let flat = flatten(&built.document);
    let ls = lines(&flat);
    find_line(&ls, needle).centre()
}

// ─── vanban xac-minh ────────────────────────────────────────────────────

pub(crate) fn xac_minh(dir: &Path, pdf: &Path, trust: Option<&Path>) -> (bool, String) {
    let mut c = vanban_in(dir, None);
    c.arg("xac-minh").arg(pdf);
    if let Some(t) = trust {
        c.arg("--tin-cay").arg(t);
    }
    let o = c.output().unwrap();
    (
        o.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

/// A sign-ready PDF/A-3b carrying its YAML, signed by both.
fn signed_with_source(p: &Project) -> PathBuf {
    let pdf = p.build("ky-so", &["--ky-so", "--pdf-a", "--embed-source"]);
    ok(&ky(
        p.dir.path(),
        &pdf,
        &pki().signer_p12,
        &["--anh", "anh/chu-ky.png"],
    ));
    ok(&ky(
        p.dir.path(),
        &pdf,
        &pki().org_p12,
        &["--anh", "anh/dau.png"],
    ));
    pdf
}

#[test]
fn xac_minh_reports_signer_organisation_time_and_the_rebuilt_source() {
    let p = Project::new();
    let pdf = signed_with_source(&p);
    let (good, out) = xac_minh(p.dir.path(), &pdf, Some(&pki().ca_pem));
    assert!(good, "{out}");
    assert!(
        out.contains("nguoi-ky: HỢP LỆ — Nguyễn Văn A (PHÒNG GIÁO DỤC VÀ ĐÀO TẠO)"),
        "{out}"
    );
    assert!(
        out.contains("co-quan: HỢP LỆ — PHÒNG GIÁO DỤC VÀ ĐÀO TẠO (UBND HUYỆN THỦ THỪA)"),
        "{out}"
    );
    assert_eq!(
        out.matches("+07:00").count(),
        2,
        "signing times in Việt Nam's zone: {out}"
    );
    assert_eq!(
        out.matches("toàn vẹn: nguyên vẹn; chữ ký: đúng; chứng thư: tin cậy")
            .count(),
        2,
        "{out}"
    );
    assert!(out.contains("phạm vi: toàn bộ tệp"), "{out}");
    assert!(
        out.contains("dựng lại đúng từng byte phiên bản đã ký"),
        "{out}"
    );
    // Without the CA in the trust store, the same file is not accepted.
    let (good, out) = xac_minh(p.dir.path(), &pdf, None);
    assert!(!good);
    assert_eq!(
        out.matches("không nằm trong danh sách tin cậy").count(),
        2,
        "{out}"
    );
}

#[test]
fn xac_minh_catches_a_changed_byte_and_an_appended_update() {
    let p = Project::new();
    let pdf = signed_with_source(&p);
    let bytes = std::fs::read(&pdf).unwrap();
    // One byte of the page's content.
    let mut bad = bytes.clone();
    let at = bad.windows(6).position(|w| w == b"stream").unwrap() + 20;
    bad[at] ^= 0x01;
    let changed = p.path("sua.pdf");
    std::fs::write(&changed, &bad).unwrap();
    let (good, out) = xac_minh(p.dir.path(), &changed, Some(&pki().ca_pem));
    assert!(!good);
    assert_eq!(out.matches("ĐÃ BỊ SỬA").count(), 2, "{out}");
    // An update appended after the last signature (a new page content):
    // the signatures stay intact but cover only part of the file.
    let mut appended = bytes.clone();
    let prev = appended
        .windows(9)
        .rposition(|w| w == b"startxref")
        .unwrap();
    let prev: usize = String::from_utf8_lossy(&appended[prev + 9..])
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let n = doc.max_id + 1;
    let obj_at = appended.len();
    appended.extend_from_slice(
        format!("{n} 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n").as_bytes(),
    );
    let xref = appended.len();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    appended.extend_from_slice(
        format!(
            "xref\n{n} 1\n{obj_at:010} 00000 n\r\ntrailer\n<< /Size {} /Root {} {} R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n",
            n + 1,
            root.0,
            root.1
        )
        .as_bytes(),
    );
    let extra = p.path("them.pdf");
    std::fs::write(&extra, &appended).unwrap();
    let (good, out) = xac_minh(p.dir.path(), &extra, Some(&pki().ca_pem));
    assert!(!good, "{out}");
    assert!(
        out.contains("CẢNH BÁO: tệp có nội dung thêm sau chữ ký cuối cùng"),
        "{out}"
    );
    assert_eq!(out.matches("nguyên vẹn").count(), 2, "{out}");
}

#[test]
fn xac_minh_catches_pages_the_embedded_yaml_does_not_build() {
    let p = Project::new();
    let ready = p.build("ky-so", &["--ky-so", "--pdf-a", "--embed-source"]);
    // The pages changed before signing (here: page 1 shifted up 5 pt),
    // while the YAML attached still says what it said: signatures on such
    // a file are valid, but the file is not what its sources produce.
    let mut doc = load(&ready);
    let page = *doc.get_pages().get(&1).unwrap();
    let mut content = doc.get_page_content(page);
    content.splice(0..0, b"1 0 0 1 0 5 cm\n".iter().copied());
    doc.change_page_content(page, content).unwrap();
    doc.save(&ready).unwrap();
    ok(&ky(p.dir.path(), &ready, &pki().signer_p12, &[]));
    ok(&ky(p.dir.path(), &ready, &pki().org_p12, &[]));
    let (good, out) = xac_minh(p.dir.path(), &ready, Some(&pki().ca_pem));
    assert!(!good, "{out}");
    assert_eq!(
        out.matches(": HỢP LỆ").count(),
        2,
        "the signatures themselves hold: {out}"
    );
    assert!(out.contains("KHÁC NGUỒN"), "{out}");
}
