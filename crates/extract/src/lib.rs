//! Extraction: raw inputs -> [`Document`]s (canonical text, zones, title, publication date,
//! metadata). Chooses the format by content and extension: plain text, HTML, JSON Lines,
//! RSS 2.0 / Atom feeds. Decodes UTF-8, UTF-16 (with BOM) and Windows-1252/Latin-1. Detects
//! non-English articles and skips them with a reason.
//!
//! Every error names its input; no input makes this crate panic.

mod date;
mod decode;
mod feed;
mod furniture;
mod html;
mod jsonl;
mod lang;
mod plain;
mod sniff;

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use types::{DateSource, Document, PublicationDate, Zone};

use sniff::Format;

/// How to extract.
#[derive(Debug, Clone)]
pub struct Options {
    /// Publication date for articles that carry none.
    pub date: Option<PublicationDate>,
    /// Largest file read whole (formats that are not streamed: text, HTML, feeds, `.json`).
    /// A JSON Lines file is streamed; one line is read whole up to
    /// `min(4 * max_article_bytes + 1 MiB, max_file_bytes)` and a longer line is an error.
    pub max_file_bytes: u64,
    /// Largest single article (canonical text bytes).
    pub max_article_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { date: None, max_file_bytes: 32 << 20, max_article_bytes: 4 << 20 }
    }
}

/// One article read from an input, or the reason it was skipped.
#[derive(Debug, Clone)]
pub enum Outcome {
    Article(Box<Document>),
    /// Not an error: e.g. a non-English article.
    Skipped {
        source: String,
        reason: String,
    },
}

/// Why an input (or one article in it) could not be read. Every variant names the input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{input}: {reason}")]
    Invalid { input: String, reason: String },
    /// Not text: a binary file (the reason says what it looks like).
    #[error("{input}: {reason}")]
    Binary { input: String, reason: String },
    /// Larger than the limit for reading it whole (a file) or for one article.
    #[error("{input}: too large ({bytes} bytes; the limit is {limit})")]
    TooLarge { input: String, bytes: u64, limit: u64 },
    /// An empty file, or an article with no text.
    #[error("{input}: {what}")]
    Empty { input: String, what: &'static str },
}

impl Error {
    /// The input the error is about: a path, `path:line` or `path#item N`.
    pub fn input(&self) -> String {
        match self {
            Error::Io { path, .. } => path.display().to_string(),
            Error::Invalid { input, .. }
            | Error::Binary { input, .. }
            | Error::TooLarge { input, .. }
            | Error::Empty { input, .. } => input.clone(),
        }
    }

    fn io(path: &str, source: std::io::Error) -> Error {
        Error::Io { path: PathBuf::from(path), source }
    }

    fn invalid(input: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Invalid { input: input.into(), reason: reason.into() }
    }
}

/// Files under `paths` (directories walked recursively, in a stable order; symbolic links
/// followed, so a dangling one is an error naming it).
pub fn walk(paths: &[PathBuf]) -> Box<dyn Iterator<Item = Result<PathBuf, Error>> + Send> {
    let paths = paths.to_vec();
    Box::new(paths.into_iter().flat_map(|p| {
        walkdir::WalkDir::new(&p).follow_links(true).sort_by_file_name().into_iter().filter_map(
            move |e| match e {
                Ok(e) if e.file_type().is_file() => Some(Ok(e.into_path())),
                Ok(_) => None,
                Err(err) => {
                    let path = err.path().map_or_else(|| p.clone(), Path::to_path_buf);
                    Some(Err(Error::Io { path, source: err.into() }))
                }
            },
        )
    }))
}

/// The articles in one file. A file-level problem is one `Err` item.
pub fn open(
    path: &Path,
    opts: &Options,
) -> Box<dyn Iterator<Item = Result<Outcome, Error>> + Send> {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return one(Err(Error::Io { path: path.to_path_buf(), source: e })),
    };
    let size = match file.metadata() {
        Ok(m) if m.is_dir() => {
            let e = std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory");
            return one(Err(Error::Io { path: path.to_path_buf(), source: e }));
        }
        Ok(m) => Some(m.len()),
        Err(e) => return one(Err(Error::Io { path: path.to_path_buf(), source: e })),
    };
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let reader = Box::new(BufReader::with_capacity(1 << 16, file));
    read_input(reader, name, ext.as_deref(), size, opts)
}

/// The articles in a stream (standard input): JSON Lines, or one document of another format.
pub fn from_reader(
    reader: Box<dyn BufRead + Send>,
    source: &str,
    opts: &Options,
) -> Box<dyn Iterator<Item = Result<Outcome, Error>> + Send> {
    let ext = Path::new(source).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    read_input(reader, source.to_string(), ext.as_deref(), None, opts)
}

/// How many bytes are looked at to tell the format and the encoding.
const HEAD: usize = 16 << 10;

type Items = Box<dyn Iterator<Item = Result<Outcome, Error>> + Send>;

fn one(item: Result<Outcome, Error>) -> Items {
    Box::new(std::iter::once(item))
}

