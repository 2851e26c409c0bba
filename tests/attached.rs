//! The organisation's signature on a file attached to a document (an
//! appendix issued as a separate file): no image, a text block at the top
//! right of page 1 with the document's số and ký hiệu and the signing time,
//! Times New Roman (Liberation Serif) 10 pt, regular, black; read back from
//! the signed PDF.

use std::path::Path;
use std::process::Command;

use lopdf::{Document, Object};

use crate::common::*;
use crate::sign::{load, ok, pdfsig, pki, pyhanko, vanban_in, Project, P12_PASSWORD};

fn ky_attached(dir: &Path, pdf: &Path, so: &str, lang: &str) -> std::process::Output {
    vanban_in(dir, Some(P12_PASSWORD))
        .env("LANGUAGE", lang)
        .arg("ky")
        .arg(pdf)
        .arg("--p12")
        .arg(&pki().org_p12)
        .args(["--kem-theo", so])
        .output()
        .unwrap()
}

/// `pdftotext -bbox-layout`'s words of page 1: (text, xMin, yMin, xMax, yMax).
pub(crate) fn words(pdf: &Path) -> Vec<(String, f64, f64, f64, f64)> {
    let o = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8_lossy(&o.stdout).into_owned();
    let re = regex::Regex::new(
        r#"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#,
    )
    .unwrap();
    re.captures_iter(&html)
        .map(|c| {
            let n = |i: usize| c[i].parse::<f64>().unwrap();
            (c[5].replace("&amp;", "&"), n(1), n(2), n(3), n(4))
        })
        .collect()
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        o => o,
    }
}

#[test]
fn an_attached_file_is_signed_with_a_text_block_at_the_top_right_of_page_one() {
    let p = Project::new();
    // The appendix as a separate file: a PDF without signature fields.
    let pdf = p.build("phu-luc", &["--pdf-a"]);
    let before_words = words(&pdf);
    ok(&ky_attached(p.dir.path(), &pdf, "15/QĐ-UBND", "vi"));

    // Both validators: valid, trusted, the whole file covered.
    let out = pdfsig(&pdf);
    assert_eq!(out.matches("Signature is Valid").count(), 1, "{out}");
    let (good, report) = pyhanko(&pdf);
    assert!(good, "{report}");
    assert!(
        report.contains("co-quan: intact=True valid=True trusted=True"),
        "{report}"
    );

    // The block's text, read back by poppler, above everything the page
    // had and right of its centre.
    let after = words(&pdf);
    let new: Vec<_> = after.iter().filter(|w| !before_words.contains(w)).collect();
    let text: Vec<&str> = new.iter().map(|w| w.0.as_str()).collect();
    let joined = text.join(" ");
    assert!(joined.contains("15/QĐ-UBND"), "{joined}");
    let re = regex::Regex::new(r"\d{2}/\d{2}/\d{4}; \d{2}:\d{2}:\d{2} \+07:00").unwrap();
    assert!(re.is_match(&joined), "no ngày; giờ +07:00 in {joined}");
    let top_of_page = before_words.iter().map(|w| w.2).fold(f64::MAX, f64::min);
    for w in &new {
        assert!(w.4 <= top_of_page + 1.0, "{w:?} not above the page's text");
        assert!(w.1 > 595.0 / 2.0, "{w:?} not on the right half");
        assert!(
            w.3 <= 595.3 - mm(15.0) + 0.5,
            "{w:?} beyond the right margin"
        );
    }
    // Its words (10 pt Liberation Serif): the box is ascent + descent high.
    for w in &new {
        let h = w.4 - w.2;
        assert!(
            (h - 10.0 * (1825.0 + 443.0) / 2048.0).abs() < 0.3,
            "{w:?}: height {h}"
        );
    }
    // The original text is still there.
    for w in &before_words {
        assert!(after.contains(w), "{w:?} lost");
    }

    // The appearance stream: black, 10 pt, the embedded Liberation Serif
    // (regular, a subset, with a ToUnicode map); no image.
    let doc = load(&pdf);
    let field = crate::sign::fields(&doc)
        .into_iter()
        .find(|f| f.name == "co-quan")
        .expect("a co-quan field");
    assert!(field.value.is_some(), "the field is signed");
    assert!(field.images.is_empty(), "no image: {:?}", field.images);
    assert_eq!(field.page, 1);
    // Top right: the field's right edge at the 15 mm margin, its top in the
    // top margin.
    assert_close(field.rect[2], 595.276 - mm(15.0), 0.5, "right edge");
    assert_close(field.rect[3], 841.89 - mm(8.0), 0.5, "top edge");
    let ap = deref(&doc, field.dict.get(b"AP").unwrap())
        .as_dict()
        .unwrap();
    let n = deref(&doc, ap.get(b"N").unwrap()).as_stream().unwrap();
    let content = String::from_utf8(n.decompressed_content().unwrap()).unwrap();
    assert!(content.contains("0 g"), "{content}");
    assert!(content.contains("/F0 10 Tf"), "{content}");
    assert!(!content.contains(" Do"), "no image: {content}");
    let res = deref(&doc, n.dict.get(b"Resources").unwrap())
        .as_dict()
        .unwrap();
    assert!(res.get(b"XObject").is_err(), "no image");
    let fonts = deref(&doc, res.get(b"Font").unwrap()).as_dict().unwrap();
    let f0 = deref(&doc, fonts.get(b"F0").unwrap()).as_dict().unwrap();
    let base =
        String::from_utf8_lossy(f0.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned();
    assert!(base.ends_with("+LiberationSerif"), "{base}");
    assert!(f0.get(b"ToUnicode").is_ok());
    let desc = deref(&doc, f0.get(b"DescendantFonts").unwrap())
        .as_array()
        .unwrap();
    let cid = deref(&doc, &desc[0]).as_dict().unwrap();
    let fd = deref(&doc, cid.get(b"FontDescriptor").unwrap())
        .as_dict()
        .unwrap();
    assert!(fd.get(b"FontFile2").is_ok(), "embedded");
    assert_eq!(
        fd.get(b"ItalicAngle").unwrap().as_i64().unwrap(),
        0,
        "upright"
    );
    // pdffonts agrees: embedded, subset, CID TrueType.
    let o = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&o.stdout);
    let line = fonts
        .lines()
        .find(|l| l.contains(&base))
        .unwrap_or_else(|| panic!("{fonts}"));
    assert!(
        line.contains("CID TrueType") && line.contains("yes yes"),
        "{line}"
    );
}

