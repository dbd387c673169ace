//! What a file is, from its first bytes and its name: binary (refused, with what it looks like),
//! or one of the text formats this crate reads.

use crate::decode;

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    /// One JSON object per line (streamed).
    JsonLines,
    /// One JSON object, or an array of them (a `.json` file; read whole).
    Json,
    /// RSS 2.0 / RSS 1.0 (RDF) / Atom.
    Feed,
    /// XML that is not a feed: refused with a reason.
    OtherXml,
}

/// Known file signatures of formats that are not text.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/EPUB/ODT)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (DOC/XLS)"),
    (b"RIFF", "a RIFF file (audio/video/image)"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\xca\xfe\xba\xbe", "a Mach-O/Java class file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
];

/// Why `head` (a file's first bytes) is not text, or `None` when it may be.
pub fn binary(head: &[u8]) -> Option<String> {
    if decode::bom(head).is_some() || decode::bomless_utf16(head).is_some() {
        return None;
    }
    for (magic, what) in MAGIC {
        if head.starts_with(magic) {
            // `BZh` and `ID3` are also the starts of words: insist on the binary bytes that follow.
            let short = magic.len() <= 3 && magic.iter().all(u8::is_ascii_graphic);
            if short && !head.iter().take(64).any(|&b| b < 0x09 || (0x0e..0x20).contains(&b)) {
                continue;
            }
            return Some(format!("binary file ({what})"));
        }
    }
    if head.len() >= 4 && head[4..].starts_with(b"ftyp") {
        return Some("binary file (an MP4/MOV media file)".into());
    }
    if let Some(at) = memchr::memchr(0, head) {
        return Some(format!("binary file (NUL byte at offset {at})"));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if !head.is_empty() && control * 100 > head.len() * 2 {
        return Some(format!(
            "binary file ({control} control bytes in the first {} bytes)",
            head.len()
        ));
    }
    None
}

/// The format of a decoded start of file, with the file's extension as a tie-breaker.
pub fn format(head: &str, ext: Option<&str>) -> Format {
    let ext = ext.map(str::to_ascii_lowercase);
    let ext = ext.as_deref();
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if matches!(ext, Some("jsonl" | "ndjson" | "jsonlines")) {
        return Format::JsonLines;
    }
    if start.starts_with('{') || start.starts_with('[') {
        if ext == Some("json") {
            return Format::Json;
        }
        if start.starts_with('{') {
            // One object per line, unless the first object spans lines (pretty-printed).
            let mut lines = start.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or("");
            let second = lines.next();
            return if first.ends_with('}') || second.is_none_or(|l| l.starts_with('{')) {
                Format::JsonLines
            } else {
                Format::Json
            };
        }
    }
    if start.starts_with('<') {
        let lower: String = start.chars().take(4096).collect::<String>().to_ascii_lowercase();
        let feed = ["<rss", "<feed", "<rdf:rdf"].iter().filter_map(|t| find_tag(&lower, t)).min();
        let html = [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<meta",
            "<title",
            "<article",
            "<div",
            "<p>",
            "<p ",
            "<h1",
        ]
        .iter()
        .filter_map(|t| find_tag(&lower, t))
        .min();
        match (feed, html) {
            (Some(f), Some(h)) if f < h => return Format::Feed,
            (Some(_), None) => return Format::Feed,
            (_, Some(_)) => return Format::Html,
            (None, None) => {}
        }
        if lower.starts_with("<?xml") || matches!(ext, Some("xml" | "rss" | "atom")) {
            return Format::OtherXml;
        }
        if matches!(ext, Some("html" | "htm" | "xhtml")) || lower.starts_with("<!--") {
            return Format::Html;
        }
    }
    if matches!(ext, Some("html" | "htm" | "xhtml")) && start.contains("</") {
        return Format::Html;
    }
    Format::Text
}

/// Position of an opening tag `tag` (`<rss`) followed by a delimiter.
fn find_tag(lower: &str, tag: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = lower[from..].find(tag) {
        let at = from + p;
        let next = lower[at + tag.len()..].chars().next();
        if tag.ends_with([' ', '>'])
            || matches!(next, None | Some(' ' | '>' | '\n' | '\r' | '\t' | '/'))
        {
            return Some(at);
        }
        from = at + tag.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_files() {
        for (head, expect) in [
            (&b"%PDF-1.7\n%\xe2\xe3"[..], Some("PDF")),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("PNG")),
            (b"\x1f\x8b\x08\x00\x00\x00", Some("gzip")),
            (b"PK\x03\x04\x14\x00", Some("ZIP")),
            (b"hello\0world", Some("NUL byte at offset 5")),
            (b"\x01\x02\x03\x04 abc \x05\x06\x07\x08", Some("control bytes")),
            (b"BZh is how a word may start", None),
            (b"ID3 tags are metadata; this is text", None),
            (b"Plain text\r\nwith CRLF\tand tabs\x0c", None),
            (b"\xff\xfeH\0i\0", None),
            (b"Caf\xe9", None),
        ] {
            let got = binary(head);
            match expect {
                Some(word) => {
                    assert!(got.as_deref().is_some_and(|g| g.contains(word)), "{head:?} -> {got:?}")
                }
                None => assert_eq!(got, None, "{head:?}"),
            }
        }
    }

    #[test]
    fn formats() {
        for (head, ext, expect) in [
            ("Title\n\nBody text.", Some("txt"), Format::Text),
            ("Title\n\nBody text.", None, Format::Text),
            ("<!DOCTYPE html><html><body><p>x</p></body></html>", None, Format::Html),
            ("  <html lang=en>", Some("txt"), Format::Html),
            ("<p>Just a fragment</p>", None, Format::Html),
            ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", None, Format::Feed),
            (
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Some("xml"),
                Format::Feed,
            ),
            ("<rdf:RDF xmlns:rdf=\"x\"><channel>", None, Format::Feed),
            ("<?xml version=\"1.0\"?><sitemap>", None, Format::OtherXml),
            ("{\"id\": 1, \"body\": \"x\"}\n{\"id\": 2}", None, Format::JsonLines),
            ("{\"id\": 1, broken\n{\"id\": 2}", Some("jsonl"), Format::JsonLines),
            ("{\n  \"id\": 1,\n  \"body\": \"x\"\n}", None, Format::Json),
            ("[{\"id\": 1}]", Some("json"), Format::Json),
            ("[1] is a footnote marker in text", Some("txt"), Format::Text),
            ("<b>Breaking</b> news", Some("html"), Format::Html),
        ] {
            assert_eq!(format(head, ext), expect, "{head:?}");
        }
    }
}