fn read_input(
    mut reader: Box<dyn BufRead + Send>,
    name: String,
    ext: Option<&str>,
    size: Option<u64>,
    opts: &Options,
) -> Items {
    let mut head = Vec::with_capacity(HEAD);
    if let Err(e) = (&mut reader).take(HEAD as u64).read_to_end(&mut head) {
        return one(Err(Error::io(&name, e)));
    }
    if head.is_empty() {
        return one(Err(Error::Empty { input: name, what: "empty file" }));
    }
    if let Some(reason) = sniff::binary(&head) {
        return one(Err(Error::Binary { input: name, reason }));
    }
    let utf16 = decode::bom(&head)
        .map(|(e, _)| e)
        .filter(|e| *e != encoding_rs::UTF_8)
        .or_else(|| decode::bomless_utf16(&head));
    let head_text = match utf16 {
        Some(enc) => enc.decode(&head).0.into_owned(),
        None => String::from_utf8_lossy(&head).into_owned(),
    };
    let format = sniff::format(&head_text, ext);
    let rest = Box::new(BufReader::new(Cursor::new(head).chain(reader)));
    if format == Format::JsonLines && utf16.is_none() {
        return Box::new(jsonl::JsonLines::new(rest, name, opts.clone()));
    }
    // Everything else is read whole: refuse what is too large before reading it.
    let limit = opts.max_file_bytes;
    if let Some(size) = size.filter(|&s| s > limit) {
        return one(Err(Error::TooLarge { input: name, bytes: size, limit }));
    }
    let mut bytes = Vec::new();
    if let Err(e) = rest.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
        return one(Err(Error::io(&name, e)));
    }
    if bytes.len() as u64 > limit {
        return one(Err(Error::TooLarge { input: name, bytes: bytes.len() as u64, limit }));
    }
    let declared = match format {
        Format::Html => decode::html_declared(&bytes),
        Format::Feed | Format::OtherXml => decode::xml_declared(&bytes),
        _ => None,
    };
    let decoded = decode::decode(bytes, declared);
    let note = decoded.note();
    let text = decoded.text;
    let opts = opts.clone();
    let with_note = move |mut d: Draft| {
        if let Some(n) = &note {
            d.metadata.insert("encoding".into(), n.clone().into());
        }
        d
    };
    match format {
        Format::Text => one(finish(with_note(plain::draft(text, &name)), &opts)),
        Format::Html => {
            one(html::draft(&text, &name).map(with_note).and_then(|d| finish(d, &opts)))
        }
        Format::JsonLines => Box::new(
            jsonl::lines(text, name).map(move |r| r.map(&with_note).and_then(|d| finish(d, &opts))),
        ),
        Format::Json => Box::new(
            jsonl::whole(&text, &name)
                .into_iter()
                .map(move |r| r.map(&with_note).and_then(|d| finish(d, &opts))),
        ),
        Format::Feed => Box::new(
            feed::Items::new(text, name)
                .map(move |r| r.map(&with_note).and_then(|d| finish(d, &opts))),
        ),
        Format::OtherXml => {
            let root = feed::root_name(&text).unwrap_or_default();
            one(Err(Error::invalid(
                name,
                format!("XML that is not an RSS or Atom feed (root element <{root}>)"),
            )))
        }
    }
}

/// One article before the checks every format shares.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub source: String,
    /// What the identity hashes besides the text: the record's own id, or "" for a bare file.
    pub key: String,
    pub source_id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub zones: Vec<Zone>,
    pub published: Option<(PublicationDate, DateSource)>,
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

impl Draft {
    /// A draft whose text is `title` (if any), a blank line, and `body`, with the title zone,
    /// the body's furniture zones and, failing `published`, the date of a dateline in the body.
    pub fn titled(source: String, title: Option<String>, body: &str) -> Draft {
        let title = title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        let mut text =
            String::with_capacity(body.len() + title.as_ref().map_or(0, |t| t.len() + 2));
        let mut zones = Vec::new();
        if let Some(t) = &title {
            text.push_str(t);
            zones.push(Zone { kind: types::ZoneKind::Title, span: types::Span::new(0, t.len()) });
            if !body.is_empty() {
                text.push_str("\n\n");
            }
        }
        let body_start = text.len();
        text.push_str(body);
        let (furniture, dateline) = furniture::scan(&text, body_start);
        zones.extend(furniture);
        let published = dateline.map(|d| (d.date, DateSource::Dateline));
        Draft { source, title, text, zones, published, ..Draft::default() }
    }
}

/// The checks and fields every format shares: not empty, not too large, English, a date (the
/// command line's when the article has none), the identity.
fn finish(d: Draft, opts: &Options) -> Result<Outcome, Error> {
    if d.text.trim().is_empty() {
        return Err(Error::Empty { input: d.source, what: "article has no text" });
    }
    if d.text.len() > opts.max_article_bytes {
        return Err(Error::TooLarge {
            input: d.source,
            bytes: d.text.len() as u64,
            limit: opts.max_article_bytes as u64,
        });
    }
    let language = match lang::detect(&d.text) {
        Ok(code) => code,
        Err(code) => {
            return Ok(Outcome::Skipped {
                source: d.source,
                reason: format!("non-English ({code})"),
            });
        }
    };
    let published = d.published.or(opts.date.map(|p| (p, DateSource::CommandLine)));
    let mut zones = d.zones;
    zones.sort_by_key(|z| (z.span.start, z.span.end));
    let mut last_end = 0;
    zones.retain(|z| {
        let ok = z.span.start >= last_end
            && !z.span.is_empty()
            && d.text.is_char_boundary(z.span.start)
            && d.text.get(z.span.start..z.span.end).is_some();
        if ok {
            last_end = z.span.end;
        }
        ok
    });
    let id = Document::compute_id(&d.key, &d.text);
    Ok(Outcome::Article(Box::new(Document {
        id,
        source: d.source,
        source_id: d.source_id,
        url: d.url,
        title: d.title,
        published: published.map(|p| p.0),
        published_source: published.map(|p| p.1),
        language: Some(language.to_string()),
        text: d.text,
        zones,
        metadata: d.metadata,
    })))
}
