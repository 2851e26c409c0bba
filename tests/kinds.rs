//! The kinds table (`vanban::model::KINDS`): every row's example builds and
//! shows that row's type name and abbreviation, read back from the page.

use vanban::model::KINDS;

use crate::common::*;

#[test]
fn every_kind_builds_its_example_with_its_name_and_abbreviation() {
    for row in KINDS {
        let built = layout_file(&format!("data/examples/{}", row.example));
        let flat = flatten(&built.document);
        let first: Vec<Line> = lines(&flat).into_iter().filter(|l| l.page == 0).collect();
        if row.ten.is_empty() {
            // A công văn: no type name, its subject under the number.
            find_line(&first, "V/v");
        } else {
            let title = find_line(&first, row.ten);
            assert_eq!(title.text, row.ten, "{}", row.key);
            assert!(title.items.iter().all(|t| t.bold()), "{}", row.key);
        }
        // The number line (absent from a document issued with another one)
        // carries the abbreviation after the slash; a draft's blank number
        // may split it from `Số:`, so the whole page is read.
        let text = all_text(&first);
        if text.contains("Số:") && !row.viet_tat.is_empty() {
            let abbr = format!("/{}-", row.viet_tat);
            assert!(text.contains(&abbr), "{}: no {abbr} in {text}", row.key);
        }
    }
}
