//! Extraction from files the tests write themselves: every format, encoding and furniture rule,
//! and bad input (binary, invalid UTF-8, huge, empty, bodiless HTML, a broken JSON line, a
//! malformed feed item, files that vanish or cannot be read). Every error must name its input.

use std::io::Write;
use std::path::{Path, PathBuf};

use extract::{Error, Options, Outcome};
use types::{DateSource, Document, ZoneKind};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn run(path: &Path, opts: &Options) -> Vec<Result<Outcome, Error>> {
    extract::open(path, opts).collect()
}

/// The single article in a file.
fn article(path: &Path, opts: &Options) -> Document {
    let mut out = run(path, opts);
    assert_eq!(out.len(), 1, "{}: {out:?}", path.display());
    match out.remove(0) {
        Ok(Outcome::Article(d)) => *d,
        other => panic!("{}: expected an article, got {other:?}", path.display()),
    }
}

/// The single error from a file; its message must name the file.
fn error(path: &Path, opts: &Options) -> Error {
    let mut out = run(path, opts);
    assert_eq!(out.len(), 1, "{}: {out:?}", path.display());
    match out.remove(0) {
        Err(e) => {
            assert!(
                e.to_string().contains(&path.display().to_string()),
                "error does not name {}: {e}",
                path.display()
            );
            e
        }
        Ok(o) => panic!("{}: expected an error, got {o:?}", path.display()),
    }
}

/// Zones as `Kind:text`.
fn zones(d: &Document) -> Vec<String> {
    d.zones.iter().map(|z| format!("{:?}:{}", z.kind, &d.text[z.span.start..z.span.end])).collect()
}

/// Every zone in bounds, on char boundaries, sorted and disjoint.
fn assert_zones_valid(d: &Document) {
    let mut end = 0;
    for z in &d.zones {
        assert!(z.span.start >= end && z.span.start < z.span.end, "{:?}", d.zones);
        assert!(d.text.get(z.span.start..z.span.end).is_some(), "zone off char boundary: {z:?}");
        end = z.span.end;
    }
}

// ---------------------------------------------------------------------------------------------
// Plain text

/// An article in the shape of a news page copied as text: headline, standfirst, a photo caption
/// ending with an agency credit, site furniture, body, and an update line at the end.
const ARTICLE: &str = "Coastal towns count the cost after storm surge floods harbour districts\n\
\n\
Emergency crews have been working through the night in the worst-hit areas\n\
\n\
Residents clear debris from a flooded street in the old port on Sunday. AFP via Getty Images\n\
Powered by automated translation\n\
\n\
Storm surges flooded harbour districts in three coastal towns on Saturday, officials said.\n\
\n\
The regional governor said the damage would take months to repair.\n\
\n\
Share this article\n\
\n\
Updated: September 29, 2023, 6:38 AM";

#[test]
fn plain_text_article_shaped_like_a_news_page() {
    let dir = tmp();
    let path = write(dir.path(), "storm.txt", ARTICLE.as_bytes());
    let d = article(&path, &Options::default());
    assert_eq!(d.text, ARTICLE, "plain text is kept as it is");
    assert_eq!(
        d.title.as_deref(),
        Some("Coastal towns count the cost after storm surge floods harbour districts")
    );
    assert_eq!(d.published.map(|p| p.to_string()).as_deref(), Some("2023-09-29T06:38"));
    assert_eq!(d.published_source, Some(DateSource::Dateline));
    assert_eq!(d.language.as_deref(), Some("en"));
    assert_eq!(d.source, path.display().to_string());
    assert_eq!(d.id, Document::compute_id("", ARTICLE));
    assert_eq!(
        zones(&d),
        [
            "Title:Coastal towns count the cost after storm surge floods harbour districts",
            "Subtitle:Emergency crews have been working through the night in the worst-hit areas",
            "Caption:Residents clear debris from a flooded street in the old port on Sunday.",
            "Credit:AFP via Getty Images",
            "Boilerplate:Powered by automated translation",
            "Boilerplate:Share this article",
            "Dateline:Updated: September 29, 2023, 6:38 AM",
        ]
    );
    assert_zones_valid(&d);
}

