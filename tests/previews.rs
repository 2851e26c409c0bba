//! Page previews: PNG and SVG pictures of each page, read back and compared
//! with the laid-out document.

use std::fs;

use vanban::output::{png_pages, svg_pages};

use crate::common::*;
use crate::common::{assert_exit, listing, run, stdout, vanban};

/// A three-page example.
const KE_HOACH: &str = "data/examples/ke-hoach.yaml";
/// A4 in points.
const A4: (f64, f64) = (595.2756, 841.8898);

/// Decodes a PNG: (width, height, pixels per metre, RGBA bytes).
fn decode(bytes: &[u8]) -> (u32, u32, Option<u32>, Vec<u8>) {
    let dec = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = dec.read_info().expect("a PNG header");
    let dims = reader
        .info()
        .pixel_dims
        .filter(|d| d.unit == png::Unit::Meter && d.xppu == d.yppu)
        .map(|d| d.xppu);
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let frame = reader.next_frame(&mut buf).expect("PNG data");
    assert_eq!(frame.color_type, png::ColorType::Rgba);
    buf.truncate(frame.buffer_size());
    (frame.width, frame.height, dims, buf)
}

#[test]
fn png_pages_are_a4_at_the_requested_dpi() {
    let doc = layout_file(KE_HOACH).document;
    assert_eq!(doc.pages().len(), 3, "the example has three pages");
    for dpi in [72.0_f32, 150.0] {
        let pngs = png_pages(&doc, dpi).unwrap();
        assert_eq!(pngs.len(), doc.pages().len());
        let scale = f64::from(dpi) / 72.0;
        for png in &pngs {
            let (w, h, ppm, _) = decode(png);
            assert_eq!(w, (A4.0 * scale).round() as u32, "width at {dpi} dpi");
            assert_eq!(h, (A4.1 * scale).round() as u32, "height at {dpi} dpi");
            assert_eq!(ppm, Some((f64::from(dpi) / 0.0254).round() as u32));
        }
    }
}

#[test]
fn png_has_ink_where_the_text_is_and_white_margins() {
    let built = layout_file(KE_HOACH);
    // At 72 dpi one pixel is one point.
    let png = &png_pages(&built.document, 72.0).unwrap()[0];
    let (w, h, _, rgba) = decode(png);
    let dark = |x: u32, y: u32| {
        let i = ((y * w + x) * 4) as usize;
        rgba[i..i + 3].iter().map(|&c| u32::from(c)).sum::<u32>() < 3 * 128
    };
    let flat = flatten(&built.document);
    let lines = lines(&flat);
    let title = find_line(&lines, "KẾ HOẠCH");
    assert_eq!(title.page, 0);
    // The title's box: from its left to its right edge, from a cap height
    // above the baseline down to the baseline.
    let cap = title.size() * 0.65;
    let inked = (title.x as u32..title.right as u32)
        .flat_map(|x| ((title.y - cap) as u32..title.y as u32).map(move |y| (x, y)))
        .filter(|&(x, y)| dark(x, y))
        .count();
    let area = (title.right - title.x) * cap;
    assert!(
        inked as f64 > area * 0.15,
        "only {inked} dark pixels in the title's {area:.0} px box"
    );
    // NĐ30's left margin is 30–35 mm: nothing is drawn in the first 25 mm,
    // nor above the first line of text.
    let left = mm(25.0) as u32;
    let top = flat
        .texts
        .iter()
        .filter(|t| t.page == 0)
        .map(|t| t.y - t.size)
        .fold(f64::MAX, f64::min) as u32;
    for y in 0..h {
        for x in 0..w {
            if x < left || y < top {
                assert!(!dark(x, y), "ink at ({x}, {y}) in the margin");
            }
        }
    }
}

