//! Vietnamese dates as NĐ30 writes them, including drafts with blanks.
//!
//! The long form pads days below 10 and months 1 and 2 with a zero
//! (`ngày 05 tháng 02 năm 2021`, `ngày 10 tháng 3 năm 2021`): a digit added
//! in front of them would forge another valid date, while months 3–12 are safe.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::diag::{Message, MessageId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date whose day, or day and month, may still be blank (a draft).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ngay {
    /// Year, always known.
    pub nam: i32,
    /// Month 1–12, blank in a draft.
    pub thang: Option<u32>,
    /// Day of month, blank in a draft.
    pub ngay: Option<u32>,
}

/// Blank placeholder printed for an unknown day or month in a draft: no-break
/// spaces, which (unlike plain spaces) do not collapse into one.
pub const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

impl Ngay {
    /// A complete date.
    pub fn from_date(d: NaiveDate) -> Self {
        Self {
            nam: d.year(),
            thang: Some(d.month()),
            ngay: Some(d.day()),
        }
    }

    /// The complete date, if no part is blank.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.nam, self.thang?, self.ngay?)
    }

    /// Parses `2023-10-02`, `02/10/2023`, `2/10/2023`, and the drafts
    /// `2023-10`, `10/2023`, `2023`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let bad = || Message::new(MessageId::DateInvalid, &[("value", s.to_owned())]).encoded();
        let num = |p: &str| -> Result<i64, String> {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                Err(bad())
            } else {
                p.parse::<i64>().map_err(|_| bad())
            }
        };
        let (y, m, d) = if s.contains('-') {
            let parts: Vec<&str> = s.split('-').collect();
            if parts[0].len() != 4 {
                return Err(bad());
            }
            match parts.as_slice() {
                [y, m, d] => (num(y)?, Some(num(m)?), Some(num(d)?)),
                [y, m] => (num(y)?, Some(num(m)?), None),
                _ => return Err(bad()),
            }
        } else if s.contains('/') {
            let parts: Vec<&str> = s.split('/').collect();
            match parts.as_slice() {
                [d, m, y] if y.len() == 4 => (num(y)?, Some(num(m)?), Some(num(d)?)),
                [m, y] if y.len() == 4 => (num(y)?, Some(num(m)?), None),
                _ => return Err(bad()),
            }
        } else if s.len() == 4 {
            (num(s)?, None, None)
        } else {
            return Err(bad());
        };
        let ngay = Ngay {
            nam: y as i32,
            thang: m.map(|m| m as u32),
            ngay: d.map(|d| d as u32),
        };
        if let Some(m) = ngay.thang {
            if !(1..=12).contains(&m) {
                return Err(Message::new(
                    MessageId::DateNoMonth,
                    &[("value", s.to_owned()), ("month", m.to_string())],
                )
                .encoded());
            }
        }
        if ngay.ngay.is_some() && ngay.date().is_none() {
            return Err(Message::new(
                MessageId::DateNoDay,
                &[
                    ("value", s.to_owned()),
                    ("day", ngay.ngay.unwrap_or(0).to_string()),
                    ("month", ngay.thang.unwrap_or(0).to_string()),
                    ("year", ngay.nam.to_string()),
                ],
            )
            .encoded());
        }
        Ok(ngay)
    }

    /// `ngày 05 tháng 02 năm 2021`; blanks stay blank.
    pub fn dai(&self) -> String {
        format!(
            "ngày {} tháng {} năm {}",
            self.ngay.map(pad_day).unwrap_or_else(|| BLANK.into()),
            self.thang.map(pad_month).unwrap_or_else(|| BLANK.into()),
            self.nam
        )
    }

    /// `29/9/2023` as the seeds write dates inline; `…/10/2023` with blanks.
    pub fn ngan(&self) -> String {
        format!(
            "{}/{}/{}",
            self.ngay.map(pad_day).unwrap_or_else(|| "...".into()),
            self.thang
                .map(|m| m.to_string())
                .unwrap_or_else(|| "...".into()),
            self.nam
        )
    }

    /// `02/10/2023`: both day and month on two digits.
    pub fn ngan_du(&self) -> String {
        format!(
            "{}/{}/{}",
            self.ngay
                .map(|d| format!("{d:02}"))
                .unwrap_or_else(|| "...".into()),
            self.thang
                .map(|m| format!("{m:02}"))
                .unwrap_or_else(|| "...".into()),
            self.nam
        )
    }

    /// Shifted by whole years, 29 February becoming 28 February.
    pub fn cong_nam(&self, years: i32) -> Self {
        let nam = self.nam + years;
        let mut out = Self { nam, ..*self };
        if let (Some(m), Some(d)) = (self.thang, self.ngay) {
            if NaiveDate::from_ymd_opt(nam, m, d).is_none() {
                out.ngay = Some(d - 1);
            }
        }
        out
    }
}

