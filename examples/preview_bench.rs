//! How long `vanban serve` takes to refresh the preview after an edit: the
//! work of one `/api/preview` request (load the edited text, lay it out,
//! encode the JSON answer) and of drawing the pages as SVG (the page asks
//! for the pictures of the changed pages in view: the figure is for all of
//! them), measured in process.
//!
//! ```sh
//! cargo run --example preview_bench [FILE.yaml] [ROUNDS]   # add --release for release figures
//! ```
//!
//! The page waits 60 ms after the last keystroke before asking; add that
//! to the figures for "time from typing stops to new preview".

use std::path::PathBuf;
use std::time::Instant;

use vanban::serve::{page_svg, preview_text};
use vanban::world::Engine;
use vanban::Builder;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "data/2023/thu-thua/pgddt-cong-van-tuan-le-hoc-tap.yaml".into()),
    );
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(30);
    let text = std::fs::read_to_string(&path).expect("readable document");
    let builder = Builder::new(Engine::shared());

    let mut first = None;
    let mut totals = Vec::new();
    let mut layouts = Vec::new();
    let mut svgs = Vec::new();
    let mut encode = Vec::new();
    let mut loads = Vec::new();
    let mut templates = Vec::new();
    let mut pages = 0;
    let mut bytes = 0;
    for i in 0..=rounds {
        // A different edit each time, as when typing in the trích yếu.
        let edited = text.replacen("trich_yeu: ", &format!("trich_yeu: {i} "), 1);
        // The stages on their own: loading and checking, the template.
        let t = Instant::now();
        let doc = vanban::load::check_text(&path, edited.clone()).expect("loads");
        let load_ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        std::hint::black_box(builder.source(&doc).expect("renders"));
        let template_ms = t.elapsed().as_secs_f64() * 1000.0;
        let start = Instant::now();
        let p = preview_text(&builder, &path, edited);
        let drawing = Instant::now();
        for page in &p.pages {
            std::hint::black_box(page_svg(page.page.as_ref().expect("laid out")));
        }
        let svg_ms = drawing.elapsed().as_secs_f64() * 1000.0;
        let encoding = Instant::now();
        let json = serde_json::to_string(&p).expect("json");
        let encode_ms = encoding.elapsed().as_secs_f64() * 1000.0;
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        bytes = json.len();
        assert!(p.ok, "{:?}", p.diagnostics);
        pages = p.pages.len();
        std::hint::black_box(json);
        if i == 0 {
            first = Some(ms);
        } else {
            totals.push(ms);
            layouts.push(p.layout_ms as f64);
            svgs.push(svg_ms);
            encode.push(encode_ms);
            loads.push(load_ms);
            templates.push(template_ms);
        }
    }
    let stat = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let q = |f: f64| v[((v.len() - 1) as f64 * f).round() as usize];
        format!(
            "median {:6.1} ms  p90 {:6.1} ms  max {:6.1} ms",
            q(0.5),
            q(0.9),
            q(1.0)
        )
    };
    println!("{} ({pages} pages), {rounds} edits", path.display());
    println!("first preview (cold): {:6.1} ms", first.unwrap_or_default());
    println!("preview total:        {}", stat(&mut totals));
    println!("  load + layout:      {}", stat(&mut layouts));
    println!("    load + check:     {}", stat(&mut loads));
    println!("    template:         {}", stat(&mut templates));
    println!("  SVG (all pages):    {}", stat(&mut svgs));
    println!("  JSON ({:4} kB):     {}", bytes / 1024, stat(&mut encode));
}
