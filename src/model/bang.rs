//! Tables (bảng): cells as texts or numbers, rows checked against the
//! number of columns where they are written.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// A table (bảng): header row bold and repeated on every page.
///
/// Cells are texts or numbers (`12`, `8.5` are printed as YAML reads
/// them). Every row must have as many cells as the header (`dau`), or as
/// `cot` has widths: a row that does not is an error at that row.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Bang {
    /// Relative column widths, e.g. `[1, 2, 5, 3, 1]`; equal if absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cot: Vec<f64>,
    /// Horizontal alignment per column: `trai` (left), `giua` (centre), `phai`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub can: Vec<CanLe>,
    /// Header cells (tiêu đề cột), bold.
    #[serde(default)]
    #[schemars(with = "Vec<ONhap>")]
    pub dau: Vec<String>,
    /// Rows (dòng) of cells; `\n` breaks a line inside a cell.
    #[serde(default)]
    #[schemars(with = "Vec<Vec<ONhap>>")]
    pub dong: Vec<Vec<String>>,
    /// Font size of the cells in pt (default 13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co_chu: Option<f64>,
}

/// What a table cell may hold in YAML (for the JSON Schema).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum ONhap {
    /// Text.
    Chu(String),
    /// A number, printed as YAML reads it.
    So(f64),
}

const BANG_FIELDS: &[&str] = &["cot", "can", "dau", "dong", "co_chu"];

/// One cell: a text, a number (kept as written by YAML) or empty (`~`).
struct O(String);

