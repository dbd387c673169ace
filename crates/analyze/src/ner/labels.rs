//! The tag set of the sequence model: BILOU tags over CoNLL's four classes.

/// The classes the statistical model predicts (CoNLL-2003's four); the product layer refines
/// them into sitrep's types (`Loc` into GPE or LOC, `Misc` into NORP or nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Per = 0,
    Org = 1,
    Loc = 2,
    Misc = 3,
}

impl Class {
    pub const ALL: [Class; 4] = [Class::Per, Class::Org, Class::Loc, Class::Misc];

    pub const fn as_str(self) -> &'static str {
        match self {
            Class::Per => "PER",
            Class::Org => "ORG",
            Class::Loc => "LOC",
            Class::Misc => "MISC",
        }
    }

    /// Reads a CoNLL or WikiANN type name.
    pub fn parse(s: &str) -> Option<Class> {
        match s {
            "PER" | "PERSON" => Some(Class::Per),
            "ORG" => Some(Class::Org),
            "LOC" | "GPE" => Some(Class::Loc),
            "MISC" | "NORP" => Some(Class::Misc),
            _ => None,
        }
    }

    pub const fn from_index(i: usize) -> Class {
        match i {
            0 => Class::Per,
            1 => Class::Org,
            2 => Class::Loc,
            _ => Class::Misc,
        }
    }
}

/// Number of BILOU tags: O plus B, I, L, U for each class.
pub const NTAGS: usize = 17;

/// A BILOU tag: 0 is O; `1 + 4 * class + part` where part is B=0, I=1, L=2, U=3.
pub type Tag = u8;

pub const O: Tag = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    B = 0,
    I = 1,
    L = 2,
    U = 3,
}

pub const fn tag(class: Class, part: Part) -> Tag {
    1 + 4 * class as u8 + part as u8
}

/// The class of a tag (None for O).
pub const fn class_of(t: Tag) -> Option<Class> {
    if t == O { None } else { Some(Class::from_index(((t - 1) / 4) as usize)) }
}

pub const fn part_of(t: Tag) -> Option<Part> {
    if t == O {
        None
    } else {
        Some(match (t - 1) % 4 {
            0 => Part::B,
            1 => Part::I,
            2 => Part::L,
            _ => Part::U,
        })
    }
}

/// Whether `cur` may follow `prev`; `last` when `cur` is the sentence's last token.
#[inline]
pub fn allowed(prev: Tag, cur: Tag, last: bool) -> bool {
    let open = matches!(part_of(prev), Some(Part::B | Part::I));
    let ok = match part_of(cur) {
        None | Some(Part::B | Part::U) => !open,
        Some(Part::I | Part::L) => open && class_of(prev) == class_of(cur),
    };
    ok && !(last && matches!(part_of(cur), Some(Part::B | Part::I)))
}

/// The tag that closes an entity at this token instead of leaving it open (B to U, I to L).
#[inline]
pub const fn closed(t: Tag) -> Tag {
    match part_of(t) {
        Some(Part::B) => t + 3,
        Some(Part::I) => t + 1,
        _ => t,
    }
}

/// Class index used in count tables: 0 = O, 1..=4 = classes.
#[inline]
pub const fn class_slot(t: Tag) -> usize {
    match class_of(t) {
        None => 0,
        Some(c) => 1 + c as usize,
    }
}

/// Entity spans `(start, end, class)` of a BILOU tag sequence (tolerates broken sequences).
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, Class)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Class)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let (c, p) = (class_of(t), part_of(t));
        match (p, c) {
            (Some(Part::B), Some(c)) | (Some(Part::U), Some(c)) => {
                if let Some((s, oc)) = open.take() {
                    out.push((s, i, oc));
                }
                if p == Some(Part::U) {
                    out.push((i, i + 1, c));
                } else {
                    open = Some((i, c));
                }
            }
            (Some(Part::I | Part::L), Some(c)) => {
                match open {
                    Some((_, oc)) if oc == c => {}
                    _ => {
                        if let Some((s, oc)) = open.take() {
                            out.push((s, i, oc));
                        }
                        open = Some((i, c));
                    }
                }
                if p == Some(Part::L)
                    && let Some((s, oc)) = open.take()
                {
                    out.push((s, i + 1, oc));
                }
            }
            _ => {
                if let Some((s, oc)) = open.take() {
                    out.push((s, i, oc));
                }
            }
        }
    }
    if let Some((s, oc)) = open {
        out.push((s, tags.len(), oc));
    }
    out
}

/// BILOU tags for entity spans over `n` tokens.
pub fn from_spans(n: usize, spans: &[(usize, usize, Class)]) -> Vec<Tag> {
    let mut tags = vec![O; n];
    for &(s, e, c) in spans {
        if e <= s || e > n {
            continue;
        }
        if e - s == 1 {
            tags[s] = tag(c, Part::U);
        } else {
            tags[s] = tag(c, Part::B);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag(c, Part::I);
            }
            tags[e - 1] = tag(c, Part::L);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip() {
        let spans_in = vec![(0, 2, Class::Per), (3, 4, Class::Loc), (4, 7, Class::Org)];
        let tags = from_spans(8, &spans_in);
        assert_eq!(spans(&tags), spans_in);
        for (i, &t) in tags.iter().enumerate() {
            let prev = if i == 0 { O } else { tags[i - 1] };
            assert!(allowed(prev, t, i + 1 == tags.len()), "{i}");
        }
        assert!(!allowed(O, tag(Class::Per, Part::I), false));
        assert!(!allowed(tag(Class::Per, Part::B), O, false));
        assert!(!allowed(O, tag(Class::Per, Part::B), true));
        assert_eq!(class_slot(O), 0);
        assert_eq!(class_slot(tag(Class::Misc, Part::L)), 4);
        for c in Class::ALL {
            assert_eq!(closed(tag(c, Part::B)), tag(c, Part::U));
            assert_eq!(closed(tag(c, Part::I)), tag(c, Part::L));
            assert_eq!(closed(tag(c, Part::L)), tag(c, Part::L));
        }
        assert_eq!(closed(O), O);
    }
}
