//! Digital signatures as NĐ30 (Điều 5, Phụ lục I) asks for them.
//!
//! - [`fields`]: sign-ready PDFs (`vanban build --ky-so`): two empty
//!   signature fields at the places the layout gives the signer's image
//!   (ô 7c) and the seal (ô 8), read from `<vanban-ky-so>` metadata.
//! - [`keys`]: the signing key and certificates (PKCS#12 file).
//! - [`pades`]: PAdES signing (CMS detached, `ETSI.CAdES.detached`) as an
//!   incremental update, with the visible appearance of Phụ lục I.
//! - [`verify`]: `vanban xac-minh`, checking each signature.

pub mod appearance;
pub mod copy;
pub mod fields;
pub mod keys;
pub mod pades;
pub mod pdf;
pub mod text_block;
pub mod token;
pub mod usage;
pub mod verify;

/// The two signatures an electronic document carries (NĐ30 Điều 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The person with authority who signs (ô 7c): the signature image.
    NguoiKy,
    /// The issuing organisation (ô 8): the seal image, or for an attached
    /// file the text block at the top right of page 1.
    CoQuan,
}

impl Role {
    /// The field name in the PDF (`/T`).
    pub fn field_name(self) -> &'static str {
        match self {
            Role::NguoiKy => "nguoi-ky",
            Role::CoQuan => "co-quan",
        }
    }

    /// The role a field name stands for.
    pub fn from_field_name(name: &str) -> Option<Role> {
        match name {
            "nguoi-ky" => Some(Role::NguoiKy),
            "co-quan" => Some(Role::CoQuan),
            _ => None,
        }
    }

    /// The field's description (`/TU`), shown by PDF readers.
    pub fn description(self) -> &'static str {
        match self {
            Role::NguoiKy => "Chữ ký số của người có thẩm quyền",
            Role::CoQuan => "Chữ ký số của cơ quan, tổ chức ban hành",
        }
    }
}

/// The signing time: now, in Việt Nam's time zone (UTC+07:00), as NĐ30
/// writes it.
pub fn now_vietnam() -> chrono::DateTime<chrono::FixedOffset> {
    let tz = chrono::FixedOffset::east_opt(7 * 3600).expect("valid offset");
    chrono::Utc::now().with_timezone(&tz)
}
