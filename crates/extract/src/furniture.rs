//! Page furniture found line by line in an article's text: publication datelines (`Updated:
//! September 29, 2023, 6:38 AM`), site boilerplate (`Share this article`, `Advertisement`,
//! copyright lines), photo and agency credits at the end of caption lines (`... in Moscow.
//! Reuters`, `AFP via Getty Images`, `Photo: AP`), and wire-service leads (`MOSCOW (Reuters) -`).
//!
//! The text is never changed: furniture becomes [`Zone`]s so that spans stay true. The rules
//! are general (agency and photo-service names, boilerplate phrasings), not any one article's.

use std::sync::LazyLock;

use regex::Regex;
use types::{PublicationDate, Span, Zone, ZoneKind};

use crate::date;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| unreachable!("static regex: {e}"))
}

/// A publication date read from a dateline line, with how much it is to be trusted: a
/// `Published`/`Posted` line beats a bare date, which beats an `Updated` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    pub date: PublicationDate,
    pub rank: u8,
    pub span: Span,
}

/// Furniture zones in `text[from..]` (in text order) and the best dateline's date.
pub fn scan(text: &str, from: usize) -> (Vec<Zone>, Option<Dateline>) {
    let mut zones = Vec::new();
    let mut best: Option<Dateline> = None;
    let lines: Vec<(usize, &str)> = lines(text, from).collect();
    let wrapped = is_hard_wrapped(&lines);
    let first = lines.iter().position(|(_, l)| !l.trim().is_empty());
    let mut prev_zoned = false;
    for (i, &(start, line)) in lines.iter().enumerate() {
        let Some(span) = trimmed(start, line) else {
            prev_zoned = false;
            continue;
        };
        let body = &text[span.start..span.end];
        // Furniture is a line of its own: it does not carry on the sentence of the line before
        // (unless that is the first line, a headline, or furniture itself), the next line does
        // not carry on its sentence, and it does not start in lower case.
        let prev = i.checked_sub(1).map(|j| lines[j].1.trim());
        let next = lines.get(i + 1).map(|(_, l)| l.trim());
        let joined_before = prev.is_some_and(|p| !p.is_empty() && !prev_zoned && !ends_sentence(p))
            && Some(i - 1) != first;
        let joined_after = next.is_some_and(starts_lower);
        let own_line = !joined_before && !joined_after && !starts_lower(body);
        let before = zones.len();
        if !own_line {
            // Only a wire lead may start a paragraph that runs on.
        } else if let Some(d) = dateline(body, span) {
            zones.push(Zone { kind: ZoneKind::Dateline, span });
            if best.is_none_or(|b| d.rank < b.rank) {
                best = Some(d);
            }
        } else if is_boilerplate(body) {
            zones.push(Zone { kind: ZoneKind::Boilerplate, span });
        } else if let Some(credit) = credit_suffix(body)
            && (credit.start == 0 || caption_stands_alone(&lines, i, wrapped))
        {
            let credit_span = Span::new(span.start + credit.start, span.start + credit.end);
            if let Some(caption) = trimmed(span.start, &text[span.start..credit_span.start]) {
                zones.push(Zone { kind: ZoneKind::Caption, span: caption });
            }
            zones.push(Zone { kind: ZoneKind::Credit, span: credit_span });
        }
        let paragraph_start = prev.is_none_or(str::is_empty);
        if zones.len() == before
            && paragraph_start
            && let Some(len) = wire_lead(body)
        {
            zones.push(Zone {
                kind: ZoneKind::Dateline,
                span: Span::new(span.start, span.start + len),
            });
            prev_zoned = false;
            continue;
        }
        prev_zoned = zones.len() > before;
    }
    if let Some(credit) = sign_off(text, from)
        && zones.last().is_none_or(|z| z.span.end <= credit.start)
    {
        zones.push(Zone { kind: ZoneKind::Credit, span: credit });
    }
    (zones, best)
}