/// Day as NĐ30 writes it: below 10 with a leading zero.
pub fn pad_day(d: u32) -> String {
    format!("{d:02}")
}

/// Month as NĐ30 writes it: 01 and 02 padded, 3–12 not.
pub fn pad_month(m: u32) -> String {
    if m < 3 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

/// `thứ Hai` … `Chủ nhật`.
pub fn thu(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "thứ Hai",
        Weekday::Tue => "thứ Ba",
        Weekday::Wed => "thứ Tư",
        Weekday::Thu => "thứ Năm",
        Weekday::Fri => "thứ Sáu",
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// A written weekday: `thứ Hai` … `thứ Bảy`, `Chủ nhật` in any letter case,
/// `thứ 2` … `thứ 7`, or `CN`.
pub const THU_PATTERN: &str = r"(?:(?i:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)|\bCN\b)";

/// The weekday of a written `thứ …` (see [`THU_PATTERN`]).
pub fn parse_thu(s: &str) -> Option<Weekday> {
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    Some(match w.as_slice() {
        ["cn"] | ["chủ", "nhật"] => Weekday::Sun,
        ["thứ", "hai" | "2"] => Weekday::Mon,
        ["thứ", "ba" | "3"] => Weekday::Tue,
        ["thứ", "tư" | "4"] => Weekday::Wed,
        ["thứ", "năm" | "5"] => Weekday::Thu,
        ["thứ", "sáu" | "6"] => Weekday::Fri,
        ["thứ", "bảy" | "7"] => Weekday::Sat,
        _ => return None,
    })
}

/// The weekday of `d` written the way `like` writes one: in digits
/// (`thứ 6`, `CN`) or words, in capitals, with a capital first letter or
/// as NĐ30 writes it (`thứ Sáu`, `Chủ nhật`).
pub fn thu_nhu(like: &str, d: NaiveDate) -> String {
    let like = like.split_whitespace().collect::<Vec<_>>().join(" ");
    if like == "CN" || like.chars().any(|c| c.is_ascii_digit()) {
        let word = match d.weekday() {
            Weekday::Sun => "CN".to_owned(),
            w => format!("thứ {}", w.number_from_sunday()),
        };
        return if like.starts_with("Thứ") || like.starts_with("THỨ") {
            capitalised(&word, like.starts_with("THỨ"))
        } else {
            word
        };
    }
    let word = thu(d);
    let canonical = parse_thu(&like)
        .and_then(|w| NaiveDate::from_isoywd_opt(2024, 1, w))
        .map(thu);
    let letters: Vec<char> = like.chars().filter(|c| c.is_alphabetic()).collect();
    if canonical == Some(like.as_str()) {
        word.to_owned()
    } else if letters.iter().all(|c| c.is_lowercase()) {
        word.to_lowercase()
    } else if letters.iter().all(|c| c.is_uppercase()) {
        word.to_uppercase()
    } else {
        capitalised(word, false)
    }
}

/// `word` with a capital first letter, or all in capitals.
fn capitalised(word: &str, all: bool) -> String {
    if all {
        return word.to_uppercase();
    }
    let mut cs = word.chars();
    cs.next()
        .map(|f| f.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// A weekday written next to a date it does not match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongWeekday {
    /// 1-based line of the weekday.
    pub line: usize,
    /// 1-based column (characters) of the weekday.
    pub column: usize,
    /// The weekday as written.
    pub written: String,
    /// The date next to it, as written.
    pub date_text: String,
    /// The date's real weekday.
    pub expected: &'static str,
}

/// Every weekday in `text` next to a date it does not match: `thứ Sáu,
/// ngày 31/5/2026`, `ngày 06/10/2023 (thứ Sáu)`, `thứ Hai, ngày 02 tháng 10
/// năm 2023`. A date without its year (`thứ Hai, 02/10`) takes `year`.
pub fn wrong_weekdays(text: &str, year: Option<i32>) -> Vec<WrongWeekday> {
    use std::sync::LazyLock;
    const DATE: &str = r"(?:(\d{1,2})/(\d{1,2})(?:/(\d{4}))?|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm[\s*_]*(\d{4}))?)";
    static THU: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(THU_PATTERN).expect("regex"));
    static AFTER: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&format!(r"^[\s,*_]*\(?\s*(?i:ngày\s+)?{DATE}")).expect("regex")
    });
    static BEFORE: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(&format!(r"{DATE}[\s*_]*[(,]\s*$")).expect("regex"));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for w in THU.find_iter(line) {
            let Some(written) = parse_thu(w.as_str()) else {
                continue;
            };
            let caps = AFTER
                .captures(&line[w.end()..])
                .or_else(|| BEFORE.captures(&line[..w.start()]));
            let Some(c) = caps else { continue };
            let n = |k: usize| c.get(k).and_then(|m| m.as_str().parse::<i64>().ok());
            let (d, m, y) = match (n(1), n(2), n(4), n(5)) {
                (Some(d), Some(m), _, _) => (d, m, n(3)),
                (_, _, Some(d), Some(m)) => (d, m, n(6)),
                _ => continue,
            };
            let Some(y) = y.or(year.map(i64::from)) else {
                continue;
            };
            let Some(date) = NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32) else {
                continue;
            };
            if date.weekday() != written {
                let whole = c.get(0).map_or("", |m| m.as_str());
                let date_text = whole
                    .trim_matches(|ch: char| ch.is_whitespace() || "*_,()".contains(ch))
                    .to_owned();
                out.push(WrongWeekday {
                    line: i + 1,
                    column: line[..w.start()].chars().count() + 1,
                    written: w.as_str().to_owned(),
                    date_text,
                    expected: thu(date),
                });
            }
        }
    }
    out
}