#[test]
fn plain_text_cases() {
    // (file text, title, date, date source, zones besides the title)
    let date = types::PublicationDate::parse_iso("2020-01-02");
    let with_date = Options { date, ..Options::default() };
    for (text, opts, title, published, source, furniture) in [
        (
            "Talks resume in Geneva\n\nPublished 12 March 2024 10:05 GMT\n\nNegotiators met again on Tuesday.",
            &Options::default(),
            Some("Talks resume in Geneva"),
            Some("2024-03-12T10:05"),
            Some(DateSource::Dateline),
            &["Dateline:Published 12 March 2024 10:05 GMT"][..],
        ),
        (
            "Talks resume in Geneva\n\nNegotiators met again on Tuesday.",
            &with_date,
            Some("Talks resume in Geneva"),
            Some("2020-01-02"),
            Some(DateSource::CommandLine),
            &[],
        ),
        (
            "Talks resume in Geneva\n\nPosted on March 3, 2021\n\nNegotiators met again on Tuesday.",
            &with_date,
            Some("Talks resume in Geneva"),
            Some("2021-03-03"),
            Some(DateSource::Dateline),
            &["Dateline:Posted on March 3, 2021"],
        ),
        (
            "\n\n  Advertisement\n\nTalks resume in Geneva\r\n\r\nGENEVA (Reuters) - Negotiators met again on Tuesday.\r\n",
            &Options::default(),
            Some("Talks resume in Geneva"),
            None,
            None,
            &["Boilerplate:Advertisement", "Dateline:GENEVA (Reuters) -"],
        ),
        (
            "Negotiators met again on Tuesday in Geneva and agreed to continue the talks that have been running since last year, when the two sides first sat down together after a decade of conflict that has displaced millions and left the region divided along the ceasefire line, a spokesman said on Tuesday evening after the meeting.\n\nMore text.",
            &Options::default(),
            None,
            None,
            None,
            &[],
        ),
    ] {
        let dir = tmp();
        let path = write(dir.path(), "a.txt", text.as_bytes());
        let d = article(&path, opts);
        assert_eq!(d.text, text);
        assert_eq!(d.title.as_deref(), title, "{text:?}");
        assert_eq!(d.published.map(|p| p.to_string()).as_deref(), published, "{text:?}");
        assert_eq!(d.published_source, source, "{text:?}");
        let got: Vec<String> = zones(&d).into_iter().filter(|z| !z.starts_with("Title:")).collect();
        assert_eq!(got, furniture, "{text:?}");
        assert_zones_valid(&d);
    }
}

#[test]
fn same_text_in_two_bare_files_is_the_same_article() {
    let dir = tmp();
    let a = article(&write(dir.path(), "a.txt", ARTICLE.as_bytes()), &Options::default());
    let b = article(&write(dir.path(), "b.txt", ARTICLE.as_bytes()), &Options::default());
    assert_eq!(a.id, b.id);
    assert_ne!(a.source, b.source);
}

