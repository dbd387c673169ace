//! The tense of the verb governing a time expression, from cheap lexical cues: it decides
//! whether an underspecified `Thursday` or `in August` is the last one or the next one.

/// Which way an underspecified expression points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    /// No verb says: take the nearest one.
    Unknown,
}

/// The tense cue a lowercase token gives, if any; `reporting` marks `said`-like verbs, which
/// frame a whole sentence and yield to any nearer cue.
pub fn cue(w: &str, prev: &str, next: &str) -> Option<(Direction, bool)> {
    use Direction::{Future, Past};
    let d = match w {
        "will" | "'ll" | "\u{2019}ll" | "shall" | "wo" | "would" | "must" | "should" | "until"
        | "till" => Future,
        "scheduled" | "expected" | "due" | "set" | "supposed"
            if matches!(prev, "was" | "were" | "had" | "been") =>
        {
            Past
        }
        "tomorrow" | "upcoming" | "scheduled" | "planning" | "intends" | "expects" | "expected"
        | "due" | "hopes" | "aims" | "soon" => Future,
        "set" if next == "to" => Future,
        "going" if next == "to" => Future,
        "is" | "are" if next == "to" || next == "due" => Future,
        "said" | "told" | "reported" | "announced" | "added" | "noted" | "stated" | "confirmed"
        | "claimed" => return Some((Past, true)),
        "says" | "tells" => return None,
        "was" | "were" | "had" | "did" | "has" | "have" | "yesterday" | "ago" | "last" => Past,
        _ => {
            // A participle after an auxiliary takes the auxiliary's tense (`will be held`,
            // `is heard`, `must be returned`).
            if matches!(
                prev,
                "will"
                    | "to"
                    | "be"
                    | "been"
                    | "being"
                    | "is"
                    | "are"
                    | "am"
                    | "would"
                    | "must"
                    | "should"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "not"
                    | "'s"
            ) {
                return None;
            }
            if is_irregular_past(w) || is_regular_past(w) {
                Past
            } else {
                return None;
            }
        }
    };
    Some((d, false))
}

fn is_regular_past(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ed")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "need"
                | "speed"
                | "breed"
                | "indeed"
                | "proceed"
                | "succeed"
                | "exceed"
                | "hundred"
                | "based"
                | "related"
                | "limited"
                | "united"
                | "interested"
                | "concerned"
                | "involved"
                | "expected"
                | "scheduled"
                | "planned"
                | "proposed"
                | "supposed"
                | "called"
                | "armed"
                | "detailed"
                | "advanced"
                | "red"
                | "shed"
                | "seed"
        )
}

fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "went"
            | "came"
            | "met"
            | "held"
            | "took"
            | "made"
            | "gave"
            | "saw"
            | "fell"
            | "rose"
            | "won"
            | "lost"
            | "left"
            | "began"
            | "became"
            | "got"
            | "found"
            | "sold"
            | "bought"
            | "paid"
            | "brought"
            | "thought"
            | "led"
            | "ran"
            | "struck"
            | "broke"
            | "spoke"
            | "wrote"
            | "fled"
            | "fought"
            | "shot"
            | "kept"
            | "felt"
            | "meant"
            | "sent"
            | "spent"
            | "built"
            | "stood"
            | "understood"
            | "knew"
            | "grew"
            | "threw"
            | "flew"
            | "drew"
            | "chose"
            | "froze"
            | "rode"
            | "drove"
            | "arose"
            | "woke"
            | "swore"
            | "tore"
            | "wore"
            | "bore"
            | "sank"
            | "sang"
            | "rang"
            | "began."
            | "dealt"
            | "heard"
            | "taught"
            | "caught"
            | "sought"
            | "slept"
            | "swept"
            | "wept"
            | "lent"
            | "bent"
            | "hung"
            | "stole"
            | "slid"
            | "hid"
            | "bit"
            | "fed"
            | "bled"
            | "sped"
            | "lay"
            | "ate"
            | "forgot"
            | "forgave"
            | "withdrew"
            | "overtook"
            | "undertook"
            | "mistook"
            | "oversaw"
            | "told"
            | "said"
            | "did"
            | "was"
            | "were"
            | "had"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        assert_eq!(cue("arrived", "", ""), Some((Direction::Past, false)));
        assert_eq!(cue("will", "", "meet"), Some((Direction::Future, false)));
        assert_eq!(cue("said", "", ""), Some((Direction::Past, true)));
        assert_eq!(cue("going", "is", "to"), Some((Direction::Future, false)));
        assert_eq!(cue("meet", "will", ""), None);
        assert_eq!(cue("speed", "", ""), None);
    }
}
