//! Bytes -> text: UTF-8 (BOM dropped), UTF-16 LE/BE (by BOM, or by the pattern of zero bytes
//! when there is none), a charset an HTML page declares, and Windows-1252 for anything that is not
//! valid UTF-8. Never fails: the worst case is Windows-1252, which maps every byte.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decoded text and the encoding it was read as.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding used (`utf-8`, `utf-16le`, `windows-1252`, ...).
    pub encoding: &'static Encoding,
    /// True when the bytes were not what they claimed (e.g. invalid UTF-8 after a UTF-8 BOM).
    pub replaced: bool,
}

impl Decoded {
    /// The encoding's name for metadata, or `None` for plain UTF-8 (the normal case).
    pub fn note(&self) -> Option<String> {
        (self.encoding != UTF_8 || self.replaced).then(|| {
            format!(
                "{}{}",
                self.encoding.name().to_ascii_lowercase(),
                if self.replaced { " (with replacements)" } else { "" }
            )
        })
    }
}

/// The encoding a BOM announces, and the BOM's length.
pub fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// UTF-16 without a BOM, recognised by zero bytes in every other position (ASCII-range text).
pub fn bomless_utf16(head: &[u8]) -> Option<&'static Encoding> {
    let n = head.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let pairs = n / 2;
    let zeros_even = head[..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = head[1..n].iter().step_by(2).filter(|&&b| b == 0).count();
    if zeros_odd * 10 >= pairs * 7 && zeros_even * 50 <= pairs {
        Some(UTF_16LE)
    } else if zeros_even * 10 >= pairs * 7 && zeros_odd * 50 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes `bytes`. `declared` is an encoding the content itself names (an HTML `<meta
/// charset>`); it is used when the bytes are not valid UTF-8.
pub fn decode(bytes: Vec<u8>, declared: Option<&'static Encoding>) -> Decoded {
    if let Some((enc, len)) = bom(&bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[len..]);
        return Decoded { text: text.into_owned(), encoding: enc, replaced: had_errors };
    }
    if let Some(enc) = bomless_utf16(&bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes);
        return Decoded { text: text.into_owned(), encoding: enc, replaced: had_errors };
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded { text, encoding: UTF_8, replaced: false },
        Err(e) => {
            let bytes = e.into_bytes();
            let enc = match declared {
                Some(d) if d != UTF_8 && d != UTF_16LE && d != UTF_16BE => d,
                _ => WINDOWS_1252,
            };
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes);
            Decoded { text: text.into_owned(), encoding: enc, replaced: had_errors }
        }
    }
}

/// The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`).
pub fn xml_declared(head: &[u8]) -> Option<&'static Encoding> {
    let head = &head[..head.len().min(512)];
    let start = memchr::memmem::find(head, b"<?xml")?;
    let end = start + memchr::memmem::find(&head[start..], b"?>")?;
    let decl = &head[start..end];
    let at = memchr::memmem::find(decl, b"encoding")? + "encoding".len();
    let rest = &decl[at..];
    let open = rest.iter().position(|&b| b == b'"' || b == b'\'')?;
    let quote = rest[open];
    let value = &rest[open + 1..];
    let close = value.iter().position(|&b| b == quote)?;
    Encoding::for_label(&value[..close])
}

/// The charset an HTML page declares in its first bytes (`<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`).
pub fn html_declared(head: &[u8]) -> Option<&'static Encoding> {
    let head = &head[..head.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + p + "charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t') {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            return Some(enc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], declared: Option<&'static Encoding>, text: &str, note: Option<&str>) {
        let d = decode(bytes.to_vec(), declared);
        assert_eq!(d.text, text, "bytes {bytes:?}");
        assert_eq!(d.note().as_deref(), note, "bytes {bytes:?}");
    }

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn encodings() {
        check(b"Caf\xc3\xa9", None, "Café", None);
        check(b"\xef\xbb\xbfCaf\xc3\xa9", None, "Café", None);
        check(b"Caf\xe9 \x93quoted\x94", None, "Café \u{201c}quoted\u{201d}", Some("windows-1252"));
        check(b"Caf\xe9", Some(encoding_rs::ISO_8859_2), "Café", Some("iso-8859-2"));
        check(b"Caf\xe9", Some(UTF_8), "Café", Some("windows-1252"));
        check(&utf16("Zürich – news", true, true), None, "Zürich – news", Some("utf-16le"));
        check(&utf16("Zürich – news", false, true), None, "Zürich – news", Some("utf-16be"));
        check(
            &utf16("Plain ASCII text here", true, false),
            None,
            "Plain ASCII text here",
            Some("utf-16le"),
        );
        check(b"\xef\xbb\xbfbad \xff", None, "bad \u{fffd}", Some("utf-8 (with replacements)"));
        check(b"", None, "", None);
    }

    #[test]
    fn xml_declarations() {
        for (xml, expect) in [
            (&b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>"[..], Some("windows-1252")),
            (b"<?xml version='1.0' encoding='koi8-r'?><feed>", Some("KOI8-R")),
            (b"<?xml version=\"1.0\"?><rss>", None),
            (b"<rss encoding=\"x\">", None),
        ] {
            assert_eq!(xml_declared(xml).map(Encoding::name), expect);
        }
    }

    #[test]
    fn declared_charsets() {
        for (html, expect) in [
            (&b"<meta charset=\"windows-1252\">"[..], Some("windows-1252")),
            (
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">",
                Some("windows-1252"),
            ),
            (b"<meta charset='utf-8'>", Some("UTF-8")),
            (b"<meta charset=bogus><meta charset=koi8-r>", Some("KOI8-R")),
            (b"<p>no charset here</p>", None),
        ] {
            assert_eq!(html_declared(html).map(Encoding::name), expect);
        }
    }
}