// ---------------------------------------------------------------------------------------------
// Encodings

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut out = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for u in s.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn encodings() {
    let text = "Zürich café talks end – “no deal”\n\nThe mayor of Zürich said the talks had ended without a deal.";
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let cp1252 = b"Z\xfcrich caf\xe9 talks end \x96 \x93no deal\x94\n\nThe mayor of Z\xfcrich said the talks had ended without a deal.".to_vec();
    for (name, bytes, encoding) in [
        ("utf8.txt", text.as_bytes().to_vec(), None),
        ("bom.txt", bom, None),
        ("le.txt", utf16(text, true), Some("utf-16le")),
        ("be.txt", utf16(text, false), Some("utf-16be")),
        ("cp1252.txt", cp1252, Some("windows-1252")),
    ] {
        let dir = tmp();
        let d = article(&write(dir.path(), name, &bytes), &Options::default());
        assert_eq!(d.text, text, "{name}");
        assert_eq!(d.title.as_deref(), Some("Zürich café talks end – “no deal”"), "{name}");
        assert_eq!(d.metadata.get("encoding").and_then(|v| v.as_str()), encoding, "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// HTML

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Port reopens after strike | The Daily Example</title>
<meta property="og:title" content="Port reopens after three-week strike">
<meta property="article:published_time" content="2024-03-12T10:05:00+00:00">
<link rel="canonical" href="https://news.example.com/port-reopens">
<script>var tracking = "Do not include this";</script>
<style>.x { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<div class="share-bar"><button>Share</button><a href="#">Share on Facebook</a></div>
<main>
<article class="article-body">
<h1>Port reopens after three-week strike</h1>
<figure><img src="a.jpg"><figcaption>Dockers return to work on Monday. Reuters</figcaption></figure>
<p>The country's largest port reopened on Monday after dock workers ended a three-week strike over pay, the port authority said.</p>
<div class="ad-slot">Advertisement</div>
<p>Ships that had waited offshore began to unload, and officials said the backlog would take about ten days to clear, according to a statement.</p>
<p>The union said its members had accepted a 7 percent raise, and that talks on working hours would continue next month.</p>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Strike spreads to rail</a></li></ul></aside>
</article>
</main>
<div id="comments"><p>Great article, thanks for sharing this with us all today!</p></div>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>"##;

#[test]
fn html_main_text_title_date() {
    let dir = tmp();
    let path = write(dir.path(), "page.html", PAGE.as_bytes());
    let d = article(&path, &Options::default());
    assert_eq!(
        d.text,
        "Port reopens after three-week strike\n\n\
         The country's largest port reopened on Monday after dock workers ended a three-week strike over pay, the port authority said.\n\n\
         Ships that had waited offshore began to unload, and officials said the backlog would take about ten days to clear, according to a statement.\n\n\
         The union said its members had accepted a 7 percent raise, and that talks on working hours would continue next month."
    );
    assert_eq!(d.title.as_deref(), Some("Port reopens after three-week strike"));
    assert_eq!(d.published.map(|p| p.to_string()).as_deref(), Some("2024-03-12T10:05"));
    assert_eq!(d.published_source, Some(DateSource::Meta));
    assert_eq!(d.url.as_deref(), Some("https://news.example.com/port-reopens"));
    assert_eq!(d.id, Document::compute_id("https://news.example.com/port-reopens", &d.text));
    assert_eq!(zones(&d), ["Title:Port reopens after three-week strike"]);
}

#[test]
fn html_date_sources_and_titles() {
    let body = "<p>The country's largest port reopened on Monday after dock workers ended a three-week strike over pay.</p>";
    for (head, extra_body, title, date, source) in [
        (
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"x","datePublished":"2023-05-06T07:08:00Z"}]}</script><title>Dock strike ends - Example News</title>"#,
            "",
            Some("Dock strike ends"),
            Some("2023-05-06T07:08"),
            Some(DateSource::JsonLd),
        ),
        (
            "<title>Dock strike ends</title>",
            r#"<p class="byline">By Jane Roe <time datetime="2022-11-01">1 November</time></p>"#,
            Some("Dock strike ends"),
            Some("2022-11-01"),
            Some(DateSource::TimeElement),
        ),
        (
            r#"<meta name="date" content="Tue, 12 Mar 2024 10:05:00 GMT">"#,
            "<h1>Dock strike ends</h1>",
            Some("Dock strike ends"),
            Some("2024-03-12T10:05"),
            Some(DateSource::Meta),
        ),
        (
            "",
            "<p>Published: 3 April 2021</p>",
            None,
            Some("2021-04-03"),
            Some(DateSource::Dateline),
        ),
    ] {
        let html = format!(
            "<html><head>{head}</head><body><article>{extra_body}{body}</article></body></html>"
        );
        let dir = tmp();
        let d = article(&write(dir.path(), "p.htm", html.as_bytes()), &Options::default());
        assert_eq!(d.title.as_deref(), title, "{html}");
        assert_eq!(d.published.map(|p| p.to_string()).as_deref(), date, "{html}");
        assert_eq!(d.published_source, source, "{html}");
        assert!(d.text.contains("The country's largest port reopened"), "{}", d.text);
    }
}

/// Paragraphs of the fixed test article, in order.
const PARAS: [&str; 5] = [
    "The country's largest port reopened on Monday after dock workers ended a three-week strike over pay.",
    "Ships that had waited offshore began to unload, and officials said the backlog would take ten days to clear.",
    "The union said its members had accepted a 7 percent raise, and that talks on hours would continue.",
    "Exporters, who had warned of heavy losses, welcomed the deal but called for a review of port rules.",
    "The government, which had offered to mediate, said it would propose a law on strikes in ports.",
];

#[test]
fn html_layouts() {
    let p = |i: usize| format!("<p>{}</p>", PARAS[i]);
    let teaser = "<div class=\"teasers\"><div><a href=\"/1\">Rail strike spreads to the north as unions call for talks</a></div><div><a href=\"/2\">Markets fall on fears of a long dispute over pay in the ports</a></div></div>";
    let layouts = [
        // Every paragraph in its own wrapper (block-per-paragraph sites).
        format!(
            "<main><article>{}</article></main>{teaser}",
            (0..5)
                .map(|i| format!("<div data-component=\"text-block\">{}</div>", p(i)))
                .collect::<String>()
        ),
        // Columns: the text split over sibling containers.
        format!(
            "<section name=\"articleBody\"><div class=\"column\"><div>{}{}</div></div><div class=\"column\"><div>{}{}</div></div><div class=\"column\"><div>{}</div></div></section>{teaser}",
            p(0),
            p(1),
            p(2),
            p(3),
            p(4)
        ),
        // Text in divs with line breaks, no <p>.
        format!(
            "<div id=\"story\"><div>{}<br><br>{}<br>{}<br>{}<br>{}</div></div>",
            PARAS[0], PARAS[1], PARAS[2], PARAS[3], PARAS[4]
        ),
        // Furniture inside the article: share bar, ad, caption, newsletter box, hidden text.
        format!(
            "<article>{}<div class=\"social-share\"><a>Share on X</a></div>{}<div class=\"advert\">Advertisement. Buy our new product today, it is great.</div>{}<div class=\"image-caption\">Dockers in the port. Getty Images</div><div class=\"newsletter-signup\"><p>Sign up for our morning briefing, it is free and it is delivered daily.</p></div>{}<p hidden>Hidden text that a reader never sees on the page at all.</p>{}</article>",
            p(0),
            p(1),
            p(2),
            p(3),
            p(4)
        ),
        // A side column of story summaries (not links, no telling class) beside the story.
        format!(
            "<div class=\"page\"><div class=\"main\"><div id=\"story\">{}{}{}{}{}</div></div><div class=\"rail\"><p>Elsewhere, farmers protest at low grain prices in the capital.</p><p>Elsewhere, a new bridge opens in the north after years of delay.</p></div></div>",
            p(0),
            p(1),
            p(2),
            p(3),
            p(4)
        ),
    ];
    for body in layouts {
        let html = format!(
            "<html><head><title>Port reopens after strike - Example</title></head><body><nav><ul><li><a href=\"/\">Home</a></li></ul></nav>{body}<footer><p>About us, contact, careers, terms of use and privacy policy.</p></footer></body></html>"
        );
        let dir = tmp();
        let d = article(&write(dir.path(), "l.html", html.as_bytes()), &Options::default());
        let expect = format!("Port reopens after strike\n\n{}", PARAS.join("\n\n"));
        assert_eq!(d.text, expect, "{body}");
    }
}

#[test]
fn html_declared_charset() {
    let html = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 owners protest</title></head><body><p>Caf\xe9 owners in Z\xfcrich protested on Monday against the new \x93terrace tax\x94, organisers said.</p></body></html>";
    let dir = tmp();
    let d = article(&write(dir.path(), "c.html", html), &Options::default());
    assert_eq!(d.title.as_deref(), Some("Café owners protest"));
    assert!(d.text.ends_with("Café owners in Zürich protested on Monday against the new “terrace tax”, organisers said."), "{}", d.text);
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

#[test]
fn json_lines_records_and_a_broken_line() {
    let lines = [
        r#"{"id": "a1", "url": "https://x.example/1", "title": "Port reopens", "date": "2024-03-12", "body": "The port reopened on Monday after the strike ended.", "topics": ["trade"]}"#,
        r#"{"id": 7, "headline": "Rail strike spreads", "published": "Tue, 12 Mar 2024 10:05:00 GMT", "text": "Rail workers joined the strike on Tuesday, the union said."}"#,
        r#"{"id": "a3", "title": "Broken", "body": "this line is cut off"#,
        "",
        r#"{"id": "a4", "title": "Talks planned", "date": "March 3, 2020", "body": "Both sides said they would meet next week."}"#,
        r#"{"id": "a5", "title": "Talks planned", "date": "sometime soon", "body": "Both sides said they would meet next week."}"#,
        r#"["not", "an", "object"]"#,
        r#"{"id": "a8", "title": "", "body": ""}"#,
        r#"{"id": "a9", "title": "Le port rouvre", "body": "Le port a rouvert lundi après la fin de la grève des dockers, a indiqué l'autorité portuaire dans un communiqué."}"#,
    ];
    let dir = tmp();
    let path = write(dir.path(), "news.jsonl", lines.join("\n").as_bytes());
    let p = path.display().to_string();
    let out = run(&path, &Options::default());
    let summary: Vec<String> = out
        .iter()
        .map(|r| match r {
            Ok(Outcome::Article(d)) => format!(
                "article {} {} {:?} {:?}",
                d.source,
                d.source_id.as_deref().unwrap_or("-"),
                d.published.map(|p| p.to_string()),
                d.published_source
            ),
            Ok(Outcome::Skipped { source, reason }) => format!("skipped {source} {reason}"),
            Err(e) => {
                assert!(e.to_string().contains(&p), "{e}");
                format!("error {}", e.input())
            }
        })
        .collect();
    assert_eq!(
        summary,
        [
            format!("article {p}:1 a1 Some(\"2024-03-12\") Some(Field)"),
            format!("article {p}:2 7 Some(\"2024-03-12T10:05\") Some(Field)"),
            format!("error {p}:3"),
            format!("article {p}:5 a4 Some(\"2020-03-03\") Some(Field)"),
            format!("article {p}:6 a5 None None"),
            format!("error {p}:7"),
            format!("error {p}:8"),
            format!("skipped {p}:9 non-English (fr)"),
        ]
    );
    let Ok(Outcome::Article(first)) = &out[0] else { unreachable!() };
    assert_eq!(first.text, "Port reopens\n\nThe port reopened on Monday after the strike ended.");
    assert_eq!(zones(first), ["Title:Port reopens"]);
    assert_eq!(first.url.as_deref(), Some("https://x.example/1"));
    assert_eq!(first.metadata.get("topics"), Some(&serde_json::json!(["trade"])));
    assert_eq!(first.id, Document::compute_id("a1", &first.text));
    let Ok(Outcome::Article(undated)) = &out[4] else { unreachable!() };
    assert_eq!(undated.metadata.get("date"), Some(&serde_json::json!("sometime soon")));
}

#[test]
fn json_lines_stream_lazily() {
    /// A reader that counts what has been read from it.
    struct Counting<R> {
        inner: R,
        read: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    }
    impl<R: std::io::Read> std::io::Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.read.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
            Ok(n)
        }
    }
    let line = r#"{"id": "x", "title": "Port reopens", "body": "The port reopened on Monday after the strike ended, officials said."}"#;
    let data: String = std::iter::repeat_n(format!("{line}\n"), 20_000).collect();
    let total = data.len();
    let read = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let reader = Counting { inner: std::io::Cursor::new(data.into_bytes()), read: read.clone() };
    let mut it = extract::from_reader(
        Box::new(std::io::BufReader::new(reader)),
        "<stdin>",
        &Options::default(),
    );
    assert!(matches!(it.next(), Some(Ok(Outcome::Article(_)))));
    let after_first = read.load(std::sync::atomic::Ordering::Relaxed);
    assert!(after_first < 256 << 10, "read {after_first} of {total} bytes for the first record");
    assert_eq!(it.count(), 19_999);
}