/// A wire agency's sign-off ending the article (`... in the first quarter.\n REUTER`): the
/// agency's name as the last word, alone on its line or after the end of a sentence.
fn sign_off(text: &str, from: usize) -> Option<Span> {
    let body = text.get(from..)?.trim_end();
    // After the last whitespace character, whatever its width (a no-break space is two bytes).
    let word_start = body
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &body[word_start..];
    if !matches!(word, "REUTER" | "REUTERS" | "Reuter" | "Reuters" | "AFP" | "AP" | "UPI") {
        return None;
    }
    let before = body[..word_start].trim_end_matches([' ', '\t']);
    if !(before.is_empty() || before.ends_with('\n') || ends_sentence(before)) {
        return None;
    }
    Some(Span::new(from + word_start, from + body.len()))
}

fn starts_lower(s: &str) -> bool {
    s.starts_with(char::is_lowercase)
}

fn ends_sentence(s: &str) -> bool {
    s.ends_with(['.', '!', '?', ':', '"', '\u{201d}', '\u{2019}', ')', ']', '\u{2026}'])
}

/// Lines of `text` from byte `from`, each with its start offset (without the `\n`).
pub fn lines(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let rest = text.get(from..).unwrap_or("");
    let mut offset = from;
    rest.split('\n').map(move |line| {
        let start = offset;
        offset += line.len() + 1;
        (start, line)
    })
}

/// The span of `line` (starting at `start`) without surrounding white space; `None` if blank.
pub fn trimmed(start: usize, line: &str) -> Option<Span> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    Some(Span::new(start + lead, start + lead + t.len()))
}

// ---------------------------------------------------------------------------------------------
// Datelines

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)^
        (?:(last|first|originally)\s+)?
        (updated|published|posted|modified|released|issued|date|dated)
        (?:\s+(?:on|at))?\s*([:\-–]?)\s*
        (.+)$")
});

static WORDS: LazyLock<Regex> = LazyLock::new(|| re(r"[\p{L}]+"));

/// Words that may stand beside a date on a line that is only a date.
const DATE_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "at",
    "on",
    "of",
    "st",
    "nd",
    "rd",
    "th",
    "t",
    "z",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "eet",
    "eest",
    "msk",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "et",
    "pt",
    "ct",
    "ist",
    "jst",
    "aest",
    "aedt",
    "hkt",
    "sgt",
    "gst",
    "wat",
    "cat",
    "eat",
];

fn only_date_words(s: &str) -> bool {
    WORDS.find_iter(s).all(|w| DATE_WORDS.contains(&w.as_str().to_lowercase().as_str()))
}

