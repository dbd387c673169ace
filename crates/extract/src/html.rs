//! HTML pages: the main article text, found the way readability tools find it (drop navigation,
//! ads, share buttons, captions and credits; score containers by the paragraph text they hold;
//! keep the best), plus the title (`og:title`, `<h1>`, `<title>`), canonical URL and
//! publication date (`<meta>`, JSON-LD `datePublished`, `<time datetime>`).
//!
//! The canonical text is generated: the title, then the paragraphs, separated by blank lines.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use serde_json::Value;
use types::{DateSource, PublicationDate};

use crate::{Draft, Error, date, furniture};

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "select",
    "option",
    "textarea",
    "input",
    "menu",
    "dialog",
    "object",
    "embed",
    "head",
    "title",
    "meta",
    "link",
    "map",
    "math",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "address",
    "hr",
    "center",
    "body",
    "html",
    "details",
    "summary",
    "fieldset",
    "hgroup",
];

/// Words in a class or id that mark page furniture.
const JUNK: &[&str] = &[
    "share",
    "sharing",
    "sharebar",
    "social",
    "socials",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "dfp",
    "promo",
    "promos",
    "promotion",
    "related",
    "newsletter",
    "newsletters",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "caption",
    "captions",
    "credit",
    "credits",
    "comment",
    "comments",
    "disqus",
    "sidebar",
    "subscribe",
    "subscription",
    "signup",
    "popup",
    "modal",
    "banner",
    "sponsored",
    "sponsor",
    "outbrain",
    "taboola",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "masthead",
    "toolbar",
    "tags",
    "recommended",
    "recommendations",
    "trending",
    "widget",
    "skip",
    "print",
    "sronly",
    "visuallyhidden",
];

/// Phrases (class or id words joined by `-`) that mark page furniture.
const JUNK_PHRASES: &[&str] = &[
    "read-more",
    "most-read",
    "more-from",
    "you-may-like",
    "also-read",
    "see-also",
    "author-bio",
    "sr-only",
    "visually-hidden",
    "screen-reader",
];

/// ARIA roles of furniture.
const JUNK_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"];

/// Deeper nesting than this is not followed (no input may exhaust the stack).
const MAX_DEPTH: usize = 400;

/// One paragraph of text and the element that holds it.
#[derive(Debug)]
struct Block {
    text: String,
    owner: NodeId,
    link_chars: usize,
    heading: bool,
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    cur: String,
    space: bool,
    link_chars: usize,
    owners: Vec<(NodeId, bool)>,
}

impl Walker {
    fn push_text(&mut self, s: &str, in_link: bool) {
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{200b}' {
                self.space = true;
                continue;
            }
            if self.space && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.space = false;
            self.cur.push(c);
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    fn flush(&mut self) {
        if !self.cur.is_empty()
            && let Some(&(owner, heading)) = self.owners.last()
        {
            let text = std::mem::take(&mut self.cur);
            self.blocks.push(Block { text, owner, link_chars: self.link_chars, heading });
        }
        self.cur.clear();
        self.space = false;
        self.link_chars = 0;
    }

