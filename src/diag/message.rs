//! Messages as an id and named arguments; their wording comes from the
//! catalogue ([`crate::i18n`]), in Vietnamese or English.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

use crate::i18n::{self, Lang};

/// Defines [`MessageId`] with the catalogue id of each message, so that
/// every id is listed once and [`MessageId::ALL`] cannot miss one.
macro_rules! message_ids {
    ($($(#[$doc:meta])* $variant:ident = $ftl:literal,)*) => {
        /// What a message says, independent of its wording: each names a
        /// message of the catalogue (`i18n/*/vanban.ftl`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum MessageId {
            $($(#[$doc])* $variant,)*
        }

        impl MessageId {
            /// Every message id.
            pub const ALL: &'static [MessageId] = &[$(MessageId::$variant),*];

            /// Its id in the catalogue.
            pub fn ftl(self) -> &'static str {
                match self {
                    $(MessageId::$variant => $ftl,)*
                }
            }

            /// The id whose catalogue id is `ftl`.
            pub fn from_ftl(ftl: &str) -> Option<MessageId> {
                match ftl {
                    $($ftl => Some(MessageId::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

message_ids! {
    /// Any other message: `{text}`.
    Text = "text",
    /// The YAML text does not parse, for a reason not recognised below:
    /// `{detail}`.
    YamlSyntax = "yaml-syntax",
    /// A quote opened and never closed: `{quote}`.
    YamlUnclosedQuote = "yaml-unclosed-quote",
    /// A `: ` inside a text read as a new key.
    YamlColon = "yaml-colon",
    /// A tab in the indentation.
    YamlTab = "yaml-tab",
    /// A line indented more than the keys beside it.
    YamlIndentMore = "yaml-indent-more",
    /// A line indented less than the keys beside it (`{key}`).
    YamlIndentLess = "yaml-indent-less",
    /// A list item (`- `) among keys, or a key among list items.
    YamlListMix = "yaml-list-mix",
    /// The same key twice in one group: `{key}`.
    YamlDuplicateKey = "yaml-duplicate-key",
    /// The document has nothing in it.
    DocumentEmpty = "document-empty",
    /// The document is not a list of keys.
    DocumentNotKeys = "document-not-keys",
    /// A file larger than allowed: `{bytes}`, `{max}`.
    TooLarge = "too-large",
    /// A key or value does not fit the model, for a reason not recognised
    /// below: `{at}: {detail}`.
    Typing = "typing",
    /// A key the vocabulary does not have: `{at}`, `{key}`, `{keys}`.
    UnknownKey = "unknown-key",
    /// A block kind that does not exist: `{at}`, `{key}`, `{keys}`.
    UnknownBlock = "unknown-block",
    /// A kind of document that does not exist: `{value}`, `{kinds}`.
    UnknownKind = "unknown-kind",
    /// A value not among the allowed ones: `{at}`, `{value}`, `{allowed}`.
    UnknownValue = "unknown-value",
    /// A value of the wrong type: `{at}`, `{got}` (map, string, number,
    /// list, bool, null, other), `{value}`, `{want}` (string, number,
    /// integer, list, map, bool, text-or-list, …, or `other` with
    /// `{wanttext}`).
    WrongType = "wrong-type",
    /// A required key is missing: `{at}`, `{key}`.
    MissingKey = "missing-key",
    /// Not a date: `{at}`, `{value}`.
    DateInvalid = "date-invalid",
    /// A month that does not exist: `{at}`, `{value}`, `{month}`.
    DateNoMonth = "date-no-month",
    /// A day that does not exist: `{at}`, `{value}`, `{day}`, `{month}`,
    /// `{year}`.
    DateNoDay = "date-no-day",
    /// A size or margin outside NĐ30's range: `{at}`, `{value}`, `{lo}`,
    /// `{hi}`, `{unit}`.
    OutOfRange = "out-of-range",
    /// A Quốc hiệu size NĐ30 does not pair: `{at}`, `{value}`.
    QuocHieuSize = "quoc-hieu-size",
    /// A width or size that is not above zero: `{at}`, `{value}`.
    NotPositive = "not-positive",
    /// A table row with the wrong number of cells: `{at}`, `{n}`, `{got}`,
    /// `{want}`, `{from}` (`dau` or `cot`).
    RowCells = "row-cells",
    /// An image that is not PNG, JPG or SVG: `{at}`, `{value}`.
    ImageFormat = "image-format",
    /// A file named in a document cannot be opened: `{what}` (`image`,
    /// `file`), `{path}`, `{full}`, `{reason}`.
    RefCannotOpen = "ref-cannot-open",
    /// A file named in a document lies outside the project folder:
    /// `{what}`, `{path}`, `{root}`.
    RefOutside = "ref-outside",
    /// An image of the signer cannot be used: `{at}: {detail}`.
    Image = "image",
    /// A template in the document's text failed: `{detail}`.
    TemplateInText = "template-in-text",
    /// A variable of a template in the text is not defined: `{name}`.
    TemplateUndefined = "template-undefined",
    /// A layout template failed: `{detail}`.
    LayoutTemplate = "layout-template",
    /// Typst failed on text that came from the YAML: `{detail}`.
    LayoutFailedOnValue = "layout-failed-on-value",
    /// A Typst diagnostic in the generated source or the layouts: `{detail}`.
    Typst = "typst",
    /// Where a Typst error sits in the generated source: `{snippet}`,
    /// `{line}`, `{file}` (empty when the source is not written).
    TypstGeneratedAs = "typst-generated-as",
    /// A step of Typst's trace (`error occurred in this call …`): `{detail}`.
    TypstTrace = "typst-trace",
    /// A model warning: `{text}`.
    Warning = "warning",
    /// A child's list item names an `id` its parent lacks: `{text}`.
    UnknownId = "unknown-id",
    /// A key the document's kind would not print: `{text}`.
    KeyNotPrinted = "key-not-printed",
    /// Help: `did you mean `{key}`?`.
    DidYouMean = "did-you-mean",
    /// Help: the keys or values allowed here: `{keys}`.
    Allowed = "allowed",
    /// Help: add a missing key (`{key}`).
    AddKey = "add-key",
    /// Help: where template variables come from.
    TemplateVariables = "template-variables",
    /// Help: tabs in the indentation.
    TabIndent = "tab-indent",
    /// Help: a list item read as a key and value: `{rest}`, `{quoted}`.
    QuoteItem = "quote-item",
    /// Help: a `: ` inside a text: `{fixed}`.
    QuoteColon = "quote-colon",
    /// Help: a word YAML reads as a value: `{value}`.
    NotText = "not-text",
    /// Help: ` #` starts a comment.
    HashComment = "hash-comment",
    /// Help: close the quote: `{fixed}` (the line with its closing quote).
    CloseQuote = "close-quote",
    /// Help: line the key up with the keys beside it (`{column}` spaces).
    AlignKey = "align-key",
    /// Help from Typst: `{text}`.
    TypstHint = "typst-hint",
    /// Input beyond one of vanban's limits (see `load::limits`): `{what}`
    /// (which limit: `markup-depth`, `text-size`, `text-length`, `template-output`,
    /// `image-pixels`, `cited-documents`, `file-type`, `file-size`),
    /// `{limit}` and `{found}`; worded by `limit_wording`.
    Limit = "limit",
    /// A recipient names an address-book key that is neither an entry nor
    /// a group: `{key}`, `{file}`.
    AddressUnknown = "address-unknown",
    /// A recipient names an address-book key, but the project has no
    /// address book: `{key}`, `{file}`.
    AddressNoBook = "address-no-book",
    /// Help: how to start an address book.
    AddressHowTo = "address-how-to",
    /// An address-book key or group name that is not lower-case ASCII
    /// letters, digits, `-`, `_`: `{key}`.
    AddressBadKey = "address-bad-key",
    /// An address-book entry without a name (`ten`): `{key}`.
    AddressNoName = "address-no-name",
    /// An organisation code not of the form `NNN.NN.NN.XNN`: `{key}`,
    /// `{value}`, `{length}`.
    AddressBadCode = "address-bad-code",
    /// A group named like an entry: `{key}`.
    AddressGroupClash = "address-group-clash",
    /// Help: `@` cannot start a plain YAML text; quote it: `{fixed}`.
    QuoteAt = "quote-at",
    /// Label of an error (`error`).
    LabelError = "label-error",
    /// Label of a warning (`warning`).
    LabelWarning = "label-warning",
    /// Label of a hint (`help`).
    LabelHelp = "label-help",
    /// Label of a related place (`note`).
    LabelNote = "label-note",
    /// `{path}:{line}:{column}` of a trace step: `{message}` at `{place}`.
    AtPlace = "at-place",
    /// The prefix naming where in the document: `{at}`.
    AtPrefix = "at-prefix",
    // ── Signing with a token, certificate checks, copies (issue 20) ──
    /// The token (PKCS#11 library) failed: `{detail}`.
    TokenError = "token-error",
    /// No PKCS#11 library named: `{env}`.
    TokenNoModule = "token-no-module",
    /// The PKCS#11 library does not load: `{path}`, `{detail}`.
    TokenLoad = "token-load",
    /// No token plugged in.
    TokenNone = "token-none",
    /// Several tokens plugged in: `{tokens}`.
    TokenSeveral = "token-several",
    /// No PIN and no terminal to ask it on: `{env}`.
    TokenPinNeeded = "token-pin-needed",
    /// The PIN prompt.
    TokenPinPrompt = "token-pin-prompt",
    /// The token refused the PIN.
    TokenPinWrong = "token-pin-wrong",
    /// The token is locked (too many wrong PINs).
    TokenPinLocked = "token-pin-locked",
    /// No private key on the token.
    TokenNoKey = "token-no-key",
    /// No key with the label asked for: `{label}`, `{labels}`.
    TokenNoSuchKey = "token-no-such-key",
    /// Several keys on the token and none chosen: `{labels}`.
    TokenSeveralKeys = "token-several-keys",
    /// No certificate for the key: `{label}`.
    TokenNoCert = "token-no-cert",
    /// The certificate has expired: `{source}`, `{name}`, `{date}`.
    CertExpired = "cert-expired",
    /// The certificate is not valid yet: `{source}`, `{name}`, `{date}`.
    CertNotYet = "cert-not-yet",
    /// The certificate's key usage forbids signing documents: `{source}`,
    /// `{name}`, `{usage}`.
    CertUsage = "cert-usage",
    /// `--kem-theo` on a PDF that already has signature fields.
    AttachedHasFields = "attached-has-fields",
    /// `--kem-theo` without a số and ký hiệu.
    AttachedNoNumber = "attached-no-number",
    /// A PDF to sign or copy that does not parse: `{detail}`.
    PdfUnreadable = "pdf-unreadable",
    /// An encrypted PDF to copy.
    CopyEncrypted = "copy-encrypted",
}

/// A message: an id and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// What it says.
    pub id: MessageId,
    /// Its arguments, by name.
    pub args: Vec<(Cow<'static, str>, String)>,
}

/// Marks a message carried through a serde error's text ([`Message::encoded`]).
const MARK: char = '\u{1}';
/// Separates an argument's name from its value in an encoded message.
const EQ: char = '\u{2}';

impl Message {
    /// A message with arguments.
    pub fn new(id: MessageId, args: &[(&'static str, String)]) -> Self {
        Self {
            id,
            args: args
                .iter()
                .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
                .collect(),
        }
    }

    /// A message without arguments.
    pub fn bare(id: MessageId) -> Self {
        Self::new(id, &[])
    }

    /// The long tail: a message that is its own text.
    pub fn text(text: impl Into<String>) -> Self {
        Self::new(MessageId::Text, &[("text", text.into())])
    }

    /// The same message with one more argument.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.retain(|(n, _)| n != name);
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The argument `name` (empty when absent).
    pub fn arg(&self, name: &str) -> &str {
        self.args
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The message as text that survives a trip through a serde error
    /// (`de::Error::custom`); [`Message::decode`] gets it back.
    pub fn encoded(&self) -> String {
        let mut s = format!("{MARK}{}", self.id.ftl());
        for (k, v) in &self.args {
            s.push(MARK);
            s.push_str(k);
            s.push(EQ);
            s.push_str(v);
        }
        s
    }

    /// The message encoded in `s` by [`Message::encoded`], if it is one.
    pub fn decode(s: &str) -> Option<Message> {
        let mut parts = s.strip_prefix(MARK)?.split(MARK);
        let id = MessageId::from_ftl(parts.next()?)?;
        let args = parts
            .filter_map(|p| p.split_once(EQ))
            .map(|(k, v)| (Cow::Owned(k.to_owned()), v.to_owned()))
            .collect();
        Some(Message { id, args })
    }

    /// Text from a part of the program that may carry an encoded message:
    /// the message in the language of this process, or the text itself.
    pub fn display_text(s: &str) -> String {
        Message::decode(s).map_or_else(|| s.to_owned(), |m| m.to_string())
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self
            .args
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_str()))
            .collect();
        let body = if self.id == MessageId::Limit {
            let (vi, en) = limit_wording(self.arg("what"), self.arg("limit"), self.arg("found"));
            if lang == Lang::En {
                en
            } else {
                vi
            }
        } else {
            i18n::tr(lang, self.id.ftl(), &args)
        };
        let at = self.arg("at");
        if at.is_empty() || self.id == MessageId::AtPrefix {
            body
        } else {
            format!(
                "{} {body}",
                i18n::tr(lang, MessageId::AtPrefix.ftl(), &[("at", at)])
            )
        }
    }

    /// The message in English.
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }
}

/// The wording of [`MessageId::Limit`] in Vietnamese and in English (its
/// arguments name the limit, so its text is built here rather than in the
/// catalogue).
fn limit_wording(what: &str, limit: &str, found: &str) -> (String, String) {
    let (vi, en) = match what {
        "markup-depth" => (
            format!("chú thích (`^[…]`) lồng nhau quá sâu: {found} lớp, tối đa {limit}"),
            format!("footnotes nested {found} deep; at most {limit}"),
        ),
        "text-size" => (
            format!("văn bản quá lớn sau khi mở rộng (bí danh YAML, biến, mẫu): {found} byte, tối đa {limit}"),
            format!("the document expands (YAML aliases, variables, templates) to {found} bytes; at most {limit}"),
        ),
        "template-output" => (
            format!("các mẫu `{{{{ … }}}}` của văn bản sinh ra quá nhiều chữ: hơn {limit} byte"),
            format!("the templates of the document produce more than {limit} bytes"),
        ),
        "text-length" => (
            format!("đoạn văn quá dài: {found} ký tự, tối đa {limit}; hãy chia thành nhiều đoạn"),
            format!("a text of {found} characters; at most {limit}: split it into paragraphs"),
        ),
        "image-pixels" => (
            format!("ảnh quá lớn: {found} điểm ảnh, tối đa {limit}"),
            format!("the image has {found} pixels; at most {limit}"),
        ),
        "cited-documents" => (
            format!("văn bản trích dẫn quá nhiều văn bản khác (tính cả trích dẫn lồng nhau): hơn {limit}"),
            format!("more than {limit} cited documents (counting citations of citations)"),
        ),
        "file-type" => (
            format!("`{found}` không phải là tệp thông thường (thư mục, thiết bị, FIFO…)"),
            format!("`{found}` is not a regular file"),
        ),
        "file-size" => (
            format!("tệp `{found}` lớn hơn {limit} byte"),
            format!("the file `{found}` is larger than {limit} bytes"),
        ),
        _ => (format!("vượt giới hạn {what}"), format!("beyond the limit {what}")),
    };
    (vi, en)
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(i18n::current()))
    }
}

/// `did you mean` for an unknown key among the expected ones, taken from a
/// serde message (`unknown field `x`, expected one of `a`, `b``).
pub fn suggestion(message: &str) -> Option<Message> {
    let at = message
        .find("unknown field `")
        .or_else(|| message.find("unknown variant `"))?;
    let rest = message[at..].split_once('`')?.1;
    let (got, expected) = rest.split_once('`')?;
    let best = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|k| (strsim::jaro_winkler(got, k), k))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(Message::new(
        MessageId::DidYouMean,
        &[("key", best.1.to_owned())],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key() {
        let m = "unknown field `trich_yue`, expected one of `loai`, `trich_yeu`, `so`";
        assert_eq!(
            suggestion(m).unwrap().english(),
            "did you mean `trich_yeu`?"
        );
        assert!(suggestion("unknown field `zzz`, expected `loai`").is_none());
    }

    #[test]
    fn messages_survive_a_serde_error() {
        let m = Message::new(MessageId::DateInvalid, &[("value", "hôm nay".into())]);
        let back = Message::decode(&m.encoded()).unwrap();
        assert_eq!(back, m);
        assert!(Message::decode("plain text").is_none());
    }
}