/// A line that gives the publication date: `Updated: ...`, `Published ...`, `Posted on ...`,
/// `By X | Published ...`, or a line that is only a date (`Fri 29 Sep 2023 06.38 BST`).
fn dateline(line: &str, span: Span) -> Option<Dateline> {
    if line.len() > 160 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // The dateline may follow a byline or a section name and a separator (`By X | Updated ...`).
    let mut candidates = vec![line];
    for (i, c) in line.char_indices().take_while(|&(i, _)| i <= 80) {
        if matches!(c, '|' | '•' | '·') {
            candidates.push(line[i + c.len_utf8()..].trim_start());
        }
    }
    if let Some(c) = candidates.iter().find_map(|l| DATELINE.captures(l)) {
        let word = c.get(2)?.as_str().to_ascii_lowercase();
        let colon = !c.get(3)?.as_str().is_empty();
        if matches!(word.as_str(), "date" | "dated") && !colon {
            return None;
        }
        // What follows is a date (and time), up to a separator before other furniture.
        let rest = c.get(4)?.as_str();
        let rest = rest.split(['|', '•', '·']).next().unwrap_or(rest);
        if !only_date_words(rest) {
            return None;
        }
        let d = date::loose(rest).or_else(|| date::parse(rest))?;
        let qualifier = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
        let rank = match (qualifier.as_deref(), word.as_str()) {
            (Some("last"), _) | (_, "updated" | "modified") => 2,
            _ => 0,
        };
        return Some(Dateline { date: d, rank, span });
    }
    if line.len() <= 60
        && let Some(d) = date::loose(line).or_else(|| date::parse(line))
        && only_date_words(line)
    {
        return Some(Dateline { date: d, rank: 1, span });
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Boilerplate

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)^(?:
        (?:powered|translated)\s+by\s+(?:automated|automatic|machine|ai|google)\b.*
      | this\s+(?:article|story|content|page)\s+(?:was|has\s+been|is)\s+(?:automatically\s+|machine[-\s])?translated\b.*
      | (?:share|share\s+(?:this|the)\s+(?:article|story|page|post|link)|share\s+options?)
      | share\s+(?:on|via|to)\s+(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|telegram|pinterest|messenger|bluesky|threads)\b.*
      | (?:tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy\s+link|link\s+copied|save|bookmark|comments?|\d+\s+comments?)
      | (?:advertisement|advertising|advert|sponsored(?:\s+content)?|promoted(?:\s+content)?|paid\s+(?:content|post|partner\s+content)|ad|partner\s+content)
      | (?:story|article|text)\s+continues\s+(?:below|after).*
      | continue\s+reading\b.*
      | (?:sign\s+up|subscribe|register)(?:\s+(?:for|to|now|here|today)\b.*)?
      | (?:get|receive)\s+(?:our|the)\b.{0,60}\b(?:newsletter|app|alerts?|briefing)\b.*
      | newsletters?(?:\s+sign[\s-]?up)?
      | (?:read|see)\s+(?:more|also|next)\b.*
      | also\s+read\b.*
      | related(?:\s+(?:articles?|stories|content|coverage|topics|news|reading|links?))?\s*(?::.*)?
      | more\s+(?:on\s+this\s+story|from\s+\w+|stories|news)\s*(?::.*)?
      | (?:recommended|most\s+(?:read|popular|viewed|shared)|top\s+stories|latest\s+news|trending)\s*:?
      | watch\s*:.*
      | listen\s+to\s+(?:this\s+)?(?:article|story)\b.*
      | (?:click|tap)\s+here\b.*
      | follow\s+(?:us|me)\b.*
      | follow\b.{1,60}\bon\s+(?:twitter|x|facebook|instagram|linkedin|telegram|whatsapp|youtube|tiktok|threads|bluesky|google\s+news|mastodon)\b.*
      | ©.*
      | (?:\(c\)|copyright)\s*(?:©\s*)?\d{4}\b.*
      | .*\ball\s+rights\s+reserved\b.*
      | (?:additional\s+)?(?:reporting|writing|editing)\s+by\b[^.]{0,150}\.?
      | \((?:additional\s+)?reporting\s+by\b.*\)
      | our\s+standards\s*:.*
      | \d+\s+min(?:ute)?s?\s+read
      | skip\s+to\s+(?:main\s+)?content
      | (?:back\s+to\s+top|jump\s+to\b.*)
      | we\s+use\s+cookies\b.*
      | (?:download|get)\s+(?:the|our)\s+\w*\s*app\b.*
      | (?:tags?|topics?|filed\s+under)\s*:.*
      | (?:image|video|audio)\s+(?:caption|source)\s*:?
    )\s*$")
});

/// Site furniture: a short line that is a button, a promotion, a copyright notice or a
/// translation notice.
pub fn is_boilerplate(line: &str) -> bool {
    line.len() <= 200 && (BOILERPLATE.is_match(line) || is_byline(line))
}

/// `By Jane Roe`, `By Jane Roe and John Doe, Reuters`, `By Jane Roe | Political correspondent`:
/// a line of names after `By` (the writer is not a party to the story).
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{L}'’.\-]*";
    let joiner = r"(?:,|and|&|de|van|von|der|al|bin|da|di|la|le)";
    re(&format!(r"^By\s+{name}(?:\s*(?:{name}|{joiner}))*(?:\s*[,|–—]\s*[^.!?]{{0,60}})?$"))
});

fn is_byline(line: &str) -> bool {
    line.len() <= 120 && line.starts_with("By ") && BYLINE.is_match(line)
}

// ---------------------------------------------------------------------------------------------
// Credits and captions