    fn walk(&mut self, node: NodeRef<'_, Node>, in_link: bool, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match node.value() {
            Node::Text(t) => self.push_text(t, in_link),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) || is_junk(e) {
                    return;
                }
                if name == "br" {
                    self.flush();
                    return;
                }
                let block = BLOCK.contains(&name);
                if block {
                    self.flush();
                    let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                    self.owners.push((node.id(), heading));
                }
                let link = in_link || name == "a";
                for child in node.children() {
                    self.walk(child, link, depth + 1);
                }
                if block {
                    self.flush();
                    self.owners.pop();
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children() {
                    self.walk(child, in_link, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// An element that is furniture by its class, id, role or visibility.
fn is_junk(e: &scraper::node::Element) -> bool {
    if matches!(e.name(), "body" | "html" | "main" | "article") {
        return false;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let style: String =
            style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if e.attr("role").is_some_and(|r| JUNK_ROLES.contains(&r.to_ascii_lowercase().as_str())) {
        return true;
    }
    let mut names = String::new();
    for v in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        names.push(' ');
        names.push_str(&v.to_ascii_lowercase());
    }
    if names.is_empty() {
        return false;
    }
    let words: Vec<&str> =
        names.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| JUNK.contains(w)) {
        return true;
    }
    let joined = words.join("-");
    JUNK_PHRASES.iter().any(|p| joined.contains(p))
}

/// The paragraphs of an HTML fragment (a feed item's content), all of them, furniture dropped.
pub fn fragment_text(html: &str) -> String {
    if too_deep(html).is_some() {
        return String::new();
    }
    let doc = Html::parse_fragment(html);
    let mut w = Walker::default();
    w.owners.push((doc.tree.root().id(), false));
    w.walk(doc.tree.root(), false, 0);
    w.flush();
    let mut out = String::new();
    for b in w.blocks.iter().filter(|b| !furniture::is_boilerplate(&b.text)) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    out
}

/// Text with entities decoded and tags dropped, on one line (titles).
pub fn inline_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    fragment_text(html).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Deepest element nesting parsed. The HTML parser's scope checks cost time in proportion to
/// the depth at every tag, so pathological nesting would stall a batch; browsers cap depth too.
const MAX_NESTING: usize = 1000;

/// Elements that never nest (void) or that the parser closes by itself (`<p>`, `<li>`).
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "frame", "keygen",
];

/// How deep the elements of `html` nest, if deeper than [`MAX_NESTING`] (a fast scan of the
/// tags, without parsing).
pub fn too_deep(html: &str) -> Option<usize> {
    let b = html.as_bytes();
    let mut stack: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let p = i + off;
        let rest = &html[p..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(b.len(), |e| p + e + 3);
            continue;
        }
        let close = rest.starts_with("</");
        let name_start = p + if close { 2 } else { 1 };
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 {
            i = p + 1;
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let tag_end =
            memchr::memchr(b'>', &b[name_start..]).map_or(b.len(), |e| name_start + e + 1);
        i = tag_end;
        let lower = name.to_ascii_lowercase();
        if close {
            // Close the nearest open element of that name (looking a little way down only).
            if let Some(k) = stack.iter().rev().take(64).position(|n| n.eq_ignore_ascii_case(name))
            {
                stack.truncate(stack.len() - 1 - k);
            }
            continue;
        }
        if matches!(lower.as_str(), "script" | "style" | "textarea" | "title" | "xmp") {
            // Raw text: skip to its end tag (compared without case, without copying).
            let mut j = i;
            i = b.len();
            while let Some(off) = memchr::memmem::find(&b[j..], b"</") {
                let q = j + off + 2;
                if b.get(q..q + lower.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(lower.as_bytes()))
                {
                    i = q - 2;
                    break;
                }
                j = q;
            }
            continue;
        }
        let self_closing = html[..tag_end].ends_with("/>");
        if !self_closing && !FLAT.contains(&lower.as_str()) {
            stack.push(name);
            if stack.len() > MAX_NESTING {
                return Some(stack.len());
            }
        }
    }
    None
}

/// A page -> a draft article.
pub fn draft(html: &str, source: &str) -> Result<Draft, Error> {
    if let Some(depth) = too_deep(html) {
        return Err(Error::invalid(
            source,
            format!(
                "HTML nested more than {MAX_NESTING} elements deep ({depth} or more); not parsed"
            ),
        ));
    }
    let doc = Html::parse_document(html);
    let root = doc.tree.root();
    let body =
        root.descendants().find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"));
    let head = Head::read(root);

    let mut w = Walker::default();
    if let Some(body) = body {
        w.owners.push((body.id(), false));
        w.walk(body, false, 0);
        w.flush();
    }
    let paragraphs = main_text(&doc, &w.blocks);
    if paragraphs.is_empty() {
        let what = if html.to_ascii_lowercase().contains("<body") {
            "no article text found in the HTML page"
        } else {
            "HTML without a body: no article text"
        };
        return Err(Error::Empty { input: source.to_string(), what });
    }

    let h1 =
        w.blocks.iter().find(|b| b.heading && is_tag(&doc, b.owner, "h1")).map(|b| b.text.clone());
    let title = head.title(h1.as_deref());
    let mut paragraphs: Vec<&str> = paragraphs;
    if let (Some(t), Some(first)) = (&title, paragraphs.first())
        && same_text(t, first)
    {
        paragraphs.remove(0);
    }
    let body = paragraphs.join("\n\n");
    let mut d = Draft::titled(source.to_string(), title, &body);
    if let Some(p) = head.published {
        d.published = Some(p);
    }
    d.key = head.canonical.clone().unwrap_or_default();
    d.url = head.canonical;
    for (k, v) in head.extra {
        d.metadata.insert(k.into(), v.into());
    }
    Ok(d)
}

fn is_tag(doc: &Html, id: NodeId, tag: &str) -> bool {
    doc.tree.get(id).and_then(|n| n.value().as_element().map(|e| e.name() == tag)).unwrap_or(false)
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

/// The paragraphs of the best content container (and its strong siblings), in page order.
fn main_text<'a>(doc: &Html, blocks: &'a [Block]) -> Vec<&'a str> {
    let parent = |id: NodeId| doc.tree.get(id).and_then(|n| n.parent()).map(|p| p.id());
    // Readability-style scores: each paragraph gives its container a point, one per comma and
    // up to three for its length; the container's parent gets half.
    let mut order: Vec<NodeId> = Vec::new();
    let mut score: HashMap<NodeId, f64> = HashMap::new();
    for b in blocks.iter().filter(|b| !b.heading) {
        let len = b.text.chars().count();
        if len < 25 {
            continue;
        }
        let s = 1.0
            + b.text.matches([',', '\u{ff0c}', '\u{060c}']).count() as f64
            + (len as f64 / 100.0).min(3.0);
        let Some(container) = parent(b.owner) else { continue };
        for (id, share) in [(Some(container), 1.0), (parent(container), 0.5)] {
            if let Some(id) = id {
                if !score.contains_key(&id) {
                    order.push(id);
                }
                *score.entry(id).or_default() += s * share;
            }
        }
    }
    // Discount by link density (navigation lists are all links).
    let mut chars: HashMap<NodeId, (usize, usize)> = HashMap::new();
    for b in blocks {
        let n = b.text.chars().count();
        let mut cur = Some(b.owner);
        while let Some(id) = cur {
            if score.contains_key(&id) {
                let e = chars.entry(id).or_default();
                e.0 += n;
                e.1 += b.link_chars;
            }
            cur = parent(id);
        }
    }
    // Paragraph text (not link lists) under every element.
    let mut qualifying: HashMap<NodeId, usize> = HashMap::new();
    for b in blocks.iter().filter(|b| !b.heading) {
        let n = b.text.chars().count();
        if n < 25 || b.link_chars * 2 > n {
            continue;
        }
        let mut cur = Some(b.owner);
        while let Some(id) = cur {
            *qualifying.entry(id).or_default() += n;
            cur = parent(id);
        }
    }
    let adjusted = |id: &NodeId| {
        let (n, links) = chars.get(id).copied().unwrap_or((0, 0));
        let density = if n == 0 { 0.0 } else { links as f64 / n as f64 };
        score.get(id).copied().unwrap_or(0.0) * (1.0 - density)
    };
    let best = order.iter().copied().fold(None::<(NodeId, f64)>, |acc, id| {
        let s = adjusted(&id);
        match acc {
            Some((_, bs)) if bs >= s => acc,
            _ => Some((id, s)),
        }
    });

    let keep: Vec<NodeId> = match best {
        Some((mut best, top)) => {
            // Text split over several containers (columns): climb to the nearest ancestor that
            // holds half as much paragraph text again, up to an enclosing <article>, below <body>.
            let qual = |id: NodeId| qualifying.get(&id).copied().unwrap_or(0);
            let cap = {
                let mut cur = Some(best);
                let mut found = None;
                while let Some(c) = cur {
                    if is_tag(doc, c, "article") {
                        found = Some(c);
                        break;
                    }
                    cur = parent(c);
                }
                found
            };
            loop {
                let mut cur = best;
                let mut next = None;
                while Some(cur) != cap {
                    let Some(p) = parent(cur) else { break };
                    if is_tag(doc, p, "body") || is_tag(doc, p, "html") {
                        break;
                    }
                    if qual(p) * 2 >= qual(best) * 3 {
                        next = Some(p);
                        break;
                    }
                    cur = p;
                }
                match next {
                    Some(p) => best = p,
                    None => break,
                }
            }
            // Siblings of the best that hold a good share of text belong to it.
            let mut keep = vec![best];
            if let Some(p) = parent(best) {
                for id in &order {
                    if *id != best && parent(*id) == Some(p) && adjusted(id) >= top * 0.2 {
                        keep.push(*id);
                    }
                }
            }
            keep
        }
        // Nothing paragraph-like: every block of the page.
        None => vec![doc.tree.root().id()],
    };
    let inside = |owner: NodeId| {
        let mut cur = Some(owner);
        while let Some(id) = cur {
            if keep.contains(&id) {
                return true;
            }
            cur = parent(id);
        }
        false
    };
    let mut out: Vec<&str> = Vec::new();
    for b in blocks.iter().filter(|b| inside(b.owner)) {
        let n = b.text.chars().count();
        let linky = b.link_chars * 2 > n && n < 200;
        if linky || furniture::is_boilerplate(&b.text) || out.last() == Some(&b.text.as_str()) {
            continue;
        }
        out.push(&b.text);
    }
    out
}

/// What the page says about itself outside the article text.
#[derive(Default)]
struct Head {
    og_title: Option<String>,
    title: Option<String>,
    canonical: Option<String>,
    published: Option<(PublicationDate, DateSource)>,
    extra: Vec<(&'static str, String)>,
}

/// `<meta>` names and properties of the publication time, best first.
const META_DATES: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "published-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "original-publication-date",
    "citation_publication_date",
];

impl Head {
    fn read(root: NodeRef<'_, Node>) -> Head {
        let mut h = Head::default();
        let mut meta_date: Option<(usize, PublicationDate)> = None;
        let mut json_ld: Option<PublicationDate> = None;
        let mut time_el: Option<(bool, PublicationDate)> = None;
        for n in root.descendants() {
            let Some(e) = n.value().as_element() else { continue };
            match e.name() {
                "meta" => {
                    let key = e
                        .attr("property")
                        .or_else(|| e.attr("name"))
                        .or_else(|| e.attr("itemprop"));
                    let Some(key) = key.map(str::to_ascii_lowercase) else { continue };
                    let value =
                        e.attr("content").or_else(|| e.attr("datetime")).unwrap_or("").trim();
                    if value.is_empty() {
                        continue;
                    }
                    match key.as_str() {
                        "og:title" | "twitter:title" if h.og_title.is_none() => {
                            h.og_title = Some(inline_text(value))
                        }
                        "og:url" if h.canonical.is_none() => h.canonical = Some(value.to_string()),
                        "author" | "article:author" => h.extra.push(("author", value.to_string())),
                        "og:site_name" => h.extra.push(("site_name", value.to_string())),
                        _ => {}
                    }
                    if let Some(rank) = META_DATES.iter().position(|k| *k == key)
                        && meta_date.is_none_or(|(r, _)| rank < r)
                        && let Some(d) = date::parse(value)
                    {
                        meta_date = Some((rank, d));
                    }
                }
                "title" if h.title.is_none() => {
                    let t = text_of(n);
                    if !t.is_empty() {
                        h.title = Some(t);
                    }
                }
                "link" => {
                    let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical")
                        && let Some(href) = e.attr("href").filter(|s| !s.trim().is_empty())
                    {
                        h.canonical = Some(href.trim().to_string());
                    }
                }
                "html" => {
                    if let Some(lang) = e.attr("lang").filter(|l| !l.trim().is_empty()) {
                        h.extra.push(("html_lang", lang.trim().to_string()));
                    }
                }
                "script" if json_ld.is_none() => {
                    if e.attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                        && let Ok(v) = serde_json::from_str::<Value>(text_raw(n).trim())
                    {
                        json_ld = date_published(&v, 0);
                    }
                }
                "time" => {
                    let marked = e.attr("pubdate").is_some()
                        || e.attr("itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || e.attr("class")
                            .is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
                    if time_el.is_some_and(|(m, _)| m || !marked) {
                        continue;
                    }
                    let d = e
                        .attr("datetime")
                        .and_then(date::parse)
                        .or_else(|| date::parse(&text_of(n)));
                    if let Some(d) = d {
                        time_el = Some((marked, d));
                    }
                }
                _ => {}
            }
        }
        h.published = meta_date
            .map(|(_, d)| (d, DateSource::Meta))
            .or(json_ld.map(|d| (d, DateSource::JsonLd)))
            .or(time_el.map(|(_, d)| (d, DateSource::TimeElement)));
        h
    }

    /// `og:title`; else the `<h1>` (when the `<title>` agrees or there is none); else the
    /// `<title>` without a ` | Site name` tail.
    fn title(&self, h1: Option<&str>) -> Option<String> {
        if let Some(t) = &self.og_title {
            return Some(t.clone());
        }
        match (h1, &self.title) {
            (Some(h), Some(t)) if t.to_lowercase().contains(&h.to_lowercase()) => {
                Some(h.to_string())
            }
            (Some(h), None) => Some(h.to_string()),
            (_, Some(t)) => Some(strip_site(t)),
            (None, None) => None,
        }
    }
}

/// `Headline | Site` or `Headline - Site` -> `Headline` (when the headline is the longer part).
fn strip_site(t: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if head.split_whitespace().count() >= 3 && tail.split_whitespace().count() <= 5 {
                return head.trim().to_string();
            }
        }
    }
    t.trim().to_string()
}

