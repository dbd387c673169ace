//! Plain-text articles: the text is kept exactly as decoded (so byte offsets into the file stay
//! valid); the first line that is not furniture is the title, a short unpunctuated line after it
//! is the standfirst, datelines give the publication date, furniture becomes zones.

use types::{DateSource, Span, Zone, ZoneKind};

use crate::Draft;
use crate::furniture::{self, lines, trimmed};

/// Longest line taken as a title (bytes); a longer first line is body text.
const MAX_TITLE: usize = 300;
/// Longest line taken as a standfirst.
const MAX_SUBTITLE: usize = 300;

pub fn draft(text: String, source: &str) -> Draft {
    let (mut zones, dateline) = furniture::scan(&text, 0);
    let covered = |zones: &[Zone], s: Span| zones.iter().any(|z| z.span.overlaps(s));

    // The title: the first non-blank line that is not wholly furniture.
    let all: Vec<(usize, &str)> = lines(&text, 0).collect();
    let mut title = None;
    let mut after_title = 0;
    for (i, &(start, line)) in all.iter().enumerate() {
        let Some(span) = trimmed(start, line) else { continue };
        let furniture_only =
            zones.iter().filter(|z| z.span.overlaps(span)).all(|z| z.kind.is_furniture())
                && covered(&zones, span);
        if furniture_only {
            continue;
        }
        if span.len() <= MAX_TITLE {
            zones.retain(|z| !z.span.overlaps(span));
            zones.push(Zone { kind: ZoneKind::Title, span });
            title = Some(text[span.start..span.end].to_string());
            after_title = i + 1;
        }
        break;
    }

    // The standfirst: a one-line paragraph right after the title, without sentence punctuation,
    // followed by more text.
    if title.is_some() {
        let mut rest =
            all[after_title..].iter().enumerate().filter(|(_, (_, l))| !l.trim().is_empty());
        if let (Some((k, &(start, line))), Some(_)) = (rest.next(), rest.next()) {
            let idx = after_title + k;
            let own_paragraph = all.get(idx + 1).is_none_or(|(_, l)| l.trim().is_empty())
                && all.get(idx - 1).is_some_and(|(_, l)| l.trim().is_empty());
            if let Some(span) = trimmed(start, line)
                && own_paragraph
                && span.len() <= MAX_SUBTITLE
                && !covered(&zones, span)
                && !line.trim_end().ends_with(['.', '!', '?', ':', '"', '\u{201d}'])
            {
                zones.push(Zone { kind: ZoneKind::Subtitle, span });
            }
        }
    }

    zones.sort_by_key(|z| z.span.start);
    Draft {
        source: source.to_string(),
        title,
        published: dateline.map(|d| (d.date, DateSource::Dateline)),
        zones,
        text,
        ..Draft::default()
    }
}