#[test]
fn svg_pages_draw_every_glyph_of_their_page() {
    let doc = layout_file(KE_HOACH).document;
    let svgs = svg_pages(&doc);
    assert_eq!(svgs.len(), doc.pages().len());
    let flat = flatten(&doc);
    for (i, svg) in svgs.iter().enumerate() {
        assert!(svg.starts_with("<svg"), "page {}: {:.80}", i + 1, svg);
        let attr = |name: &str| -> f64 {
            let at = svg.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
            let end = at + svg[at..].find("pt\"").expect("a size in pt");
            svg[at..end].parse().expect("a number")
        };
        assert_close(attr("width"), A4.0, 0.01, "SVG width");
        assert_close(attr("height"), A4.1, 0.01, "SVG height");
        // Every visible glyph is drawn as a reference to its outline.
        let ink: usize = flat
            .texts
            .iter()
            .filter(|t| t.page == i)
            .map(|t| {
                t.glyphs
                    .iter()
                    .filter(|(r, _, _)| {
                        !t.text
                            .get(r.clone())
                            .unwrap_or(" ")
                            .chars()
                            .all(char::is_whitespace)
                    })
                    .count()
            })
            .sum();
        let drawn = svg.matches("<use xlink:href=\"#g").count();
        assert!(ink > 100, "page {} has only {ink} glyphs", i + 1);
        assert_eq!(drawn, ink, "glyphs drawn on page {}", i + 1);
    }
}

#[test]
fn zero_or_huge_dpi_is_refused() {
    let doc = layout_file("data/examples/cong-van.yaml").document;
    let english = |dpi| {
        vanban::i18n::with_lang(vanban::i18n::Lang::En, || {
            png_pages(&doc, dpi).unwrap_err().to_string()
        })
    };
    for dpi in [0.0, -3.0, f32::NAN] {
        let e = english(dpi);
        assert!(e.contains("--dpi"), "{e}");
    }
    let e = english(5000.0);
    assert!(e.contains("megapixels"), "{e}");
}

#[test]
fn build_writes_one_picture_per_page_and_no_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("kh.yaml");
    fs::copy(root().join(KE_HOACH), &doc).unwrap();
    let out = dir.path().join("out");
    let o = run(vanban()
        .args(["build", "--format", "png,svg", "--dpi", "30", "-o"])
        .arg(&out)
        .arg(&doc));
    assert_exit(&o, 0);
    let names = listing(&out);
    assert_eq!(
        names,
        ["kh-1.png", "kh-1.svg", "kh-2.png", "kh-2.svg", "kh-3.png", "kh-3.svg"]
    );
    for n in &names {
        assert!(stdout(&o).contains(n), "{n} not reported:\n{}", stdout(&o));
    }
    let (w, h, _, _) = decode(&fs::read(out.join("kh-2.png")).unwrap());
    assert_eq!((w, h), (248, 351), "A4 at 30 dpi");
    let svg = fs::read_to_string(out.join("kh-3.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));

    // A failed build leaves every picture as it was.
    let before: Vec<Vec<u8>> = names
        .iter()
        .map(|n| fs::read(out.join(n)).unwrap())
        .collect();
    let good = fs::read_to_string(&doc).unwrap();
    fs::write(&doc, good.replace("loai: ke_hoach", "loai: ke_hoac")).unwrap();
    let o = run(vanban()
        .args(["build", "--format", "png,svg", "--dpi", "30", "-o"])
        .arg(&out)
        .arg(&doc));
    assert_exit(&o, 1);
    assert_eq!(listing(&out), names);
    for (n, b) in names.iter().zip(&before) {
        assert!(fs::read(out.join(n)).unwrap() == *b, "{n} changed");
    }

    // A shorter version replaces the pictures and removes the extra pages.
    fs::copy(root().join("data/examples/cong-van.yaml"), &doc).unwrap();
    let o = run(vanban()
        .args(["build", "--format", "png,pdf", "--dpi", "30", "-o"])
        .arg(&out)
        .arg(&doc));
    assert_exit(&o, 0);
    assert_eq!(
        listing(&out),
        ["kh-1.png", "kh-1.svg", "kh-2.svg", "kh-3.svg", "kh.pdf"]
    );
    assert!(fs::read(out.join("kh-1.png")).unwrap() != before[0]);
}