/// The text of an element, whitespace collapsed.
fn text_of(n: NodeRef<'_, Node>) -> String {
    text_raw(n).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_raw(n: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in n.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s
}

/// The first `datePublished` in a JSON-LD value (objects, arrays, `@graph`), depth-first.
fn date_published(v: &Value, depth: usize) -> Option<PublicationDate> {
    if depth > 32 {
        return None;
    }
    match v {
        Value::Object(o) => {
            if let Some(d) = o.get("datePublished").and_then(Value::as_str).and_then(date::parse) {
                return Some(d);
            }
            o.values().find_map(|x| date_published(x, depth + 1))
        }
        Value::Array(a) => a.iter().find_map(|x| date_published(x, depth + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth() {
        let deep = |n: usize| "<div>".repeat(n) + "x" + &"</div>".repeat(n);
        for (html, refused) in [
            (deep(MAX_NESTING), false),
            (deep(MAX_NESTING + 1), true),
            ("<p>x".repeat(5000), false),
            ("<br>".repeat(5000), false),
            ("<div/>".repeat(5000), false),
            ("<div>x</div>".repeat(5000), false),
            (format!("<script>{}</SCRIPT><p>x</p>", "<div>".repeat(5000)), false),
            ("<b>".repeat(MAX_NESTING + 1), true),
            ("</div>".repeat(5000), false),
        ] {
            assert_eq!(too_deep(&html).is_some(), refused, "{}", &html[..html.len().min(40)]);
        }
    }
}