/// `từ ngày 01/10 đến ngày 07/10/2023`; the year is written once when both
/// ends share it.
pub fn khoang(a: NaiveDate, b: NaiveDate) -> String {
    let (fa, fb) = (Ngay::from_date(a), Ngay::from_date(b));
    if a.year() == b.year() {
        format!(
            "từ ngày {}/{} đến ngày {}",
            pad_day(a.day()),
            pad_2(a.month()),
            fb.ngan_du()
        )
    } else {
        format!("từ ngày {} đến ngày {}", fa.ngan_du(), fb.ngan_du())
    }
}

fn pad_2(n: u32) -> String {
    format!("{n:02}")
}

impl fmt::Display for Ngay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.thang, self.ngay) {
            (Some(m), Some(d)) => write!(f, "{:04}-{m:02}-{d:02}", self.nam),
            (Some(m), None) => write!(f, "{:04}-{m:02}", self.nam),
            _ => write!(f, "{:04}", self.nam),
        }
    }
}

impl Serialize for Ngay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Ngay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Ngay;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as `2023-10-02` or `02/10/2023`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Ngay, E> {
                Ngay::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Ngay, E> {
                Ngay::parse(&v.to_string()).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn long(s: &str, want: &str) {
        assert_eq!(Ngay::parse(s).unwrap().dai(), want);
    }

    #[test]
    fn long_form_pads_day_and_months_1_2_only() {
        long("2021-01-01", "ngày 01 tháng 01 năm 2021");
        long("2021-02-05", "ngày 05 tháng 02 năm 2021");
        long("2021-03-09", "ngày 09 tháng 3 năm 2021");
        long("2021-03-10", "ngày 10 tháng 3 năm 2021");
        long("2023-10-10", "ngày 10 tháng 10 năm 2023");
        long("2023-12-31", "ngày 31 tháng 12 năm 2023");
        long("02/10/2023", "ngày 02 tháng 10 năm 2023");
        long("2/10/2023", "ngày 02 tháng 10 năm 2023");
    }

    #[test]
    fn drafts_leave_blanks() {
        let b = BLANK;
        long("2023-10", &format!("ngày {b} tháng 10 năm 2023"));
        long("10/2023", &format!("ngày {b} tháng 10 năm 2023"));
        long("2022", &format!("ngày {b} tháng {b} năm 2022"));
        assert_eq!(b.chars().filter(|c| *c == '\u{a0}').count(), 5);
        assert_eq!(Ngay::parse("2023-10").unwrap().ngan(), ".../10/2023");
    }

    #[test]
    fn short_forms() {
        let d = Ngay::parse("2023-09-29").unwrap();
        assert_eq!(d.ngan(), "29/9/2023");
        assert_eq!(Ngay::parse("2023-10-02").unwrap().ngan(), "02/10/2023");
        assert_eq!(d.ngan_du(), "29/09/2023");
    }

    #[test]
    fn impossible_and_malformed_dates_are_errors() {
        let english = |s: &str| {
            Message::decode(&Ngay::parse(s).unwrap_err())
                .unwrap()
                .english()
        };
        assert!(english("2023-02-30").contains("does not exist"));
        assert!(english("2023-13-01").contains("month 13"));
        assert!(Ngay::parse("2023-2-29").is_err());
        assert!(Ngay::parse("2024-02-29").is_ok());
        assert!(english("hôm nay").contains("is not a date"));
        assert!(Ngay::parse("23-10-02").is_err());
    }

    #[test]
    fn weekdays_and_ranges() {
        let d = NaiveDate::from_ymd_opt(2023, 10, 2).unwrap();
        assert_eq!(thu(d), "thứ Hai");
        assert_eq!(
            thu(NaiveDate::from_ymd_opt(2023, 10, 8).unwrap()),
            "Chủ nhật"
        );
        let e = NaiveDate::from_ymd_opt(2023, 10, 7).unwrap();
        assert_eq!(
            khoang(NaiveDate::from_ymd_opt(2023, 10, 1).unwrap(), e),
            "từ ngày 01/10 đến ngày 07/10/2023"
        );
        let n = NaiveDate::from_ymd_opt(2024, 1, 3).unwrap();
        assert_eq!(
            khoang(NaiveDate::from_ymd_opt(2023, 12, 28).unwrap(), n),
            "từ ngày 28/12/2023 đến ngày 03/01/2024"
        );
    }

    #[test]
    fn year_shift_handles_29_february() {
        let d = Ngay::parse("2024-02-29").unwrap().cong_nam(1);
        assert_eq!(d.to_string(), "2025-02-28");
        let d = Ngay::parse("2023-10").unwrap().cong_nam(1);
        assert_eq!(d.to_string(), "2024-10");
    }

    #[test]
    fn written_weekdays_read_and_rewritten_in_their_style() {
        let sun = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
        let fri = NaiveDate::from_ymd_opt(2025, 5, 30).unwrap();
        assert_eq!(parse_thu("thứ Sáu"), Some(Weekday::Fri));
        assert_eq!(parse_thu("THỨ  SÁU"), Some(Weekday::Fri));
        assert_eq!(parse_thu("Thứ 6"), Some(Weekday::Fri));
        assert_eq!(parse_thu("Chủ nhật"), Some(Weekday::Sun));
        assert_eq!(parse_thu("thứ Tám"), None);
        assert_eq!(thu_nhu("thứ Sáu", sun), "Chủ nhật");
        assert_eq!(thu_nhu("Thứ Sáu", fri), "Thứ Sáu");
        assert_eq!(thu_nhu("THỨ HAI", sun), "CHỦ NHẬT");
        assert_eq!(thu_nhu("thứ 2", fri), "thứ 6");
        assert_eq!(thu_nhu("thứ 2", sun), "CN");
        assert_eq!(thu_nhu("Chủ nhật", fri), "thứ Sáu");
        assert_eq!(thu_nhu("Thứ Sáu", sun), "Chủ nhật");
        assert_eq!(thu_nhu("thứ sáu", sun), "chủ nhật");
        let re = regex::Regex::new(THU_PATTERN).unwrap();
        for s in ["thứ Hai", "Thứ Bảy", "CHỦ NHẬT", "thứ 7", "CN"] {
            assert!(re.is_match(s), "{s}");
        }
        assert!(!re.is_match("thứ tám"));
    }

    #[test]
    fn weekdays_that_do_not_match_their_date() {
        let text = "a: *thứ Sáu, ngày 31/5/2026*\nb: ngày 06/10/2023 (thứ Sáu), Thứ Hai, ngày 02/10\nc: thứ Hai, ngày 02 tháng 10 năm 2023; thứ Ba 03/10\n";
        let w = wrong_weekdays(text, Some(2024));
        let got: Vec<_> = w
            .iter()
            .map(|w| (w.line, w.column, w.written.as_str(), w.expected))
            .collect();
        assert_eq!(
            got,
            [
                (1, 5, "thứ Sáu", "Chủ nhật"),
                (2, 31, "Thứ Hai", "thứ Tư"),
                (3, 40, "thứ Ba", "thứ Năm")
            ]
        );
        assert_eq!(w[0].date_text, "ngày 31/5/2026");
        assert!(wrong_weekdays(text, None).len() == 1);
    }
}
