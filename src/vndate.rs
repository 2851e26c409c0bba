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
}
