//! An editable Word file (`.docx`) of a document, laid out as its PDF.
//!
//! Built from the same model and the same text preparation as the PDF
//! ([`crate::render::View`], [`crate::inline`]): NĐ30's layout is written
//! in Word's own terms ([`layout`]) — A4 and the document's margins, a
//! borderless two-column header whose rules are paragraph borders as long
//! as the PDF's, Times New Roman, the PDF's sizes, indents, spacing and
//! justification, footnotes as Word footnotes, the signature block beside
//! Nơi nhận, a PAGE field centred in the header and hidden on each part's
//! first page, and one section per appendix with its numbering restarted.
//!
//! The package is written directly (WordprocessingML as text, zipped with
//! the `zip` crate): every part, id and timestamp is fixed by the input, so
//! the same document always gives the same bytes.

mod image;
mod layout;
pub mod measure;
mod xml;

use std::io::Write;

use crate::diag::Error;
use crate::load::Loaded;
use crate::model::{Le, VanBan};
use crate::render::View;

use layout::{Doc, Flow};
use xml::{esc, mm, tw, Align, Par, Style};

/// A4 in pt.
const PAGE_W: f64 = 595.275_590_551_181_1;
const PAGE_H: f64 = 841.889_763_779_527_6;
/// Size of the page number.
const SIZE_PAGE_NUMBER: f64 = 13.0;

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The creation date written into the package (W3CDTF): `SOURCE_DATE_EPOCH`
/// when given, else the document's own date (blanks taken as the first day
/// or month), else 2000-01-01. Never the clock: same input, same bytes.
pub fn created(doc: &VanBan, epoch: Option<i64>) -> String {
    if let Some(dt) = epoch.and_then(|e| chrono::DateTime::from_timestamp(e, 0)) {
        return dt.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    }
    match doc.ngay {
        Some(n) => format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            n.nam,
            n.thang.unwrap_or(1),
            n.ngay.unwrap_or(1)
        ),
        None => "2000-01-01T00:00:00Z".into(),
    }
}

/// The `.docx` bytes of a loaded document; `created` as from [`created`].
pub fn docx(loaded: &Loaded, created: &str) -> Result<Vec<u8>, Error> {
    let doc = &loaded.doc;
    let view = View::new(doc);
    let body = doc
        .trinh_bay
        .as_ref()
        .and_then(|t| t.co_chu)
        .unwrap_or(14.0);
    let [top, bottom, left, right] = doc
        .trinh_bay
        .as_ref()
        .and_then(|t| t.le.as_ref())
        .map_or(Le::DEFAULT, Le::mm);
    let root = loaded.root();
    let mut d = Doc {
        body,
        total: PAGE_W - mm(left) - mm(right),
        root: &root,
        notes: Vec::new(),
        media: Vec::new(),
        errors: Vec::new(),
    };
    let sect = || {
        let mut s = String::from("<w:sectPr>");
        s.push_str("<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>");
        s.push_str("<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>");
        s.push_str("<w:type w:val=\"nextPage\"/>");
        s.push_str(&format!(
            "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>",
            tw(PAGE_W),
            tw(PAGE_H)
        ));
        // The page number's baseline sits as high as the PDF's (header
        // raised by 40 % of the top margin).
        let header = (mm(top) * 0.6 - (measure::ASC * SIZE_PAGE_NUMBER)).max(0.0);
        s.push_str(&format!(
            "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"0\" w:gutter=\"0\"/>",
            tw(mm(top)),
            tw(mm(right)),
            tw(mm(bottom)),
            tw(mm(left)),
            tw(header)
        ));
        s.push_str("<w:pgNumType w:start=\"1\"/><w:titlePg/>");
        s.push_str("</w:sectPr>");
        s
    };

    let mut flow = Flow::new();
    // The kinds laid out by the quyết định template have its preamble.
    let quyet_dinh = doc.loai.info().template == "quyet-dinh.typ.j2";
    main_part(&mut d, &mut flow, &view, quyet_dinh);
    for p in &view.phu_luc {
        flow.section_end(sect());
        let mut f = Flow::new();
        d.appendix_head(&mut f, p.nhan, p.tieu_de, p.kem_theo.as_deref());
        d.blocks(&mut f, p.noi_dung);
        if let Some(m) = &p.mau {
            form(&mut d, &mut f, m);
        }
        flow.xml.push_str(&f.xml);
    }
    if !d.errors.is_empty() {
        return Err(Error::Other(d.errors.join("\n")));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\" xmlns:wp=\"{NS_WP}\"><w:body>{}{}</w:body></w:document>",
        flow.xml,
        sect()
    );
    package(doc, &view, &d, &document, created)
}