impl<'de> Deserialize<'de> for O {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = O;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a cell: a text or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<O, E> {
                Ok(O(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<O, E> {
                Ok(O(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<O, E> {
                Ok(O(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<O, E> {
                // `{:?}` keeps the decimal point of `2.0`.
                Ok(O(format!("{v:?}")))
            }
            fn visit_unit<E: de::Error>(self) -> Result<O, E> {
                Ok(O(String::new()))
            }
        }
        d.deserialize_any(V)
    }
}

fn cells(v: Vec<O>) -> Vec<String> {
    v.into_iter().map(|c| c.0).collect()
}

/// The rows of a table, each checked to have `want` cells (when known).
struct Rows {
    want: Option<(usize, &'static str)>,
}

impl<'de> de::DeserializeSeed<'de> for Rows {
    type Value = Vec<Vec<String>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Rows {
    type Value = Vec<Vec<String>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of rows, each a list of cells")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(row) = seq.next_element_seed(Row {
            want: self.want,
            n: out.len() + 1,
        })? {
            out.push(row);
        }
        Ok(out)
    }
}

/// One row; an error raised here is located by serde_yaml at the row.
struct Row {
    want: Option<(usize, &'static str)>,
    n: usize,
}

impl<'de> de::DeserializeSeed<'de> for Row {
    type Value = Vec<String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Row {
    type Value = Vec<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row: a list of cells")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(c) = seq.next_element::<O>()? {
            out.push(c.0);
        }
        match self.want {
            Some((want, from)) if out.len() != want => Err(de::Error::custom(row_message(
                self.n,
                out.len(),
                want,
                from,
            ))),
            _ => Ok(out),
        }
    }
}

fn row_message(n: usize, got: usize, want: usize, from: &str) -> String {
    crate::diag::Message::new(
        crate::diag::MessageId::RowCells,
        &[
            ("n", n.to_string()),
            ("got", got.to_string()),
            ("want", want.to_string()),
            ("from", from.to_owned()),
        ],
    )
    .encoded()
}

impl<'de> Deserialize<'de> for Bang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bang;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table: `dau` (header cells) and `dong` (rows)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Bang, A::Error> {
                let (mut cot, mut can, mut dau, mut dong, mut co_chu) =
                    (None, None, None, None::<Vec<Vec<String>>>, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "cot" => {
                            let w = map.next_value::<Vec<Positive>>()?;
                            cot = Some(w.into_iter().map(|p| p.0).collect::<Vec<f64>>());
                        }
                        "can" => can = Some(map.next_value::<Vec<CanLe>>()?),
                        "dau" => dau = Some(cells(map.next_value::<Vec<O>>()?)),
                        "co_chu" => co_chu = map.next_value::<Option<Positive>>()?.map(|p| p.0),
                        "dong" => {
                            // Rows written after `dau` or `cot` are checked
                            // one by one, so that the error points at the row.
                            let want = columns(dau.as_deref(), cot.as_deref());
                            dong = Some(map.next_value_seed(Rows { want })?);
                        }
                        other => return Err(de::Error::unknown_field(other, BANG_FIELDS)),
                    }
                }
                let (dau, dong) = (dau.unwrap_or_default(), dong.unwrap_or_default());
                let cot: Vec<f64> = cot.unwrap_or_default();
                if !dau.is_empty() && !cot.is_empty() && dau.len() != cot.len() {
                    return Err(de::Error::custom(format!(
                        "the table has {} header cells (`dau`) but {} column widths (`cot`)",
                        dau.len(),
                        cot.len()
                    )));
                }
                let can: Vec<CanLe> = can.unwrap_or_default();
                if let Some((want, from)) = columns(Some(&dau), Some(&cot)) {
                    if !can.is_empty() && can.len() != want {
                        return Err(de::Error::custom(format!(
                            "the table has {} alignments (`can`) for {want} columns (as many as `{from}`)",
                            can.len()
                        )));
                    }
                }
                // Rows written before `dau`/`cot`: checked here, less precisely.
                if let Some((want, from)) = columns(Some(&dau), Some(&cot)) {
                    if let Some((i, r)) = dong.iter().enumerate().find(|(_, r)| r.len() != want) {
                        return Err(de::Error::custom(row_message(i + 1, r.len(), want, from)));
                    }
                }
                Ok(Bang {
                    cot,
                    can,
                    dau,
                    dong,
                    co_chu,
                })
            }
        }
        d.deserialize_map(V)
    }
}

/// A number that must be finite and above zero (a width, a size): `.nan`,
/// `.inf`, `0` and negatives are refused where they are written.
struct Positive(f64);

impl<'de> Deserialize<'de> for Positive {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        if v.is_finite() && v > 0.0 {
            Ok(Positive(v))
        } else {
            Err(de::Error::custom(
                crate::diag::Message::new(
                    crate::diag::MessageId::NotPositive,
                    &[("value", v.to_string())],
                )
                .encoded(),
            ))
        }
    }
}

/// The number of columns a table declares, and where it comes from.
fn columns(dau: Option<&[String]>, cot: Option<&[f64]>) -> Option<(usize, &'static str)> {
    match (dau, cot) {
        (Some(h), _) if !h.is_empty() => Some((h.len(), "dau")),
        (_, Some(c)) if !c.is_empty() => Some((c.len(), "cot")),
        _ => None,
    }
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CanLe {
    /// Left.
    Trai,
    /// Centred.
    Giua,
    /// Right.
    Phai,
}

#[cfg(test)]
mod tests {
    use crate::model::{Khoi, VanBan};

    fn doc(yaml: &str) -> VanBan {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn table_cells_numbers_and_counts() {
        let d = doc("loai: ke_hoach\nnoi_dung:\n  - bang:\n      dau: [a, 2020]\n      dong: [[1, 2.5], [-3, ~]]\n");
        let Khoi::Bang(b) = &d.noi_dung[0] else {
            panic!()
        };
        assert_eq!(b.dau, ["a", "2020"]);
        assert_eq!(b.dong, [["1", "2.5"], ["-3", ""]]);
        // The message travels encoded in serde's error; read it in English,
        // keeping serde's location after it.
        let e = |y: &str| {
            let raw = serde_yaml::from_str::<VanBan>(y).unwrap_err().to_string();
            let (msg, place) = raw.split_once(" at line ").unwrap_or((&raw, ""));
            // serde_yaml puts the path (`noi_dung[0].bang.dong[1]: `) first.
            let at = msg.find('\u{1}').unwrap_or(0);
            let text =
                crate::diag::Message::decode(&msg[at..]).map_or(msg.to_owned(), |m| m.english());
            format!("{}{text} at line {place}", &msg[..at])
        };
        let m = e(
            "loai: ke_hoach\nnoi_dung:\n  - bang:\n      dau: [a, b]\n      dong: [[1, 2], [3]]\n",
        );
        assert!(
            m.contains("row 2 of the table has 1 cells, but the table has 2 columns"),
            "{m}"
        );
        assert!(m.contains("line 5 column 22"), "{m}");
        let m = e(
            "loai: ke_hoach\nnoi_dung:\n  - bang:\n      dong: [[1, 2], [3]]\n      cot: [1, 2]\n",
        );
        assert!(
            m.contains("row 2 of the table has 1 cells, but the table has 2 columns"),
            "{m}"
        );
        let m = e("loai: ke_hoach\nnoi_dung:\n  - bang:\n      can: [trai]\n      cot: [1, 2]\n");
        assert!(m.contains("1 alignments (`can`) for 2 columns"), "{m}");
    }
}
