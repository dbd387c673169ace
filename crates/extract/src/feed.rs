//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per `<item>`/`<entry>`, with its title,
//! link, guid/id, date and content (HTML content turned into text; the summary when there is no
//! content).
//!
//! Items are cut out of the feed one by one and each is parsed on its own (quick-xml), so a
//! malformed item is one error naming `path#N` and the other items still come through.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use types::DateSource;

use crate::{Draft, Error, date, html};

/// The items of one feed, parsed lazily.
pub(crate) struct Items {
    text: String,
    path: String,
    /// `item` (RSS) or `entry` (Atom).
    tag: &'static str,
    pos: usize,
    n: usize,
    feed_title: Option<String>,
    done: bool,
}

impl Items {
    pub fn new(text: String, path: String) -> Items {
        let atom = root_name(&text).is_some_and(|r| r.eq_ignore_ascii_case("feed"));
        let tag = if atom { "entry" } else { "item" };
        let first = find_open(&text, 0, tag).unwrap_or(text.len());
        let feed_title = feed_title(&text[..first]);
        Items { text, path, tag, pos: 0, n: 0, feed_title, done: false }
    }
}

impl Iterator for Items {
    type Item = Result<Draft, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let Some(start) = find_open(&self.text, self.pos, self.tag) else {
            self.done = true;
            if self.n == 0 {
                return Some(Err(Error::Empty {
                    input: self.path.clone(),
                    what: "feed with no items",
                }));
            }
            return None;
        };
        self.n += 1;
        let source = format!("{}#{}", self.path, self.n);
        let after = start + 1 + self.tag.len();
        let close = find_close(&self.text, after, self.tag);
        let next_open = find_open(&self.text, after, self.tag);
        let end = match (close, next_open) {
            (Some(c), Some(o)) if o < c => {
                self.pos = o;
                return Some(Err(Error::invalid(
                    source,
                    format!("malformed item {}: <{}> is not closed", self.n, self.tag),
                )));
            }
            (Some(c), _) => c,
            (None, next) => {
                self.pos = next.unwrap_or(self.text.len());
                return Some(Err(Error::invalid(
                    source,
                    format!("malformed item {}: <{}> is not closed", self.n, self.tag),
                )));
            }
        };
        let close_end = self.text[end..].find('>').map_or(self.text.len(), |i| end + i + 1);
        self.pos = close_end;
        let chunk = &self.text[start..close_end];
        let item = parse_item(chunk, &source, self.n).map(|mut d| {
            if let Some(t) = &self.feed_title {
                d.metadata.insert("feed_title".into(), t.clone().into());
            }
            d
        });
        Some(item)
    }
}

/// The name of the document's root element (after the XML declaration, comments, doctype).
pub fn root_name(text: &str) -> Option<String> {
    let mut i = 0;
    let b = text.as_bytes();
    loop {
        let p = i + memchr::memchr(b'<', &b[i..])?;
        let rest = &text[p..];
        if rest.starts_with("<?") {
            i = p + rest.find("?>")? + 2;
        } else if rest.starts_with("<!--") {
            i = p + rest.find("-->")? + 3;
        } else if rest.starts_with("<!") {
            i = p + rest.find('>')? + 1;
        } else {
            let name: String = rest[1..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '/'))
                .collect();
            let local = name.rsplit(':').next().unwrap_or(&name).to_string();
            return Some(local);
        }
    }
}

/// The next `<tag` (followed by `>`, `/` or white space) at or after `from`, outside CDATA
/// sections and comments.
fn find_open(text: &str, from: usize, tag: &str) -> Option<usize> {
    find_markup(text, from, |rest| {
        rest.strip_prefix('<')
            .and_then(|r| r.strip_prefix(tag))
            .is_some_and(|r| r.starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()))
    })
}

/// The next `</tag>` at or after `from`, outside CDATA sections and comments.
fn find_close(text: &str, from: usize, tag: &str) -> Option<usize> {
    find_markup(text, from, |rest| {
        rest.strip_prefix("</")
            .and_then(|r| r.strip_prefix(tag))
            .is_some_and(|r| r.trim_start().starts_with('>'))
    })
}

fn find_markup(text: &str, from: usize, is_it: impl Fn(&str) -> bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        let p = i + memchr::memchr(b'<', &b[i..])?;
        let rest = &text[p..];
        if rest.starts_with("<![CDATA[") {
            i = p + rest.find("]]>")? + 3;
        } else if rest.starts_with("<!--") {
            i = p + rest.find("-->")? + 3;
        } else if is_it(rest) {
            return Some(p);
        } else {
            i = p + 1;
        }
    }
    None
}

/// The feed's own title (the first `<title>` before the first item).
fn feed_title(header: &str) -> Option<String> {
    let start = find_open(header, 0, "title")?;
    let open_end = start + header[start..].find('>')? + 1;
    let close = find_close(header, open_end, "title")?;
    let t = html::inline_text(&xml_text(&header[open_end..close]));
    (!t.is_empty()).then_some(t)
}

type Attrs = Vec<(String, String)>;