/// News agencies and photo services whose names end a caption as its credit.
const AGENCIES: &str = r"(?:Reuters|Reuter|AFP|AP|Associated\s+Press|EPA(?:-EFE)?|EFE|Getty(?:\s+Images)?|Anadolu(?:\s+Agency|\s+Ajansi)?|Xinhua|Shutterstock|Alamy(?:\s+Stock\s+Photo|\s+Live\s+News)?|PA(?:\s+Media|\s+Wire|\s+Images|\s+Archive)?|Bloomberg|Sipa(?:\s+USA|\s+Press)?|Sputnik|TASS|ITAR-TASS|RIA\s+Novosti|WANA|UPI|dpa|DPA|Kyodo(?:\s+News)?|Yonhap|ANSA|NurPhoto|SOPA\s+Images|LightRocket|ZUMA(?:\s+Press|\s+Wire)?|Zuma(?:\s+Press|\s+Wire)?|Rex(?:\s+Features)?|AAP(?:\s+Image)?|Imago(?:\s+Images)?|Abaca(?:press)?|Panos(?:\s+Pictures)?|Magnum(?:\s+Photos)?|Corbis|iStock(?:photo)?|Pool|POOL|Handout|HANDOUT|handout|Supplied|supplied|File(?:\s+photo)?|Wikimedia\s+Commons|Planet\s+Labs(?:\s+PBC)?|Maxar(?:\s+Technologies)?|WAM|SPA|SANA|IRNA|KCNA|Ukrinform|Press\s+Association|The\s+Canadian\s+Press|CP|Agence\s+France-Presse|NASA|Bloomberg\s+News|Mehr\s+News|Tasnim|Fars|Belga|ANP|Ritzau|NTB|TT|Lusa|PAP|CTK|MTI|BTA|Hina|Tanjug|Bernama|Antara|PTI|ANI|IANS)";

/// Agencies whose name in parentheses at the end of a line is a credit (`... rubble (Reuters)`).
const MAIN_AGENCIES: &str =
    r"Reuters|AFP|AP|EPA(?:-EFE)?|Getty\s+Images|Xinhua|Anadolu(?:\s+Agency)?|Shutterstock|Alamy";

/// A photographer's name: up to four capitalised words.
const NAME: &str = r"(?:\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})";

/// A whole credit (matched against a candidate tail of a line, anchored at both ends).
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let one = format!(r"(?:{NAME}\s*/\s*)?{AGENCIES}(?:\s*/\s*{NAME})?");
    let chain = format!(r"{one}(?:\s*(?:via|/|,|-|–|and)\s*{one})*");
    let main = format!(
        r"(?:{NAME}\s*/\s*)?(?:{MAIN_AGENCIES})(?:\s*(?:via|/)\s*(?:{MAIN_AGENCIES}|{NAME}))*"
    );
    let photo = format!(r"(?:(?:AP|AFP|Reuters|EPA)\s+Photo(?:\s*/\s*{NAME})?)");
    re(&format!(r"^(?:\((?:{LABELLED}|{photo}|{main})\)|{LABELLED}|{photo}|{chain})\.?$"))
});

/// `Photo: ...`, `Photograph: ...`, `Image credit: ...`.
const LABELLED: &str = r"(?:(?:Photo(?:graph)?|Picture|Pic|Image|Credit|Photo\s+credit|Image\s+credit|Illustration|Source|Video)s?\s*:\s*[^:]{2,80}?)";

/// A cheap first test: the end of the line names an agency or a photo label.
static CREDIT_HINT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?:{AGENCIES}|Photo|Picture|Pic|Image|Credit|Illustration|Source|Video)"))
});

static LABEL_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:Photo(?:graph)?|Picture|Pic|Image|Credit|Illustration|Source|Video)s?(?:\s+credit)?\s*:",
    )
});

/// Longest credit, in bytes.
const MAX_CREDIT: usize = 120;

