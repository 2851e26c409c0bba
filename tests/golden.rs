//! Golden snapshots of the Typst source generated for every document under
//! `data/`: a change of a template or of the model shows up as a reviewable
//! diff of the source (`cargo insta review`), before any PDF is compared.

use vanban::load;
use vanban::world::Engine;
use vanban::Builder;

#[test]
fn generated_typst_of_every_document() {
    let builder = Builder::new(Engine::shared());
    insta::glob!("../data", "**/*.yaml", |path| {
        let doc = load::load(path).unwrap_or_else(|e| panic!("{}", e.render(false)));
        let source = builder
            .source(&doc)
            .unwrap_or_else(|e| panic!("{}", e.render(false)));
        insta::assert_snapshot!(source);
    });
}
