//! JSON Lines (one article per line, streamed with bounded memory) and `.json` files (one
//! object or an array of them). Known fields: `id`, `url`/`link`, `title`/`headline`,
//! `date`/`published`/..., `body`/`text`/`content`; every other field is kept as metadata.
//! The canonical text is the title, a blank line, and the body.

use std::io::BufRead;

use serde_json::{Map, Value};
use types::DateSource;

use crate::{Draft, Error, Options, Outcome, date, finish};

const ID: &[&str] = &["id", "guid", "doc_id", "docid", "article_id", "uuid"];
const URL: &[&str] = &["url", "link", "href", "source_url"];
const TITLE: &[&str] = &["title", "headline", "heading"];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "pub_date",
    "datePublished",
    "publication_date",
    "publish_date",
    "date_published",
    "created_at",
    "timestamp",
];
const BODY: &[&str] = &["body", "text", "content", "article", "story", "maintext"];

/// Streams the records of a JSON Lines input; a broken line is one `Err` naming `path:line`.
pub struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    path: String,
    line: usize,
    opts: Options,
    buf: Vec<u8>,
    done: bool,
}

impl JsonLines {
    pub fn new(reader: Box<dyn BufRead + Send>, path: String, opts: Options) -> JsonLines {
        JsonLines { reader, path, line: 0, opts, buf: Vec::new(), done: false }
    }

    /// The longest line read (a record is read whole; longer lines are skipped unread).
    fn max_line(&self) -> u64 {
        max_line(&self.opts)
    }
}

/// The longest JSON line read: room for the largest article, escaped, and its metadata (and no
/// more than a whole file may be).
pub fn max_line(opts: &Options) -> u64 {
    let article = opts.max_article_bytes as u64;
    article.saturating_mul(4).saturating_add(1 << 20).min(opts.max_file_bytes)
}

enum Line {
    Eof,
    Ok,
    TooLong(u64),
}

/// Reads one line into `buf` (without the newline), keeping at most `limit` bytes: a longer
/// line is consumed to its end without being stored.
fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, limit: u64) -> std::io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, found) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if total + take as u64 <= limit {
            buf.extend_from_slice(&chunk[..take]);
        }
        total += take as u64;
        r.consume(take + usize::from(found));
        if found {
            break;
        }
    }
    if !any {
        return Ok(Line::Eof);
    }
    if total > limit {
        buf.clear();
        return Ok(Line::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Ok)
}

impl Iterator for JsonLines {
    type Item = Result<Outcome, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let limit = self.max_line();
            let read = read_line(&mut *self.reader, &mut self.buf, limit);
            self.line += 1;
            let input = format!("{}:{}", self.path, self.line);
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::Io { path: input.into(), source: e }));
                }
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(bytes)) => {
                    return Some(Err(Error::TooLarge { input, bytes, limit }));
                }
                Ok(Line::Ok) => {
                    let mut bytes = &self.buf[..];
                    if self.line == 1 {
                        bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_line(bytes, input).and_then(|d| finish(d, &self.opts)));
                }
            }
        }
        None
    }
}

/// One line: JSON in UTF-8, or (failing that) in Windows-1252.
fn parse_line(bytes: &[u8], input: String) -> Result<Draft, Error> {
    let (value, note) = match serde_json::from_slice::<Value>(bytes) {
        Ok(v) => (v, None),
        Err(e) if std::str::from_utf8(bytes).is_err() => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            match serde_json::from_str::<Value>(&text) {
                Ok(v) => (v, Some("windows-1252")),
                Err(_) => return Err(Error::invalid(input, format!("invalid JSON: {e}"))),
            }
        }
        Err(e) => return Err(Error::invalid(input, format!("invalid JSON: {e}"))),
    };
    let Value::Object(obj) = value else {
        return Err(Error::invalid(input, "not a JSON object"));
    };
    let mut d = record(obj, input)?;
    if let Some(n) = note {
        d.metadata.insert("encoding".into(), n.into());
    }
    Ok(d)
}

/// Lines of an input already decoded whole (UTF-16 JSON Lines).
pub fn lines(text: String, path: String) -> impl Iterator<Item = Result<Draft, Error>> + Send {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let input = format!("{path}:{}", i + 1);
        out.push(parse_line(line.as_bytes(), input));
    }
    out.into_iter()
}

/// A `.json` file: one object, or an array of objects (`path#N` for the N-th).
pub fn whole(text: &str, path: &str) -> Vec<Result<Draft, Error>> {
    match serde_json::from_str::<Value>(text) {
        Err(e) => vec![Err(Error::invalid(path, format!("invalid JSON: {e}")))],
        Ok(Value::Object(obj)) => vec![record(obj, path.to_string())],
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let input = format!("{path}#{}", i + 1);
                match v {
                    Value::Object(obj) => record(obj, input),
                    _ => Err(Error::invalid(input, "not a JSON object")),
                }
            })
            .collect(),
        Ok(_) => vec![Err(Error::invalid(path, "JSON that is neither an object nor an array"))],
    }
}

/// Takes the first of `keys` present with a usable value out of `obj`.
fn take_str(
    obj: &mut Map<String, Value>,
    keys: &[&str],
    input: &str,
) -> Result<Option<String>, Error> {
    for k in keys {
        match obj.get(*k) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) if s.trim().is_empty() => continue,
            Some(Value::String(_)) => {
                if let Some(Value::String(s)) = obj.remove(*k) {
                    return Ok(Some(s));
                }
            }
            Some(Value::Number(n)) => {
                let s = n.to_string();
                obj.remove(*k);
                return Ok(Some(s));
            }
            Some(_) => return Err(Error::invalid(input, format!("field `{k}` is not a string"))),
        }
    }
    Ok(None)
}

/// One record -> a draft article.
pub fn record(mut obj: Map<String, Value>, input: String) -> Result<Draft, Error> {
    let id = take_str(&mut obj, ID, &input)?;
    let url = take_str(&mut obj, URL, &input)?;
    let title = take_str(&mut obj, TITLE, &input)?;
    let body = take_str(&mut obj, BODY, &input)?;
    // A date field is taken out only when it parses; otherwise it stays as metadata.
    let mut published = None;
    for k in DATE {
        if let Some(Value::String(s)) = obj.get(*k)
            && let Some(d) = date::parse(s)
        {
            published = Some((d, DateSource::Field));
            obj.remove(*k);
            break;
        }
    }
    let mut d = Draft::titled(input, title, body.as_deref().unwrap_or(""));
    if published.is_some() {
        d.published = published;
    }
    d.key = id.clone().or_else(|| url.clone()).unwrap_or_default();
    d.source_id = id;
    d.url = url;
    d.metadata = obj;
    Ok(d)
}
