//! A reader for TimeML 1.2.1 documents (TimeBank, AQUAINT, TempEval-3): the document creation
//! time, the raw text of `<TEXT>` with every tag stripped and entities decoded, and the gold
//! TIMEX3 annotations as byte spans into that raw text.

use std::path::Path;

use chrono::NaiveDate;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use types::Span;

use crate::EvalError;

/// One gold TIMEX3 inside `<TEXT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub span: Span,
    pub tid: String,
    pub kind: String,
    pub value: String,
}

/// One TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    pub id: String,
    /// The document creation time (the date part of the DCT's `value`).
    pub dct: Option<NaiveDate>,
    /// The raw text of `<TEXT>`, tags stripped and entities decoded.
    pub text: String,
    pub timexes: Vec<GoldTimex>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Outside,
    DocId,
    Dct,
    Text,
}

/// Parses one TimeML document; `path` only names it in errors.
pub fn parse(path: &Path, xml: &str) -> Result<TimemlDoc, EvalError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut doc = TimemlDoc { id: String::new(), dct: None, text: String::new(), timexes: vec![] };
    let mut zone = Zone::Outside;
    let mut open: Option<(usize, GoldTimex)> = None;
    let bad = |e: &dyn std::fmt::Display| EvalError::format(path, e.to_string());
    loop {
        let ev = reader.read_event().map_err(|e| bad(&e))?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                "DOCID" => zone = Zone::DocId,
                "DCT" => zone = Zone::Dct,
                "TEXT" => zone = Zone::Text,
                "TIMEX3" if zone == Zone::Text => {
                    let (tid, kind, value) = timex_attributes(&e, path)?;
                    let gold = GoldTimex { span: Span::default(), tid, kind, value };
                    open = Some((doc.text.len(), gold));
                }
                "TIMEX3" if zone == Zone::Dct => {
                    let (_, _, value) = timex_attributes(&e, path)?;
                    doc.dct = value.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
                }
                _ => {}
            },
            Event::Empty(e) if zone == Zone::Dct && e.name().as_ref() == "TIMEX3" => {
                let (_, _, value) = timex_attributes(&e, path)?;
                doc.dct = value.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
            }
            Event::End(e) => match e.name().as_ref() {
                "DOCID" | "DCT" | "TEXT" => zone = Zone::Outside,
                "TIMEX3" if zone == Zone::Text => {
                    if let Some((start, mut gold)) = open.take() {
                        gold.span = Span::new(start, doc.text.len());
                        doc.timexes.push(gold);
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                let s = t.xml10_content();
                match zone {
                    Zone::Text => doc.text.push_str(&s),
                    Zone::DocId => doc.id.push_str(s.trim()),
                    _ => {}
                }
            }
            Event::CData(t) if zone == Zone::Text => {
                let s = t.xml10_content();
                doc.text.push_str(&s);
            }
            Event::GeneralRef(r) if zone == Zone::Text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    doc.text.push(c);
                } else {
                    let name = r.xml10_content();
                    match name.as_ref() {
                        "amp" => doc.text.push('&'),
                        "lt" => doc.text.push('<'),
                        "gt" => doc.text.push('>'),
                        "quot" => doc.text.push('"'),
                        "apos" => doc.text.push('\''),
                        other => {
                            doc.text.push('&');
                            doc.text.push_str(other);
                            doc.text.push(';');
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if doc.id.is_empty() {
        doc.id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    }
    Ok(doc)
}

fn timex_attributes(e: &BytesStart, path: &Path) -> Result<(String, String, String), EvalError> {
    let (mut tid, mut kind, mut value) = (String::new(), String::new(), String::new());
    for a in e.attributes() {
        let a = a.map_err(|err| EvalError::format(path, err.to_string()))?;
        let v = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| EvalError::format(path, err.to_string()))?;
        match a.key.as_ref() {
            "tid" => tid = v.into_owned(),
            "type" => kind = v.into_owned(),
            "value" => value = v.into_owned(),
            _ => {}
        }
    }
    Ok((tid, kind, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_maps_offsets() {
        let xml = r#"<?xml version="1.0" ?>
<TimeML><DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> it's <TIMEX3 tid="t2" type="DURATION" value="P1W">week</TIMEX3>.
</TEXT></TimeML>"#;
        let doc = parse(Path::new("d1.tml"), xml).expect("parses");
        assert_eq!(doc.id, "d1");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(doc.text, "\nAT&T said yesterday it's week.\n");
        let spans: Vec<&str> =
            doc.timexes.iter().map(|t| &doc.text[t.span.start..t.span.end]).collect();
        assert_eq!(spans, ["yesterday", "week"]);
        assert_eq!(doc.timexes[1].kind, "DURATION");
        assert_eq!(doc.timexes[1].value, "P1W");
    }

    #[test]
    fn malformed_xml_is_an_error_not_a_panic() {
        assert!(parse(Path::new("x.tml"), "<TimeML><TEXT><TIMEX3 tid=></TEXT>").is_err());
    }
}
