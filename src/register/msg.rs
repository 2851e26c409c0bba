//! The register's messages to the văn thư, in Vietnamese, in one place so
//! that they can move into the message catalogue (issue 17).

use std::path::Path;

/// The document already carries a number.
pub fn already_numbered(so_ky_hieu: &str) -> String {
    format!("văn bản đã có số {so_ky_hieu}; không cấp số lần nữa")
}

/// Help for [`already_numbered`].
pub const ALREADY_NUMBERED_HELP: &str =
    "số đã cấp không được cấp lại; nếu văn bản bị thu hồi, ghi nhận bằng `vanban thu-hoi`, \
     rồi xoá dòng `so:` để cấp số mới";

/// The register holds an issued number for this file although the YAML
/// has none (the number was erased from the file).
pub fn registered_elsewhere(so_ky_hieu: &str, ngay: &str) -> String {
    format!(
        "sổ đăng ký đã cấp số {so_ky_hieu} ngày {ngay} cho tệp này; không cấp số lần nữa \
         (ghi lại `so:` và `ngay:` như trong sổ, hoặc thu hồi số đó bằng `vanban thu-hoi`)"
    )
}

/// No issuing body to number for.
pub const NO_ISSUER: &str =
    "thiếu `co_quan` (cơ quan ban hành): mỗi cơ quan có một dãy số riêng, không cấp số được";

/// A blank form with a literal date line cannot be numbered.
pub const DONG_NGAY: &str =
    "văn bản dùng `dong_ngay` (dòng ngày viết sẵn của mẫu); xoá dòng này để cấp số và ghi ngày";

/// The edit could not be written into the YAML in a form that reads back.
pub fn edit_failed(key: &str) -> String {
    format!(
        "không ghi được `{key}` vào tệp (tệp viết theo kiểu YAML khác thường); \
         hãy viết mỗi khoá một dòng, ví dụ `so:` và `ngay:` ở đầu dòng"
    )
}

/// The register file could not be opened or updated.
pub fn database(path: &Path, e: impl std::fmt::Display) -> String {
    format!("sổ đăng ký {}: {e}", path.display())
}

/// The file has no number in the register (withdrawal).
pub fn not_registered(path: &Path) -> String {
    format!(
        "{}: sổ đăng ký chưa cấp số nào cho tệp này (chưa `vanban cap-so`)",
        path.display()
    )
}

/// The register file does not exist.
pub fn no_register(path: &Path) -> String {
    format!(
        "chưa có sổ đăng ký {} (sổ được tạo khi cấp số đầu tiên bằng `vanban cap-so`)",
        path.display()
    )
}

/// A number was issued.
pub fn issued(path: &Path, so_ky_hieu: &str, ngay: &str, secret: bool) -> String {
    format!(
        "{}: đã cấp số {so_ky_hieu} ngày {ngay}{}",
        path.display(),
        if secret {
            " (sổ văn bản mật)"
        } else {
            ""
        }
    )
}

/// A number was withdrawn.
pub fn withdrawn(path: &Path, so_ky_hieu: &str) -> String {
    format!(
        "{}: đã ghi thu hồi số {so_ky_hieu}; số này không được cấp lại",
        path.display()
    )
}

/// The number is already withdrawn.
pub fn already_withdrawn(path: &Path, so_ky_hieu: &str) -> String {
    format!(
        "{}: số {so_ky_hieu} đã được ghi thu hồi trước đó",
        path.display()
    )
}

/// The note written into Ghi chú on withdrawal.
pub fn withdrawal_note(ngay: &str, reason: Option<&str>) -> String {
    match reason {
        Some(r) if !r.trim().is_empty() => format!("Thu hồi ngày {ngay}: {}", r.trim()),
        _ => format!("Thu hồi ngày {ngay}"),
    }
}

/// Number and date in the YAML disagree with the register.
pub fn disagrees(key: &str, in_file: &str, in_register: &str) -> String {
    format!("`{key}` trong tệp là {in_file}, sổ đăng ký ghi {in_register}")
}

/// Help for [`disagrees`].
pub const DISAGREES_HELP: &str =
    "sổ đăng ký là bản ghi chính thức: sửa tệp cho khớp với sổ, hoặc thu hồi số (`vanban thu-hoi`)";

/// Two documents of one series share a number.
pub fn duplicate(number: &str, issuer: &str, year: i32, others: &[String]) -> String {
    format!(
        "trùng số {number} trong dãy số của {issuer} năm {year} (dù ký hiệu khác): {}",
        others.join("; ")
    )
}

/// The register holds the number for another file.
pub fn taken_in_register(so_ky_hieu: &str, source: &str) -> String {
    format!("số {so_ky_hieu} trong sổ đăng ký (tệp {source})")
}