/// Where the credit at the end of `line` lies (byte range within the line), if the line ends
/// with one: the whole line is a credit; or it follows the end of a caption sentence (or a
/// `|`/dash separator); or it is in parentheses or labelled (`Photo: ...`).
fn credit_suffix(line: &str) -> Option<std::ops::Range<usize>> {
    let end = line.trim_end().len();
    if end > 600 {
        return None;
    }
    let mut tail_start = end.saturating_sub(MAX_CREDIT);
    while !line.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    if !CREDIT_HINT.is_match(&line[tail_start..end]) {
        return None;
    }
    // Candidate starts, left to right: the line start, after a sentence end or separator, an
    // opening parenthesis, a photo label.
    let mut starts: Vec<usize> = vec![0];
    let bytes = line.as_bytes();
    for (i, c) in line[..end].char_indices() {
        if i < tail_start.saturating_sub(4) {
            continue;
        }
        if c == '(' && i > 0 && bytes[i - 1].is_ascii_whitespace() {
            starts.push(i);
        }
        if c.is_whitespace() && i > 0 {
            let before = line[..i].trim_end();
            let after = i + line[i..].len() - line[i..].trim_start().len();
            let prev = before.chars().next_back();
            let sentence = prev.is_some_and(|p| {
                matches!(p, '.' | '!' | '?' | '…' | '”' | '"' | '’' | '\'' | ')' | ']')
            });
            let dash = prev.is_some_and(|p| matches!(p, '|' | '–' | '—' | '-'))
                && before[..before.len() - prev.map_or(0, char::len_utf8)]
                    .ends_with(char::is_whitespace);
            if (sentence || dash) && after < end {
                starts.push(after);
            }
        }
    }
    for m in LABEL_START.find_iter(&line[tail_start..end]) {
        starts.push(tail_start + m.start());
    }
    starts.sort_unstable();
    starts.dedup();
    starts
        .into_iter()
        .filter(|&s| end - s <= MAX_CREDIT)
        .find(|&s| CREDIT.is_match(&line[s..end]))
        .map(|s| s..end)
}

/// A caption line is a paragraph of its own: the next line does not carry its sentence on, and in
/// hard-wrapped text (where one line is not one paragraph) blank lines or furniture surround it.
fn caption_stands_alone(lines: &[(usize, &str)], i: usize, wrapped: bool) -> bool {
    let next = lines.get(i + 1).map(|(_, l)| l.trim());
    if next.is_some_and(|n| n.starts_with(|c: char| c.is_lowercase())) {
        return false;
    }
    if !wrapped {
        return true;
    }
    let apart = |l: Option<&str>| l.is_none_or(|l| l.is_empty() || is_furniture_line(l));
    let prev = i.checked_sub(1).and_then(|j| lines.get(j)).map(|(_, l)| l.trim());
    apart(prev) && apart(next)
}

fn is_furniture_line(line: &str) -> bool {
    is_boilerplate(line)
        || dateline(line, Span::default()).is_some()
        || credit_suffix(line).is_some_and(|c| c.start == 0)
}

/// Newswire text wrapped at a fixed width: most lines that run on into the next are of similar
/// length and end without sentence punctuation.
fn is_hard_wrapped(lines: &[(usize, &str)]) -> bool {
    let (mut continued, mut wrapped_like) = (0usize, 0usize);
    for w in lines.windows(2) {
        let (line, next) = (w[0].1.trim_end(), w[1].1.trim());
        if line.trim().is_empty() || next.is_empty() {
            continue;
        }
        continued += 1;
        let n = line.chars().count();
        if (40..=100).contains(&n) && !line.ends_with(['.', '!', '?', ':', '"', '\u{201d}']) {
            wrapped_like += 1;
        }
    }
    continued >= 3 && wrapped_like * 10 >= continued * 6
}

// ---------------------------------------------------------------------------------------------
// Wire-service leads

static WIRE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"\p{Lu}{2,}[\p{Lu}.'’\-]*(?:\s+\p{Lu}{2,}[\p{Lu}.'’\-]*)*";
    let qualifier = r",\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*";
    let day = r",\s+\p{Lu}[a-z]{2,8}\.?\s+\d{1,2}";
    let agency = r"\((?:Reuters|AP|AFP|UPI|Bloomberg|dpa|Xinhua|IANS|PTI|ANI|CNN|Anadolu|Kyodo|Yonhap|TASS|BBC|Sputnik|AA|EFE)\)";
    re(&format!(
        r"^{place}(?:(?:{qualifier})?(?:{day})?\s*{agency}\s*[-–—]{{1,2}}|{qualifier}(?:{day})?\s*[–—]{{1,2}})\s"
    ))
});