#[test]
fn a_file_with_signature_fields_or_no_number_is_refused_as_an_attachment() {
    let p = Project::new();
    let pdf = p.build("ky-so", &["--ky-so"]);
    let before = std::fs::read(&pdf).unwrap();
    let o = ky_attached(p.dir.path(), &pdf, "15/QĐ-UBND", "vi");
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--truong"),
        "{o:?}"
    );
    let plain = p.build("plain", &[]);
    let o = ky_attached(p.dir.path(), &plain, "  ", "en");
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("15/QĐ-UBND"),
        "{o:?}"
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
}

#[test]
fn an_appendix_built_with_ky_so_is_signed_in_the_place_of_its_reserved_field() {
    let p = Project::new();
    // `phu_luc --ky-so` reserves the organisation's empty field at the top
    // right; signing it as an attached file puts the text block there.
    let yaml = std::fs::read_to_string(root().join("data/examples/phu-luc.yaml")).unwrap();
    std::fs::write(p.dir.path().join("phu-luc.yaml"), yaml).unwrap();
    let o = vanban_in(p.dir.path(), None)
        .args(["build", "phu-luc.yaml", "--ky-so"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = p.dir.path().join("phu-luc.pdf");
    let reserved = crate::sign::fields(&load(&pdf));
    assert_eq!(reserved.len(), 1, "one reserved field");
    assert_eq!(reserved[0].name, "co-quan");
    ok(&ky_attached(p.dir.path(), &pdf, "15/QĐ-UBND", "vi"));
    let out = pdfsig(&pdf);
    assert_eq!(out.matches("Signature is Valid").count(), 1, "{out}");
    let (good, report) = pyhanko(&pdf);
    assert!(good, "{report}");
    let doc = load(&pdf);
    let fields = crate::sign::fields(&doc);
    assert_eq!(fields.len(), 1, "the reserved field was replaced, not kept");
    let field = &fields[0];
    assert!(field.value.is_some(), "the field is signed");
    assert!(field.images.is_empty(), "no image");
    assert_close(field.rect[2], 595.276 - mm(15.0), 0.5, "right edge");
    assert_close(field.rect[3], 841.89 - mm(8.0), 0.5, "top edge");
    let joined: Vec<String> = words(&pdf).into_iter().map(|w| w.0).collect();
    assert!(joined.join(" ").contains("15/QĐ-UBND"), "{joined:?}");
}
