//! One PDF made of several (the merged PDF of a mail merge, to print at
//! once): the pages of each, in order, under one page tree. Each input's
//! objects are renumbered apart; what its catalogue held for the whole
//! file (outline, structure tree, metadata) is left out, the pages keep
//! their own resources, fonts and links.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lopdf::{dictionary, Document, Object, ObjectId};

/// Page attributes a page may inherit from its page tree.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// The PDF made of the pages of `inputs`, in order. The error names the
/// input that could not be read.
pub fn combine(inputs: &[PathBuf]) -> Result<Vec<u8>, (PathBuf, String)> {
    let mut out = Document::with_version("1.7");
    let pages_id = out.new_object_id();
    let mut kids: Vec<Object> = Vec::new();
    let mut next = out.max_id + 1;
    for path in inputs {
        let fail = |e: &dyn std::fmt::Display| (path.clone(), e.to_string());
        let mut doc = Document::load(path).map_err(|e| fail(&e))?;
        doc.renumber_objects_with(next);
        next = doc.max_id + 1;
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let mut inherited: BTreeMap<ObjectId, Vec<(Vec<u8>, Object)>> = BTreeMap::new();
        for &id in &pages {
            inherited.insert(id, inherited_attributes(&doc, id));
        }
        // The page tree nodes and the catalogue are replaced by ours.
        let skip: Vec<ObjectId> = doc
            .objects
            .iter()
            .filter(|(_, o)| {
                o.as_dict()
                    .is_ok_and(|d| d.has_type(b"Pages") || d.has_type(b"Catalog"))
            })
            .map(|(id, _)| *id)
            .collect();
        for (id, mut object) in std::mem::take(&mut doc.objects) {
            if skip.contains(&id) {
                continue;
            }
            if let Some(attrs) = inherited.remove(&id) {
                if let Ok(page) = object.as_dict_mut() {
                    for (k, v) in attrs {
                        if !page.has(&k) {
                            page.set(k, v);
                        }
                    }
                    page.set("Parent", pages_id);
                    page.remove(b"StructParents");
                }
            }
            out.objects.insert(id, object);
        }
        kids.extend(pages.into_iter().map(Object::Reference));
    }
    out.max_id = next.saturating_sub(1).max(out.max_id);
    let count = kids.len() as i64;
    out.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog = out.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    out.trailer.set("Root", catalog);
    out.compress();
    let mut bytes = Vec::new();
    out.save_to(&mut bytes)
        .map_err(|e| (PathBuf::from("-"), e.to_string()))?;
    Ok(bytes)
}

/// The attributes the page `id` inherits from its ancestors in the page
/// tree (the nearest wins), to copy onto it when the tree is replaced.
fn inherited_attributes(doc: &Document, id: ObjectId) -> Vec<(Vec<u8>, Object)> {
    let mut out: Vec<(Vec<u8>, Object)> = Vec::new();
    let mut at = doc
        .get_dictionary(id)
        .ok()
        .and_then(|d| d.get(b"Parent").ok())
        .and_then(|p| p.as_reference().ok());
    let mut guard = 0;
    while let Some(node) = at {
        guard += 1;
        let Ok(dict) = doc.get_dictionary(node) else {
            break;
        };
        if guard > 64 {
            break;
        }
        for key in INHERITED {
            if !out.iter().any(|(k, _)| k == key) {
                if let Ok(v) = dict.get(key) {
                    out.push((key.to_vec(), v.clone()));
                }
            }
        }
        at = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok());
    }
    out
}

/// The default place of the merged PDF of the documents in `dir` made from
/// the template `stem`: `dir/STEM-gop.pdf`.
pub fn default_path(dir: &Path, stem: &str) -> PathBuf {
    dir.join(format!("{stem}-gop.pdf"))
}