#[test]
fn json_file_with_an_array() {
    let dir = tmp();
    let json = r#"[
  {"id": "1", "title": "Port reopens", "body": "The port reopened on Monday after the strike ended."},
  {"id": "2", "title": "Rail strike spreads", "body": "Rail workers joined the strike on Tuesday."}
]"#;
    let path = write(dir.path(), "items.json", json.as_bytes());
    let sources: Vec<String> = run(&path, &Options::default())
        .into_iter()
        .map(|r| match r {
            Ok(Outcome::Article(d)) => d.source,
            other => panic!("{other:?}"),
        })
        .collect();
    let p = path.display();
    assert_eq!(sources, [format!("{p}#1"), format!("{p}#2")]);
}

// ---------------------------------------------------------------------------------------------
// Feeds

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Wire</title><link>https://wire.example</link>
<item>
  <title>Port reopens after strike</title>
  <link>https://wire.example/port</link>
  <guid isPermaLink="false">wire-1</guid>
  <pubDate>Tue, 12 Mar 2024 10:05:00 GMT</pubDate>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>The port reopened on Monday after dock workers ended their strike.</p><figure><figcaption>Dockers. Reuters</figcaption></figure><p>Ships began to unload &amp; the backlog will clear soon.</p>]]></content:encoded>
  <category>Trade</category>