/// The register records the number as withdrawn.
pub fn withdrawn_in_register(so_ky_hieu: &str) -> String {
    format!("số {so_ky_hieu} đã thu hồi trong sổ đăng ký")
}

/// Gaps in a series of the register.
pub fn register_gaps(issuer: &str, year: i32, series: &str, missing: &str) -> String {
    format!("sổ {series}của {issuer} năm {year} thiếu số {missing} (không có trong sổ, cũng không ghi thu hồi)")
}

/// Gaps among the documents checked (no register for the series).
pub fn file_gap(missing: &str, before: &str) -> String {
    format!("thiếu số {missing} trước số này (số liền trước: {before})")
}

/// Help for [`file_gap`].
pub const FILE_GAP_HELP: &str =
    "mỗi cơ quan cấp số liên tục từ 01 mỗi năm (Điều 15 Nghị định 30/2020/NĐ-CP); \
     `vanban cap-so` cấp số không trùng, không bỏ sót";

/// The printed register needs one book.
pub fn one_book(books: &[String]) -> String {
    format!(
        "sổ in ra là một quyển: một cơ quan, một năm; chọn bằng `--year` và `--issuer` trong: {}",
        books.join("; ")
    )
}

/// Nothing matches the filters.
pub const EMPTY: &str = "không có văn bản nào trong sổ đăng ký khớp với lựa chọn";

/// Unknown export format.
pub fn unknown_format(path: &Path) -> String {
    format!(
        "{}: không biết ghi sổ ra dạng này; dùng đuôi .csv, .xlsx hoặc .pdf",
        path.display()
    )
}

/// A date option that is not a full date.
pub fn bad_date(s: &str) -> String {
    format!("`{s}` không phải ngày đầy đủ: viết `2026-10-02` hoặc `02/10/2026`")
}

/// Series names as printed.
pub const SERIES_ORDINARY: &str = "";
/// The secret series, as printed.
pub const SERIES_SECRET: &str = "văn bản mật ";

/// The register was written to a file.
pub fn exported(path: &Path, rows: usize) -> String {
    format!("{}: đã ghi {rows} dòng của sổ đăng ký", path.display())
}

/// Rows were imported.
pub fn imported(path: &Path, rows: usize, register: &Path) -> String {
    format!(
        "{}: đã nhập {rows} dòng vào sổ đăng ký {}",
        path.display(),
        register.display()
    )
}

/// Documents with errors about their numbers.
pub fn audit_summary(errors: usize) -> String {
    format!("{errors} lỗi về số văn bản (so với nhau hoặc với sổ đăng ký)")
}

/// A spreadsheet row that cannot be imported.
pub fn import_row(path: &Path, row: usize, what: &str) -> String {
    format!("{}: dòng {row}: {what}", path.display())
}

/// A column the import needs.
pub fn import_missing_column(path: &Path, column: &str) -> String {
    format!(
        "{}: thiếu cột `{column}` ở dòng tiêu đề (dòng 1); các cột như khi xuất bằng `vanban so-dang-ky -o so.xlsx`",
        path.display()
    )
}

/// Not a number.
pub fn import_bad_number(cell: &str) -> String {
    format!("`{cell}` không phải số văn bản (cột Số)")
}

/// Not a date.
pub fn import_bad_date(cell: &str) -> String {
    format!("`{cell}` không phải ngày đầy đủ (cột Ngày tháng văn bản; viết 02/10/2026)")
}

/// No issuer.
pub const IMPORT_NO_ISSUER: &str =
    "không có cơ quan ban hành (cột Cơ quan ban hành, hoặc `--issuer` khi nhập)";

/// Unreadable spreadsheet.
pub fn import_unreadable(path: &Path, e: impl std::fmt::Display) -> String {
    format!("{}: không đọc được bảng tính: {e}", path.display())
}

/// A mail-merge file exists already (it may carry a number).
pub fn merge_exists(path: &Path) -> String {
    format!(
        "{} đã có; không ghi đè (tệp có thể đã được cấp số): chọn thư mục khác bằng `-o`",
        path.display()
    )
}

/// A mail-merge data file with no rows.
pub fn merge_empty(path: &Path) -> String {
    format!(
        "{}: không có dòng dữ liệu nào dưới dòng tiêu đề",
        path.display()
    )
}

/// A column head that cannot be a variable name.
pub fn merge_bad_head(path: &Path, head: &str) -> String {
    format!(
        "{}: tiêu đề cột `{head}` không dùng làm tên biến được: chỉ chữ không dấu, số và `_`, ví dụ `ho_ten`",
        path.display()
    )
}

/// The mail merge wrote its documents.
pub fn merged(count: usize, dir: &Path) -> String {
    format!("đã trộn {count} văn bản vào {}", dir.display())
}