/// Header, title, recipients, preamble, body and signature of `v`.
fn main_part(d: &mut Doc<'_>, flow: &mut Flow, v: &View<'_>, quyet_dinh: bool) {
    if v.loai == "phu_luc" {
        // An appendix in its own file: its head and content only.
        d.appendix_head(
            flow,
            (!v.ten_loai.is_empty()).then_some(v.ten_loai.as_str()),
            v.trich_yeu,
            v.kem_theo.as_deref(),
        );
        d.blocks(flow, v.noi_dung);
        return;
    }
    d.header(flow, v);
    d.title(flow, v);
    if quyet_dinh {
        d.tham_quyen(flow, v);
    }
    d.kinh_gui(flow, v);
    if quyet_dinh {
        d.quyet_dinh(flow, v);
    }
    d.opening(flow, v);
    d.blocks(flow, v.noi_dung);
    d.signature(flow, v);
}

/// An attached form (`phu_luc: - mau:`): a whole document without its
/// appendices, as the layout's `form` macro writes it.
fn form(d: &mut Doc<'_>, flow: &mut Flow, v: &View<'_>) {
    d.header(flow, v);
    d.title(flow, v);
    d.kinh_gui(flow, v);
    d.opening(flow, v);
    d.blocks(flow, v.noi_dung);
    d.signature(flow, v);
}

/// A header part: the page number as a PAGE field, centred; or nothing
/// (the first page of each part).
fn header_part(with_number: bool) -> String {
    let size = SIZE_PAGE_NUMBER;
    let st = Style::new(size);
    let rpr = st.rpr();
    let runs = if with_number {
        format!(
            "<w:r>{rpr}<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>{rpr}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>{rpr}<w:t>2</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    } else {
        String::new()
    };
    let p = Par {
        align: Align::Center,
        line: (measure::ASC + measure::DESC) * size,
        mark: size,
        runs,
        ..Par::default()
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\">{}</w:hdr>",
        p.xml()
    )
}

fn styles(body: f64) -> String {
    let hp = (body * 2.0).round() as i64;
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{NS_W}\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>\
<w:kern w:val=\"2\"/><w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>\
</w:styles>"
    )
}

fn settings() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"{NS_W}\">\
<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"vi-VN\"/></w:settings>"
    )
}

fn footnotes(notes: &[String]) -> String {
    let sep = |kind: &str, id: i32, mark: &str| {
        format!("<w:footnote w:type=\"{kind}\" w:id=\"{id}\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:{mark}/></w:r></w:p></w:footnote>")
    };
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\">{}{}",
        sep("separator", -1, "separator"),
        sep("continuationSeparator", 0, "continuationSeparator")
    );
    for (i, n) in notes.iter().enumerate() {
        s.push_str(&format!("<w:footnote w:id=\"{}\">{n}</w:footnote>", i + 1));
    }
    s.push_str("</w:footnotes>");
    s
}

/// Zips the parts. Entries are written in a fixed order, stamped
/// 1980-01-01 (ZIP's epoch), with no extra fields.
fn package(
    doc: &VanBan,
    view: &View<'_>,
    d: &Doc<'_>,
    document: &str,
    created: &str,
) -> Result<Vec<u8>, Error> {
    let mut content_types = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
    );
    content_types.push_str("</Types>");
    let root_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
    );
    let mut doc_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"{REL}/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdFootnotes\" Type=\"{REL}/footnotes\" Target=\"footnotes.xml\"/>\
<Relationship Id=\"rIdHeader\" Type=\"{REL}/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rIdHeaderFirst\" Type=\"{REL}/header\" Target=\"header2.xml\"/>"
    );
    for m in &d.media {
        doc_rels.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{REL}/image\" Target=\"{}\"/>",
            m.rid(),
            m.part()
        ));
    }
    doc_rels.push_str("</Relationships>");
    let keywords = format!("{}, {}/{}", view.loai, view.so, view.ky_hieu);
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:language>vi-VN</dc:language>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:modified></cp:coreProperties>",
        esc(&view.pdf_title),
        esc(&view.pdf_subject),
        esc(&doc.co_quan),
        esc(&keywords),
    );
    let app = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>vanban {}</Application></Properties>",
        env!("CARGO_PKG_VERSION")
    );
    let body = d.body;
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types.into_bytes()),
        ("_rels/.rels".into(), root_rels.into_bytes()),
        ("docProps/core.xml".into(), core.into_bytes()),
        ("docProps/app.xml".into(), app.into_bytes()),
        ("word/document.xml".into(), document.as_bytes().to_vec()),
        ("word/_rels/document.xml.rels".into(), doc_rels.into_bytes()),
        ("word/styles.xml".into(), styles(body).into_bytes()),
        ("word/settings.xml".into(), settings().into_bytes()),
        (
            "word/footnotes.xml".into(),
            footnotes(&d.notes).into_bytes(),
        ),
        ("word/header1.xml".into(), header_part(true).into_bytes()),
        ("word/header2.xml".into(), header_part(false).into_bytes()),
    ];
    for m in &d.media {
        parts.push((format!("word/{}", m.part()), m.bytes.clone()));
    }
    zip_parts(&parts).map_err(|e| Error::Other(format!("DOCX packaging failed: {e}")))
}

fn zip_parts(parts: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let method = if name.ends_with(".png") || name.ends_with(".jpeg") {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default());
        w.start_file(name.as_str(), opts)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}