</item>
<item>
  <title>Broken item</title>
  <link>https://wire.example/broken</link>
  <description>unclosed <b>bold</description>
</item>
<item>
  <title>Rail strike &amp; protests spread</title>
  <link>https://wire.example/rail</link>
  <dc:date>2024-03-13T08:00:00Z</dc:date>
  <description>&lt;p&gt;Rail workers joined the strike on Tuesday, the union said.&lt;/p&gt;</description>
</item>
</channel></rss>"#;

#[test]
fn rss_items_and_a_malformed_one() {
    let dir = tmp();
    let path = write(dir.path(), "wire.xml", RSS.as_bytes());
    let p = path.display().to_string();
    let out = run(&path, &Options::default());
    assert_eq!(out.len(), 3, "{out:?}");
    let Ok(Outcome::Article(a)) = &out[0] else { panic!("{:?}", out[0]) };
    assert_eq!(a.source, format!("{p}#1"));
    assert_eq!(a.title.as_deref(), Some("Port reopens after strike"));
    assert_eq!(
        a.text,
        "Port reopens after strike\n\nThe port reopened on Monday after dock workers ended their strike.\n\nShips began to unload & the backlog will clear soon."
    );
    assert_eq!(a.url.as_deref(), Some("https://wire.example/port"));
    assert_eq!(a.source_id.as_deref(), Some("wire-1"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-03-12T10:05"));
    assert_eq!(a.published_source, Some(DateSource::Field));
    assert_eq!(a.metadata.get("feed_title"), Some(&serde_json::json!("Example Wire")));
    assert_eq!(a.metadata.get("categories"), Some(&serde_json::json!(["Trade"])));
    match &out[1] {
        Err(e) => {
            assert_eq!(e.input(), format!("{p}#2"));
            assert!(e.to_string().contains(&p), "{e}");
        }
        other => panic!("{other:?}"),
    }
    let Ok(Outcome::Article(c)) = &out[2] else { panic!("{:?}", out[2]) };
    assert_eq!(c.source, format!("{p}#3"));
    assert_eq!(
        c.text,
        "Rail strike & protests spread\n\nRail workers joined the strike on Tuesday, the union said."
    );
    assert_eq!(c.published.map(|d| d.to_string()).as_deref(), Some("2024-03-13T08:00"));
    assert_eq!(c.source_id.as_deref(), Some("https://wire.example/rail"));
}

#[test]
fn atom_entries() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry>
  <title type="html">Port &lt;em&gt;reopens&lt;/em&gt;</title>
  <link rel="alternate" href="https://atom.example/port"/>
  <link rel="enclosure" href="https://atom.example/port.jpg"/>
  <id>tag:atom.example,2024:1</id>
  <published>2024-03-12T10:05:00+01:00</published>
  <updated>2024-03-14T00:00:00Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The port reopened on Monday.</p><p>Ships began to unload.</p></div></content>
</entry>
<entry>
  <title>Rail strike spreads</title>
  <id>tag:atom.example,2024:2</id>
  <updated>2024-03-13T08:00:00Z</updated>
  <summary>Rail workers joined the strike on Tuesday, the union said.</summary>
</entry>
</feed>"#;
    let dir = tmp();
    let path = write(dir.path(), "feed.atom", atom.as_bytes());
    let docs: Vec<Document> = run(&path, &Options::default())
        .into_iter()
        .map(|r| match r {
            Ok(Outcome::Article(d)) => *d,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].text,
        "Port reopens\n\nThe port reopened on Monday.\n\nShips began to unload."
    );
    assert_eq!(docs[0].url.as_deref(), Some("https://atom.example/port"));
    assert_eq!(docs[0].source_id.as_deref(), Some("tag:atom.example,2024:1"));
    assert_eq!(docs[0].published.map(|d| d.to_string()).as_deref(), Some("2024-03-12T10:05"));
    assert_eq!(
        docs[1].text,
        "Rail strike spreads\n\nRail workers joined the strike on Tuesday, the union said."
    );
    assert_eq!(docs[1].published.map(|d| d.to_string()).as_deref(), Some("2024-03-13T08:00"));
}

#[test]
fn feed_in_a_declared_encoding() {
    let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9 news</title>\n<item><title>Caf\xe9 owners protest</title><guid>c1</guid><description>Owners of caf\xe9s in Z\xfcrich protested on Monday.</description></item>\n</channel></rss>";
    let dir = tmp();
    let d = article(&write(dir.path(), "latin.rss", xml), &Options::default());
    assert_eq!(
        d.text,
        "Caf\u{e9} owners protest\n\nOwners of caf\u{e9}s in Z\u{fc}rich protested on Monday."
    );
    assert_eq!(d.metadata.get("encoding"), Some(&serde_json::json!("windows-1252")));
}

// ---------------------------------------------------------------------------------------------
// Language

#[test]
fn non_english_is_skipped_with_a_reason() {
    for (name, text, reason) in [
        (
            "fr.txt",
            "Le port rouvre après la grève\n\nLe port a rouvert lundi après la fin de la grève des dockers, a indiqué l'autorité portuaire dans un communiqué publié dans la soirée.",
            "non-English (fr)",
        ),
        (
            "de.txt",
            "Hafen nach Streik wieder offen\n\nDer Hafen wurde am Montag nach dem Ende des Streiks der Hafenarbeiter wieder geöffnet, teilte die Hafenbehörde in einer Erklärung mit.",
            "non-English (de)",
        ),
        (
            "ru.txt",
            "Порт возобновил работу\n\nПорт возобновил работу в понедельник после окончания забастовки докеров, сообщили в администрации порта.",
            "non-English (ru)",
        ),
    ] {
        let dir = tmp();
        let path = write(dir.path(), name, text.as_bytes());
        let out = run(&path, &Options::default());
        match &out[..] {
            [Ok(Outcome::Skipped { source, reason: r })] => {
                assert_eq!(source, &path.display().to_string());
                assert_eq!(r, reason);
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // Headlines in capitals and tables of figures are English.
    for text in [
        "BAHIA COCOA REVIEW\n\nSHOWERS CONTINUED THROUGHOUT THE WEEK IN THE COCOA ZONE, ALLEVIATING THE DROUGHT.",
        "ACME CORP 4TH QTR NET\n\nShr profit 10 cts vs loss seven cts\nNet profit 286,870 vs loss 156,124\nRevs 10.0 mln vs 7,577,207\nYear\nShr profit five cts vs profit 42 cts",
    ] {
        let dir = tmp();
        let d = article(&write(dir.path(), "en.txt", text.as_bytes()), &Options::default());
        assert_eq!(d.language.as_deref(), Some("en"));
    }
}

// ---------------------------------------------------------------------------------------------
// Bad input

#[test]
fn bad_files_are_clear_errors_naming_the_file() {
    let dir = tmp();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    let mut nul = b"Some text then ".to_vec();
    nul.extend_from_slice(&[0, 0, 0, 1, 2, 3]);
    for (name, bytes, expect) in [
        ("image.txt", png, "PNG"),
        ("data.bin", nul, "NUL"),
        ("archive.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00\x00".to_vec(), "gzip"),
        ("empty.txt", Vec::new(), "empty file"),
        ("blank.txt", b"  \n\n\t\n".to_vec(), "no text"),
        ("nobody.html", b"<html><head><title>Only a title</title></head></html>".to_vec(), "without a body"),
        ("navonly.html", b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>".to_vec(), "no article text"),
        ("sitemap.xml", b"<?xml version=\"1.0\"?><urlset><url><loc>https://x</loc></url></urlset>".to_vec(), "not an RSS or Atom feed"),
        ("nofeed.rss", b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Empty</title></channel></rss>".to_vec(), "no items"),
    ] {
        let path = write(dir.path(), name, &bytes);
        let e = error(&path, &Options::default());
        assert!(e.to_string().contains(expect), "{name}: {e}");
    }
}

#[test]
fn pathological_markup_does_not_panic() {
    let deep = "<div>".repeat(100_000)
        + "The port reopened on Monday after the strike ended, officials said."
        + &"</div>".repeat(100_000);
    let cases = [
        ("deep.html", format!("<html><body>{deep}</body></html>")),
        ("unclosed.html", "<html><body><p>The port reopened <b>on Monday <i>after <p>the strike".to_string()),
        ("deep.rss", format!("<rss><channel><item><title>Deep</title><description><![CDATA[{deep}]]></description></item></channel></rss>")),
        ("entities.rss", "<rss><channel><item><title>A &nbsp; &bogus; &#xFFFFFF; &#0; title</title></item></channel></rss>".to_string()),
    ];
    for (name, text) in cases {
        let dir = tmp();
        let path = write(dir.path(), name, text.as_bytes());
        let out = run(&path, &Options::default());
        if name == "deep.html" {
            assert!(matches!(&out[..], [Err(e)] if e.to_string().contains("nested")), "{out:?}");
        }
        for r in out {
            match r {
                Ok(Outcome::Article(d)) => assert_zones_valid(&d),
                Ok(Outcome::Skipped { source, .. }) => assert!(source.contains(name)),
                Err(e) => assert!(e.to_string().contains(&path.display().to_string()), "{e}"),
            }
        }
    }
}

#[test]
fn invalid_utf8_is_read_as_windows_1252() {
    let dir = tmp();
    let path = write(
        dir.path(),
        "latin.txt",
        b"Caf\xe9 owners protest\n\nOwners of caf\xe9s protested against the new tax on Monday.",
    );
    let d = article(&path, &Options::default());
    assert_eq!(
        d.text,
        "Café owners protest\n\nOwners of cafés protested against the new tax on Monday."
    );
    assert_eq!(d.metadata.get("encoding"), Some(&serde_json::json!("windows-1252")));
    // A JSON line that is not UTF-8 likewise.
    let path = write(dir.path(), "latin.jsonl", b"{\"title\": \"Caf\xe9 owners protest\", \"body\": \"Owners of caf\xe9s protested on Monday.\"}\n");
    let d = article(&path, &Options::default());
    assert_eq!(d.title.as_deref(), Some("Café owners protest"));
    assert_eq!(d.metadata.get("encoding"), Some(&serde_json::json!("windows-1252")));
}

/// Peak resident memory of this process, from /proc (Linux), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn a_100_mb_text_file_is_refused_without_being_read() {
    let dir = tmp();
    // Text at the start (what the format sniffing sees), then a sparse 100 MB.
    let path = dir.path().join("huge.txt");
    let mut f = std::fs::File::create(&path).expect("create");
    f.write_all(b"A very long article\n\n").expect("write");
    for _ in 0..1000 {
        f.write_all(b"It starts like any other article, then goes on and on.\n").expect("write");
    }
    f.set_len(100 << 20).expect("sparse");
    drop(f);
    let started = std::time::Instant::now();
    let e = error(&path, &Options::default());
    assert!(matches!(e, Error::TooLarge { bytes, .. } if bytes == 100 << 20), "{e}");
    assert!(e.to_string().contains("104857600"), "{e}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));

    // All zero bytes (a sparse file and nothing else) is binary.
    let zeros = dir.path().join("zeros.txt");
    std::fs::File::create(&zeros).and_then(|f| f.set_len(100 << 20)).expect("sparse");
    let e = error(&zeros, &Options::default());
    assert!(matches!(e, Error::Binary { .. }), "{e}");
}

/// Runs `test` alone in a child process (peak memory is per process, and tests share one), with
/// `SITREP_CHILD` set; true in the child.
fn in_child(test: &str) -> bool {
    if std::env::var_os("SITREP_CHILD").is_some() {
        return true;
    }
    let exe = std::env::current_exe().expect("test binary");
    let out = std::process::Command::new(exe)
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env("SITREP_CHILD", "1")
        .output()
        .expect("run child");
    let log =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && log.contains("1 passed"), "child failed:\n{log}");
    false
}

#[test]
fn a_100_mb_json_lines_file_streams_in_bounded_memory() {
    if !in_child("a_100_mb_json_lines_file_streams_in_bounded_memory") {
        return;
    }
    let dir = tmp();
    let path = dir.path().join("huge.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    let good = br#"{"id": "ok", "title": "Port reopens", "body": "The port reopened on Monday after the strike ended."}"#;
    f.write_all(good).expect("write");
    f.write_all(b"\n{\"id\": \"big\", \"body\": \"").expect("write");
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..100 {
        f.write_all(&chunk).expect("write");
    }
    f.write_all(b"\"}\n").expect("write");
    f.write_all(good).expect("write");
    f.write_all(b"\n").expect("write");
    drop(f);
    drop(chunk);
    let before = peak_rss();
    let opts = Options::default();
    let out = run(&path, &opts);
    let after = peak_rss();
    let p = path.display().to_string();
    let kinds: Vec<String> = out
        .iter()
        .map(|r| match r {
            Ok(Outcome::Article(d)) => format!("article {}", d.source),
            Ok(Outcome::Skipped { source, .. }) => format!("skipped {source}"),
            Err(e) => {
                assert!(e.to_string().contains(&p), "{e}");
                format!("error {}", e.input())
            }
        })
        .collect();
    assert_eq!(kinds, [format!("article {p}:1"), format!("error {p}:2"), format!("article {p}:3")]);
    assert!(matches!(out[1], Err(Error::TooLarge { .. })), "{:?}", out[1]);
    if let (Some(b), Some(a)) = (before, after) {
        let limit = (opts.max_article_bytes as u64) * 4 + (1 << 20) + (16 << 20);
        eprintln!("peak memory grew by {} bytes (limit {limit})", a.saturating_sub(b));
        assert!(a.saturating_sub(b) < limit, "peak memory grew by {} bytes", a - b);
    }
}

#[test]
fn files_that_vanish_or_cannot_be_read() {
    let dir = tmp();
    let gone = write(dir.path(), "gone.txt", b"Title\n\nText.");
    let listed: Vec<PathBuf> =
        extract::walk(&[dir.path().to_path_buf()]).map(|r| r.expect("walk")).collect();
    assert_eq!(listed, std::slice::from_ref(&gone));
    std::fs::remove_file(&gone).expect("remove");
    let e = error(&gone, &Options::default());
    assert!(matches!(e, Error::Io { .. }), "{e}");

    // A directory given as a file, and a dangling symlink (chmod 000 still reads as root).
    let sub = dir.path().join("sub.txt");
    std::fs::create_dir(&sub).expect("mkdir");
    let e = error(&sub, &Options::default());
    assert!(matches!(e, Error::Io { .. }), "{e}");
    #[cfg(unix)]
    {
        let link = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).expect("symlink");
        let e = error(&link, &Options::default());
        assert!(matches!(e, Error::Io { .. }), "{e}");
        // walk reports the broken link too, and carries on.
        let walked: Vec<_> =
            extract::walk(&[dir.path().to_path_buf(), dir.path().join("missing")]).collect();
        for bad in ["missing", "dangling.txt"] {
            assert!(
                walked.iter().any(|r| r.as_ref().is_err_and(|e| e.to_string().contains(bad))),
                "{bad}: {walked:?}"
            );
        }
    }
}

#[test]
fn limits_on_files_and_articles() {
    let dir = tmp();
    let text = "Title\n\n".to_string() + &"Words and more words. ".repeat(200);
    let path = write(dir.path(), "a.txt", text.as_bytes());
    let small_file = Options { max_file_bytes: 1000, ..Options::default() };
    let e = error(&path, &small_file);
    assert!(matches!(e, Error::TooLarge { limit: 1000, .. }), "{e}");
    let small_article = Options { max_article_bytes: 1000, ..Options::default() };
    let e = error(&path, &small_article);
    assert!(matches!(e, Error::TooLarge { limit: 1000, .. }), "{e}");
    // From a stream, without a size to look at first.
    let out: Vec<_> = extract::from_reader(
        Box::new(std::io::Cursor::new(text.into_bytes())),
        "<stdin>",
        &small_file,
    )
    .collect();
    assert!(
        matches!(&out[..], [Err(Error::TooLarge { input, .. })] if input == "<stdin>"),
        "{out:?}"
    );
}

#[test]
fn walk_is_recursive_and_sorted() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("b/c")).expect("mkdir");
    for name in ["b/c/z.txt", "b/a.txt", "a.txt"] {
        write(dir.path(), name, b"x");
    }
    let got: Vec<String> = extract::walk(&[dir.path().to_path_buf()])
        .map(|r| r.expect("walk").strip_prefix(dir.path()).expect("prefix").display().to_string())
        .collect();
    assert_eq!(got, ["a.txt", "b/a.txt", "b/c/z.txt"]);
}

#[test]
fn standard_input_formats() {
    let feed = RSS.as_bytes().to_vec();
    let jsonl = b"{\"id\": \"1\", \"title\": \"Port reopens\", \"body\": \"The port reopened on Monday.\"}\n".to_vec();
    let text = ARTICLE.as_bytes().to_vec();
    for (bytes, articles) in [(feed, 2), (jsonl, 1), (text, 1)] {
        let out: Vec<_> =
            extract::from_reader(Box::new(std::io::Cursor::new(bytes)), "-", &Options::default())
                .collect();
        let n = out.iter().filter(|r| matches!(r, Ok(Outcome::Article(_)))).count();
        assert_eq!(n, articles, "{out:?}");
    }
}

#[test]
fn zones_never_cut_characters_in_real_shapes() {
    let text = "Überschrift? No — “Zürich” talks end\n\nThe mayor of Zürich, Corine Mauch, said talks had ended. © 2024 Example\n\nLe maire a parlé. AFP via Getty Images\n\nÉditorial: 12 mars 2024";
    let dir = tmp();
    let d = article(&write(dir.path(), "z.txt", text.as_bytes()), &Options::default());
    assert_zones_valid(&d);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check_all(bytes: Vec<u8>) {
        for r in
            extract::from_reader(Box::new(std::io::Cursor::new(bytes)), "prop", &Options::default())
        {
            match r {
                Ok(Outcome::Article(d)) => assert_zones_valid(&d),
                Ok(Outcome::Skipped { source, .. }) => assert!(source.starts_with("prop")),
                Err(e) => assert!(e.to_string().contains("prop"), "{e}"),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            check_all(bytes);
        }

        #[test]
        fn any_text_never_panics(text in "(?s)[A-Za-zÀ-ÿ0-9 .,:;|()<>/&#\"'’“”\\-\n—–©]{0,600}") {
            check_all(text.clone().into_bytes());
            let with_tags = format!("<html><body><p>{text}</p></body></html>");
            check_all(with_tags.into_bytes());
            let feed = format!("<rss><channel><item><title>{text}</title><description>{text}</description></item></channel></rss>");
            check_all(feed.into_bytes());
            let line = serde_json::json!({"title": text, "body": text}).to_string();
            check_all(line.into_bytes());
        }

        #[test]
        fn plain_text_is_kept_byte_for_byte(text in "[A-Za-z0-9 .,:\n]{1,400}") {
            prop_assume!(!text.trim().is_empty());
            let out: Vec<_> = extract::from_reader(Box::new(std::io::Cursor::new(text.clone().into_bytes())), "t.txt", &Options::default()).collect();
            if let [Ok(Outcome::Article(d))] = &out[..] {
                prop_assert_eq!(&d.text, &text);
                prop_assert!(d.zones.iter().all(|z| z.kind != ZoneKind::Body));
            }
        }
    }
}