/// The length of a wire lead at the start of a paragraph (`MOSCOW (Reuters) - `,
/// `KYIV, Ukraine — `), without the space after the dash.
fn wire_lead(line: &str) -> Option<usize> {
    let m = WIRE_LEAD.find(line)?;
    Some(m.as_str().trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Zones as `kind:text` strings, and the date.
    fn check(text: &str, zones: &[&str], date: Option<&str>) {
        let (got, dl) = scan(text, 0);
        let got: Vec<String> = got
            .iter()
            .map(|z| format!("{:?}:{}", z.kind, &text[z.span.start..z.span.end]))
            .collect();
        assert_eq!(got, zones, "text {text:?}");
        assert_eq!(dl.map(|d| d.date.to_string()).as_deref(), date, "text {text:?}");
    }

    #[test]
    fn datelines() {
        for (text, zones, date) in [
            (
                "Body.\n\nUpdated: September 29, 2023, 6:38 AM",
                &["Dateline:Updated: September 29, 2023, 6:38 AM"][..],
                Some("2023-09-29T06:38"),
            ),
            (
                "Published 12 March 2024 10:05 GMT\nBody.",
                &["Dateline:Published 12 March 2024 10:05 GMT"],
                Some("2024-03-12T10:05"),
            ),
            (
                "Posted on Jan. 5, 2021 at 3:15 p.m.",
                &["Dateline:Posted on Jan. 5, 2021 at 3:15 p.m."],
                Some("2021-01-05T15:15"),
            ),
            ("Last updated 2 May 2022", &["Dateline:Last updated 2 May 2022"], Some("2022-05-02")),
            (
                "By Jane Roe | Published March 3, 2020",
                &["Dateline:By Jane Roe | Published March 3, 2020"],
                Some("2020-03-03"),
            ),
            (
                "Fri 29 Sep 2023 06.38 BST",
                &["Dateline:Fri 29 Sep 2023 06.38 BST"],
                Some("2023-09-29T06:38"),
            ),
            (
                "Updated May 4, 2021\nPublished May 1, 2021",
                &["Dateline:Updated May 4, 2021", "Dateline:Published May 1, 2021"],
                Some("2021-05-01"),
            ),
            (
                "The deal was published on March 3, 2020, by the ministry, officials said.",
                &[],
                None,
            ),
            ("Updated: never", &[], None),
            ("On September 17, 2023 floods hit the city.", &[], None),
        ] {
            check(text, zones, date);
        }
    }

    #[test]
    fn boilerplate() {
        for (line, furniture) in [
            ("Powered by automated translation", true),
            ("Share this article", true),
            ("Share on Facebook", true),
            ("Advertisement", true),
            ("ADVERTISEMENT", true),
            ("Sign up for our daily newsletter", true),
            ("Subscribe to our newsletter", true),
            ("Read more: Floods in the east", true),
            ("Follow us on Twitter", true),
            ("Follow The Daily Planet on Instagram", true),
            ("© 2024 Example Media Ltd", true),
            ("Copyright 2023 The Example Post. All rights reserved.", true),
            ("All rights reserved.", true),
            ("Reporting by Jane Roe; Editing by John Doe", true),
            ("(Reporting by Jane Roe in Kyiv)", true),
            ("Story continues below advertisement", true),
            ("5 min read", true),
            ("Related: the war in the east", true),
            ("By Jane Roe", true),
            ("By Jane Roe and John Doe, Reuters", true),
            ("By Jane Roe | Political correspondent", true),
            ("By Ana María de la Cruz", true),
            ("By Monday the talks had collapsed.", false),
            ("By the end of the year, prices had doubled", false),
            ("Subscribers to the service complained about prices.", false),
            ("Related charges were filed on Monday against the two men.", false),
            ("Sharing the border, the two states often clash.", false),
            ("He said the advertisement was misleading.", false),
            ("Follow-up talks are planned for next week.", false),
            ("The reporting by the agency was criticised.", false),
        ] {
            let text = format!("Title\n\n{line}\n\nBody text follows here.");
            let want: &[String] =
                &if furniture { vec![format!("Boilerplate:{line}")] } else { vec![] };
            let want: Vec<&str> = want.iter().map(String::as_str).collect();
            check(&text, &want, None);
        }
    }

    #[test]
    fn credits_and_captions() {
        for (line, zones) in [
            (
                "Soldiers patrol the border near the town. Reuters",
                &["Caption:Soldiers patrol the border near the town.", "Credit:Reuters"][..],
            ),
            (
                "A rally in the capital on Sunday. AFP via Getty Images",
                &["Caption:A rally in the capital on Sunday.", "Credit:AFP via Getty Images"],
            ),
            (
                "The minister arrives for talks. Photo: AP",
                &["Caption:The minister arrives for talks.", "Credit:Photo: AP"],
            ),
            (
                "Smoke rises over the port. Photograph: Jane Roe/Reuters",
                &["Caption:Smoke rises over the port.", "Credit:Photograph: Jane Roe/Reuters"],
            ),
            (
                "Rescuers search the rubble (Reuters)",
                &["Caption:Rescuers search the rubble", "Credit:(Reuters)"],
            ),
            (
                "Delegates at the summit. EPA-EFE/Maxim Shipenkov",
                &["Caption:Delegates at the summit.", "Credit:EPA-EFE/Maxim Shipenkov"],
            ),
            (
                "Police at the scene. John Smith/AFP/Getty Images",
                &["Caption:Police at the scene.", "Credit:John Smith/AFP/Getty Images"],
            ),
            ("Getty Images", &["Credit:Getty Images"]),
            ("AP Photo/Jane Roe", &["Credit:AP Photo/Jane Roe"]),
            ("The opposition leader spoke to Reuters", &[]),
            ("Officials told AFP", &[]),
            ("He gave an interview to the AP.", &[]),
        ] {
            let text = format!("Title\n\n{line}\n\nBody text follows here.");
            check(&text, zones, None);
        }
        // A wire sign-off ends the article; a sentence that names the agency is no sign-off.
        check("Title\n\nBody text follows here.\n REUTER", &["Credit:REUTER"], None);
        check("Title\n\nTotal 55.8 (33.7).        REUTER\n", &["Credit:REUTER"], None);
        check("Title\n\nThe story was first reported by Reuters", &[], None);
        // A line that ends in an agency name but whose sentence goes on is not a caption.
        check("the minister said. Reuters\nreported the talks had stalled.", &[], None);
    }

    #[test]
    fn running_text_is_not_furniture() {
        let wrapped = |middle: &str| {
            format!(
                "The company said the new rate of interest would take\n\
                 effect from the start of the quarter and would apply to\n\
                 all outstanding loans, which were issued on or before\n\
                 {middle}\n\
                 The board will meet again next month to review the plan,\n\
                 a spokesman said in a statement issued after the meeting.\n"
            )
        };
        for middle in [
            "January 1, 1987.",
            "Reuters.",
            "share on sales of 40.8 mln dlrs.",
            "date starting May 1, 1989 for 7.25 pct convertible debt",
            "subscribe to ordinary shares.",
            "Register of Shipping.",
        ] {
            check(&wrapped(middle), &[], None);
        }
        check("(C) - Sales made on exporters' own account.", &[], None);
        check("Updated on March 3, 1987 to include the new figures.", &[], None);
    }

    #[test]
    fn wire_leads() {
        for (para, lead) in [
            ("MOSCOW (Reuters) - Russia said on Monday it would", Some("MOSCOW (Reuters) -")),
            ("WASHINGTON (AP) — The Senate voted", Some("WASHINGTON (AP) —")),
            ("KYIV, Ukraine — Ukrainian forces said", Some("KYIV, Ukraine —")),
            ("NEW YORK, March 3 (Reuters) - Stocks fell", Some("NEW YORK, March 3 (Reuters) -")),
            ("NATO - the alliance - met on Monday", None),
            ("The UN - which has 193 members - met", None),
        ] {
            let text = format!("Title\n\n{para}");
            let zones: Vec<String> = lead.map(|l| format!("Dateline:{l}")).into_iter().collect();
            let zones: Vec<&str> = zones.iter().map(String::as_str).collect();
            check(&text, &zones, None);
        }
    }
}