/// One child element of an item: its local name (lower case), attributes and raw content.
struct Field<'a> {
    name: String,
    attrs: Attrs,
    raw: &'a str,
}

impl Field<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

fn local_name(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_ascii_lowercase()
}

fn attrs(e: &BytesStart<'_>, source: &str, n: usize) -> Result<Attrs, Error> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| Error::invalid(source, format!("malformed item {n}: {err}")))?;
        let key = a.key.local_name().as_ref().to_ascii_lowercase();
        let raw = a.value.to_string();
        let value = quick_xml::escape::unescape(&raw).map(|v| v.into_owned()).unwrap_or(raw);
        out.push((key, value));
    }
    Ok(out)
}

/// Parses one `<item>...</item>` chunk.
fn parse_item(chunk: &str, source: &str, n: usize) -> Result<Draft, Error> {
    let bad = |why: String| Error::invalid(source, format!("malformed item {n}: {why}"));
    let mut reader = Reader::from_str(chunk);
    let mut fields: Vec<Field<'_>> = Vec::new();
    let mut depth = 0usize;
    let mut open: Option<(String, Attrs, usize)> = None;
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_event() {
            Err(e) => return Err(bad(e.to_string())),
            Ok(Event::Start(e)) => {
                depth += 1;
                if depth == 2 {
                    open = Some((
                        local_name(&e),
                        attrs(&e, source, n)?,
                        reader.buffer_position() as usize,
                    ));
                }
            }
            Ok(Event::End(_)) => {
                if depth == 2
                    && let Some((name, attrs, start)) = open.take()
                {
                    fields.push(Field { name, attrs, raw: chunk.get(start..before).unwrap_or("") });
                }
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            Ok(Event::Empty(e)) if depth == 1 => {
                fields.push(Field { name: local_name(&e), attrs: attrs(&e, source, n)?, raw: "" });
            }
            Ok(Event::Eof) => {
                if depth != 0 {
                    return Err(bad("unexpected end of item".into()));
                }
                break;
            }
            Ok(_) => {}
        }
    }

    let get = |names: &[&str]| {
        names
            .iter()
            .find_map(|want| fields.iter().find(|f| f.name == *want && !f.raw.trim().is_empty()))
    };
    let text_of = |names: &[&str]| {
        get(names).map(|f| html::inline_text(&xml_text(f.raw))).filter(|s| !s.is_empty())
    };

    let title = text_of(&["title"]);
    let link = fields.iter().filter(|f| f.name == "link").find_map(|f| match f.attr("href") {
        Some(href) if f.attr("rel").is_none_or(|r| r == "alternate") => {
            Some(href.trim().to_string())
        }
        Some(_) => None,
        None => Some(html::inline_text(&xml_text(f.raw))).filter(|s| !s.is_empty()),
    });
    let guid = text_of(&["guid", "id"]);
    let date_raw =
        text_of(&["pubdate", "published", "date", "issued", "created", "updated", "modified"]);
    let published = date_raw.as_deref().and_then(date::parse);
    let body = get(&["encoded", "content", "description", "summary", "abstract"])
        .map(|f| {
            if f.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("xhtml")) {
                html::fragment_text(f.raw)
            } else {
                html::fragment_text(&xml_text(f.raw))
            }
        })
        .unwrap_or_default();

    let mut d = Draft::titled(source.to_string(), title, &body);
    if let Some(p) = published {
        d.published = Some((p, DateSource::Field));
    } else if let Some(raw) = date_raw {
        d.metadata.insert("date_raw".into(), raw.into());
    }
    if let Some(a) = text_of(&["author", "creator"]) {
        d.metadata.insert("author".into(), a.into());
    }
    let categories: Vec<serde_json::Value> = fields
        .iter()
        .filter(|f| f.name == "category" || f.name == "subject")
        .filter_map(|f| {
            f.attr("term").map(str::to_string).or_else(|| Some(html::inline_text(&xml_text(f.raw))))
        })
        .filter(|s| !s.is_empty())
        .map(Into::into)
        .collect();
    if !categories.is_empty() {
        d.metadata.insert("categories".into(), categories.into());
    }
    d.key = guid.clone().or_else(|| link.clone()).unwrap_or_default();
    d.source_id = guid.or_else(|| link.clone());
    d.url = link;
    Ok(d)
}

/// The character content of raw XML: CDATA sections as they are, the rest unescaped (an entity
/// XML does not define, like `&nbsp;`, is left for the HTML parser).
fn xml_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find("<![CDATA[") {
        push_unescaped(&mut out, &rest[..i]);
        let inner = &rest[i + 9..];
        match inner.find("]]>") {
            Some(j) => {
                out.push_str(&inner[..j]);
                rest = &inner[j + 3..];
            }
            None => {
                out.push_str(inner);
                rest = "";
            }
        }
    }
    push_unescaped(&mut out, rest);
    out
}

fn push_unescaped(out: &mut String, s: &str) {
    match quick_xml::escape::unescape(s) {
        Ok(u) => out.push_str(&u),
        Err(_) => out.push_str(s),
    }
}
