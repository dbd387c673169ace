//! Actor coding in the CAMEO/PLOVER style: an actor phrase -> (country code, sector), e.g.
//! `Egyptian police` -> (EGY, COP), `Opposition groups in Zimbabwe` -> (ZWE, OPP), `the United
//! Nations` -> (IGO, -). The country comes from a [`Places`] lookup (names, demonyms, capitals,
//! cities, intergovernmental bodies); the sector from the head nouns through the fact finder's
//! sector lexicon, and from titles before a name (`President`, `General`).
//!
//! When the phrase names a sector but no country (`police`, `President Mugabe`), the first
//! country named in the sentence is used, as CAMEO coders do for domestic actors.

use analyze::facts::lexicon::{Sector, sector_of};

/// What the coder needs from a gazetteer.
pub trait Places {
    /// ISO 3166-1 alpha-3 code of the country a name, demonym, capital or city belongs to.
    fn country(&self, name: &str) -> Option<String>;
    /// True when the name is an intergovernmental body (`UN`, `NATO`, `European Union`).
    fn igo(&self, name: &str) -> bool;
    /// The sector of a seat of power (`Kremlin` -> government), if the name is one.
    fn seat_sector(&self, _name: &str) -> Option<Sector> {
        None
    }
    /// Like [`Places::country`], but only for a country's own name or demonym (not a city or
    /// region that happens to share a word with an organisation's name).
    fn country_strict(&self, name: &str) -> Option<String> {
        self.country(name)
    }
    /// True when the name is a country's capital (`Beirut`, `Moscow`).
    fn capital(&self, _name: &str) -> bool {
        false
    }
    /// The country of a place name however small the place (`Jericho`): for a name already
    /// known to be a place (an event's location), where [`Places::country`] leaves out small
    /// places whose names are often other words.
    fn settlement(&self, name: &str) -> Option<String> {
        self.country(name)
    }
}

/// A handful of entries, for tests and as a stand-in until a gazetteer is available.
#[derive(Debug, Default)]
pub struct FewPlaces;

const FEW: &[(&str, &str)] = &[
    ("israel", "ISR"),
    ("israeli", "ISR"),
    ("israelis", "ISR"),
    ("russia", "RUS"),
    ("russian", "RUS"),
    ("moscow", "RUS"),
    ("united states", "USA"),
    ("u.s.", "USA"),
    ("us", "USA"),
    ("american", "USA"),
    ("washington", "USA"),
    ("egypt", "EGY"),
    ("egyptian", "EGY"),
    ("zimbabwe", "ZWE"),
    ("france", "FRA"),
    ("french", "FRA"),
];

const FEW_IGO: &[&str] =
    &["un", "united nations", "nato", "european union", "eu", "european community"];

impl Places for FewPlaces {
    fn country(&self, name: &str) -> Option<String> {
        let l = name.to_lowercase();
        FEW.iter().find(|(n, _)| *n == l).map(|(_, c)| (*c).to_string())
    }

    fn igo(&self, name: &str) -> bool {
        FEW_IGO.contains(&name.to_lowercase().as_str())
    }

    fn capital(&self, name: &str) -> bool {
        matches!(name.to_lowercase().as_str(), "moscow" | "washington")
    }

    fn country_strict(&self, name: &str) -> Option<String> {
        if self.capital(name) { None } else { self.country(name) }
    }
}

/// A coded actor.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code {
    /// ISO-3, or `IGO`.
    pub country: Option<String>,
    pub sector: Option<String>,
}

const TITLES: &[(&str, Sector)] = &[
    ("president", Sector::Gov),
    ("prime", Sector::Gov),
    ("minister", Sector::Gov),
    ("king", Sector::Gov),
    ("queen", Sector::Gov),
    ("emir", Sector::Gov),
    ("sheikh", Sector::Gov),
    ("chancellor", Sector::Gov),
    ("secretary", Sector::Gov),
    ("governor", Sector::Gov),
    ("ambassador", Sector::Gov),
    ("spokesman", Sector::Gov),
    ("premier", Sector::Gov),
    ("general", Sector::Mil),
    ("gen.", Sector::Mil),
    // `Gen.` and `Col.` reach the coder without their point.
    ("gen", Sector::Mil),
    ("col", Sector::Mil),
    ("colonel", Sector::Mil),
    ("commander", Sector::Mil),
    ("marshal", Sector::Mil),
    ("judge", Sector::Jud),
    ("archbishop", Sector::Rel),
    ("ayatollah", Sector::Rel),
    ("senator", Sector::Leg),
];

/// Heads that name a role in any body; the body's own sector comes from the modifier.
const GENERIC: &[&str] = &[
    "leader",
    "leaders",
    "leadership",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "head",
    "authorities",
];

/// Head nouns of places where people live: as an actor phrase's head, their civilians.
const SETTLEMENTS: &[&str] = &[
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "cities",
    "home",
    "homes",
    "house",
    "houses",
    "neighbourhoods",
    "neighborhoods",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')' || c == '{' || c == '}')
        .map(|w| {
            w.trim_matches(|c: char| {
                c == '\''
                    || c == '"'
                    || c == '`'
                    || c == '\u{2019}'
                    || c == '\u{201c}'
                    || c == '\u{201d}'
            })
        })
        // Sentence punctuation, but not an abbreviation's points (`U.S.`).
        .map(|w| {
            let t = w.trim_end_matches([';', ':', '!', '?']);
            match t.strip_suffix('.') {
                Some(x) if !x.contains('.') && x.len() > 2 => x,
                _ => t,
            }
        })
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Codes actor phrases.
pub struct Coder<'a> {
    pub places: &'a dyn Places,
}

impl Coder<'_> {
    /// The country named in a phrase (longest n-gram first), or `IGO`.
    pub fn country_in(&self, phrase: &str) -> Option<String> {
        self.country_in_with(phrase, false)
    }

    /// As [`Coder::country_in`]; with `strict`, only countries' own names and demonyms count.
    pub fn country_in_with(&self, phrase: &str, strict: bool) -> Option<String> {
        self.scan(phrase, strict, true)
    }

    /// The country of a domestic actor named only by its sector (`police`): the first country
    /// the sentence names; an intergovernmental body is nobody's country.
    pub fn domestic_country(&self, sentence: &str) -> Option<String> {
        // Where it happened first (`... killed two civilians in southern Lebanon`): an actor
        // with no nationality of its own is taken to be of the place, as CAMEO coders do.
        let mut rest = sentence;
        while let Some(p) = rest.find(" in ") {
            let after = &rest[p + 4..];
            let phrase: String = after.split(' ').take(4).collect::<Vec<_>>().join(" ");
            let phrase = phrase.split([',', ';']).next().unwrap_or("");
            if let Some(c) = self.scan(phrase, false, false) {
                return Some(c);
            }
            rest = after;
        }
        // A country's own name or demonym before a word that may also be a town's name
        // (`... the Total Independence of Angola`: Angola, not Independence, Missouri).
        // A name of several words (`White House`) is no chance likeness either.
        self.scan_with(sentence, 2, false).or_else(|| self.scan(sentence, false, false))
    }

    fn scan(&self, phrase: &str, strict: bool, igo: bool) -> Option<String> {
        self.scan_with(phrase, if strict { usize::MAX } else { 1 }, igo)
    }

    /// The longest n-gram that names a country; n-grams shorter than `loose` words count only
    /// as a country's own name or demonym.
    fn scan_with(&self, phrase: &str, loose: usize, igo: bool) -> Option<String> {
        let ws = words(phrase);
        for len in (1..=4usize).rev() {
            let strict = len < loose;
            for start in 0..ws.len().saturating_sub(len - 1) {
                // Names are capitalised; common words are no place names here.
                if !ws[start].chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                // A sentence's first article is no word of a name (`The Bush administration`
                // is not `Bush`, read as a name of two words).
                if matches!(ws[start].as_str(), "The" | "A" | "An") {
                    continue;
                }
                let gram = ws[start..start + len].join(" ");
                if self.places.igo(&gram) {
                    if igo {
                        return Some("IGO".into());
                    }
                    continue;
                }
                // Hyphenated modifiers: `Turkish-backed`, `U.S.-led`.
                let g = gram.split('-').next().unwrap_or(&gram);
                let look = |n: &str| {
                    if strict { self.places.country_strict(n) } else { self.places.country(n) }
                };
                if let Some(c) = look(&gram).or_else(|| if len == 1 { look(g) } else { None }) {
                    return Some(c);
                }
                // Plurals of demonyms: `Palestinians`, `Serbs`.
                if len == 1
                    && let Some(sing) = gram.strip_suffix('s')
                    && let Some(c) = self.places.country_strict(sing)
                {
                    return Some(c);
                }
            }
        }
        None
    }

    /// The sector of a phrase: the last sector noun before any preposition, else a title.
    pub fn sector_in(&self, phrase: &str) -> Option<Sector> {
        let ws = words(phrase);
        let stop = ws
            .iter()
            .position(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "in" | "of"
                        | "from"
                        | "at"
                        | "on"
                        | "for"
                        | "to"
                        | "with"
                        | "who"
                        | "which"
                        | "that"
                )
            })
            .unwrap_or(ws.len());
        let main = &ws[..stop];
        let word_sector = |w: &str| {
            let l = w.to_lowercase();
            self.places
                .seat_sector(w)
                .or_else(|| sector_of(&l))
                .or_else(|| TITLES.iter().find(|(t, _)| *t == l).map(|(_, s)| *s))
                // `Secretary-General`, `Vice-President`.
                .or_else(|| {
                    l.split('-').find_map(|p| TITLES.iter().find(|(t, _)| *t == p).map(|(_, s)| *s))
                })
        };
        // Former office holders are elites (`former president X`, `Ousted President X`).
        let former = |s: Sector| {
            let was = main.iter().any(|w| {
                let l = w.to_lowercase();
                matches!(l.as_str(), "former" | "ousted" | "exiled" | "deposed" | "ex")
                    || l.starts_with("ex-")
            });
            if s == Sector::Gov && was { Sector::Eli } else { s }
        };
        // A word of a place's name is no sector noun (`West Bank`, `Gaza City`).
        let place_word = |k: usize| {
            (0..=k).rev().take(3).any(|from| {
                (k + 1..=(from + 3).min(main.len())).any(|to| {
                    to - from > 1
                        && main[from..to]
                            .iter()
                            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                        && {
                            // `European Union`, `African Union`: a union of states, not of
                            // workers (a `Security Council` keeps its sector).
                            let name = main[from..to].join(" ");
                            self.places.country(&name).is_some()
                                || main[k].eq_ignore_ascii_case("union") && self.places.igo(&name)
                        }
                })
            })
        };
        for (k, w) in main.iter().enumerate().rev() {
            if place_word(k) {
                continue;
            }
            // `security forces`, `security services`: the police, as CAMEO codes them.
            if k > 0
                && main[k - 1].eq_ignore_ascii_case("security")
                && matches!(
                    w.to_lowercase().as_str(),
                    "forces" | "force" | "services" | "service" | "agents" | "personnel"
                )
            {
                return Some(Sector::Cop);
            }
            // `armed groups`, `armed men`: irregular fighters, rebels as CAMEO codes them.
            if k > 0
                && main[k - 1].eq_ignore_ascii_case("armed")
                && matches!(w.to_lowercase().as_str(), "groups" | "group" | "men" | "gangs")
            {
                return Some(Sector::Reb);
            }
            // `Secretary General`, `Attorney General`: an office, not a general.
            let office_general = w.eq_ignore_ascii_case("general")
                && k > 0
                && matches!(
                    main[k - 1].to_lowercase().as_str(),
                    "secretary" | "attorney" | "solicitor" | "inspector" | "director"
                );
            if office_general {
                return Some(former(Sector::Gov));
            }
            if let Some(s) = word_sector(w) {
                // A generic head (`leaders`, `officials`, `spokesman`) takes its modifier's
                // sector: `rebel leaders` are rebels, `military officials` the military.
                if s == Sector::Gov && GENERIC.contains(&w.to_lowercase().as_str()) {
                    // `leaders of the opposition coalition`: or the body after `of`.
                    let of_body = (ws.get(stop).is_some_and(|p| p.eq_ignore_ascii_case("of"))
                        && k + 1 == main.len())
                    .then(|| {
                        ws[stop + 1..]
                            .iter()
                            .take_while(|w| {
                                !matches!(
                                    w.to_lowercase().as_str(),
                                    "in" | "from" | "at" | "on" | "for" | "to" | "with"
                                )
                            })
                            .filter_map(|m| sector_of(&m.to_lowercase()))
                            .find(|&m| m != Sector::Gov)
                    })
                    .flatten();
                    let modifier = main[..k]
                        .iter()
                        .rev()
                        .filter_map(|m| word_sector(m))
                        .find(|&m| m != Sector::Gov)
                        .or(of_body);
                    return Some(former(modifier.unwrap_or(s)));
                }
                return Some(former(s));
            }
        }
        // `members of the opposition`: a sector in the attachment.
        ws[stop..]
            .iter()
            .rev()
            .find_map(|w| sector_of(&w.to_lowercase()))
            // `Palestinian homes`, `Iraqi towns`: where people live stands for its civilians.
            .or_else(|| {
                main.last()
                    .filter(|w| SETTLEMENTS.contains(&w.to_lowercase().as_str()))
                    .map(|_| Sector::Cvl)
            })
    }

    /// A nationality's people named by a plural demonym as the phrase's head (`Palestinians`,
    /// `three ethnic Albanians`): civilians, as CAMEO codes a people.
    fn people(&self, phrase: &str) -> Option<Sector> {
        let ws = words(phrase);
        let main: Vec<&String> =
            ws.iter().take_while(|w| !matches!(w.as_str(), "in" | "of" | "from")).collect();
        let head = main.last()?;
        let sing = head.strip_suffix('s')?;
        // `Iraqi Kurds`: a people named after a nationality's adjective.
        let after_demonym = main.len() > 1
            && main[main.len() - 2].chars().next().is_some_and(char::is_uppercase)
            && self.places.country_strict(main[main.len() - 2]).is_some()
            && self.places.country(head).is_none();
        (head.chars().next().is_some_and(char::is_uppercase)
            && (self.places.country_strict(sing).is_some() || after_demonym))
            .then_some(Sector::Cvl)
    }

    /// Codes an actor phrase; `sentence` supplies the country of a domestic actor.
    pub fn code(&self, phrase: &str, sentence: &str) -> Option<Code> {
        self.code_parts(phrase, phrase, sentence)
    }

    /// Codes a phrase in which no name was recognised (`The Bush administration`, `South
    /// Korean army officers`): a single capitalised word counts as a country only as a
    /// country's own name or demonym, not as a town that shares it (Bush, a town in Egypt).
    pub fn code_unnamed(&self, phrase: &str, sentence: &str) -> Option<Code> {
        self.code_with(phrase, phrase, sentence, true)
    }

    /// Codes an actor whose country is read from `country_phrase` (for a person: the titles and
    /// adjectives before the name) and whose sector from `sector_phrase`.
    pub fn code_parts(
        &self,
        country_phrase: &str,
        sector_phrase: &str,
        sentence: &str,
    ) -> Option<Code> {
        self.code_with(country_phrase, sector_phrase, sentence, false)
    }

    fn code_with(
        &self,
        country_phrase: &str,
        sector_phrase: &str,
        sentence: &str,
        unnamed: bool,
    ) -> Option<Code> {
        let mut country = if unnamed {
            // A capital stands for its country (`Cairo's security chief`).
            self.scan_with(country_phrase, 2, true).or_else(|| {
                words(country_phrase)
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .find(|w| self.places.capital(w))
                    .and_then(|w| self.places.country(w))
            })
        } else {
            self.country_in(country_phrase)
        };
        let sector = self.sector_in(sector_phrase).or_else(|| self.people(sector_phrase));
        // A human rights body with no country of its own (`a human rights group`) is coded
        // `NGO` at the top level, as CAMEO codes intergovernmental ones `IGO`; not by the
        // country where it speaks.
        let ngo = sector.is_none() && {
            let l = sector_phrase.to_lowercase();
            ["rights group", "rights organization", "rights organisation", "rights watchdog"]
                .iter()
                .any(|x| l.contains(x))
        };
        if ngo && country.is_none() {
            return Some(Code { country: Some("NGO".to_string()), sector: None });
        }
        // `ethnic Albanians in Serbia`: a minority is coded by the country it lives in.
        let ethnic = words(sector_phrase).iter().any(|w| w.eq_ignore_ascii_case("ethnic"));
        if ethnic && self.people(sector_phrase).is_some() {
            let rest = sentence.replace(sector_phrase, "");
            if let Some(home) = self.domestic_country(&rest) {
                country = Some(home);
            }
        }
        let country = match country {
            Some(c) => Some(c),
            // A phrase with no name: not from its own head words, which named no country (`The
            // Bush administration`: not Bush, a town in Egypt); its attachment may (`the rebels
            // in Darfur`).
            None if sector.is_some() && unnamed => {
                let head = [" in ", " of ", " from ", " at ", " on "]
                    .iter()
                    .filter_map(|p| sector_phrase.find(p))
                    .min()
                    .map_or(sector_phrase, |k| &sector_phrase[..k]);
                self.domestic_country(&sentence.replacen(head, "", 1))
            }
            None if sector.is_some() => self.domestic_country(sentence),
            None => None,
        };
        if country.is_none() && sector.is_none() {
            return None;
        }
        Some(Code { country, sector: sector.map(|s| s.code().to_string()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(phrase: &str, sentence: &str, expect: Option<(&str, Option<&str>)>) {
        let coder = Coder { places: &FewPlaces };
        let got = coder.code(phrase, sentence);
        let expect = expect
            .map(|(c, s)| Code { country: Some(c.to_string()), sector: s.map(str::to_string) });
        assert_eq!(got, expect, "{phrase}");
    }

    #[test]
    fn codes_actor_phrases() {
        check("Egyptian police", "", Some(("EGY", Some("COP"))));
        check("Opposition groups in Zimbabwe", "", Some(("ZWE", Some("OPP"))));
        check("Israeli troops", "", Some(("ISR", Some("MIL"))));
        check("the United Nations", "", Some(("IGO", None)));
        check("Israel", "", Some(("ISR", None)));
        check("Palestinians", "", None);
        check("Israelis", "", Some(("ISR", Some("CVL"))));
        check("three Egyptians in Cairo", "", Some(("EGY", Some("CVL"))));
        check("Egyptian soldiers", "", Some(("EGY", Some("MIL"))));
        check("Egyptian", "", Some(("EGY", None)));
        check("police", "Riot police in Egypt fired tear gas.", Some(("EGY", Some("COP"))));
        check("police", "Police fired on Israeli settlers in Egypt.", Some(("EGY", Some("COP"))));
        check("police", "Police fired on Israeli settlers.", Some(("ISR", Some("COP"))));
        check(
            "ethnic Egyptians",
            "Ethnic Egyptians in France protested.",
            Some(("FRA", Some("CVL"))),
        );
        check("ethnic Egyptians", "Ethnic Egyptians protested.", Some(("EGY", Some("CVL"))));
        check("Russian President Vladimir Putin", "", Some(("RUS", Some("GOV"))));
        check("U.S.-led coalition forces", "", Some(("USA", Some("MIL"))));
        check("the weather", "", None);
        check("Egyptian opposition leaders", "", Some(("EGY", Some("OPP"))));
        check("Israeli military officials", "", Some(("ISR", Some("MIL"))));
        check("Russian officials", "", Some(("RUS", Some("GOV"))));
        check("former President Mubarak of Egypt", "", Some(("EGY", Some("ELI"))));
        check("Egyptian Attorney General", "", Some(("EGY", Some("GOV"))));
        check("refugees", "The UN will feed refugees in Egypt.", Some(("EGY", Some("REF"))));
        check("Egyptian security forces", "", Some(("EGY", Some("COP"))));
        check("leaders of the Egyptian opposition", "", Some(("EGY", Some("OPP"))));
        check("leaders of Egypt", "", Some(("EGY", Some("GOV"))));
        check("the European Union", "", Some(("IGO", None)));
        check("Egyptian Gen. Ali", "", Some(("EGY", Some("MIL"))));
        check("Israeli forces", "", Some(("ISR", Some("MIL"))));
        check("Egyptian armed groups", "", Some(("EGY", Some("REB"))));
        check("Israeli homes", "", Some(("ISR", Some("CVL"))));
        check("Egyptian Copts", "", Some(("EGY", Some("CVL"))));
        check("Russia's rulers", "", Some(("RUS", Some("GOV"))));
        check("a French businessman", "", Some(("FRA", Some("BUS"))));
        check("Egyptian landowners", "", Some(("EGY", Some("CVL"))));
        check("a French missionary", "", Some(("FRA", Some("REL"))));
        check("a human rights group", "It protested in Egypt.", Some(("NGO", None)));
        check("a French rights group", "", Some(("FRA", None)));
    }

    /// Countries, and towns that share a word with names (`Bush`, a town in Egypt).
    struct Towns;

    impl Places for Towns {
        fn country(&self, name: &str) -> Option<String> {
            let l = name.to_lowercase();
            let l = l.strip_prefix("the ").unwrap_or(&l);
            match l {
                "bush" => Some("EGY".into()),
                "cairo" => Some("EGY".into()),
                _ => self.country_strict(l),
            }
        }
        fn igo(&self, _: &str) -> bool {
            false
        }
        fn country_strict(&self, name: &str) -> Option<String> {
            match name.to_lowercase().as_str() {
                "china" => Some("CHN".into()),
                "egypt" | "egyptian" => Some("EGY".into()),
                "democratic people's republic of korea" => Some("PRK".into()),
                _ => None,
            }
        }
        fn capital(&self, name: &str) -> bool {
            name.eq_ignore_ascii_case("cairo")
        }
    }

    /// A phrase in which no name was recognised: only a country's own name, demonym or capital
    /// gives its country; a town's name is a chance likeness.
    fn check_unnamed(phrase: &str, sentence: &str, expect: Option<(&str, Option<&str>)>) {
        let coder = Coder { places: &Towns };
        let got = coder.code_unnamed(phrase, sentence);
        let expect = expect
            .map(|(c, s)| Code { country: Some(c.to_string()), sector: s.map(str::to_string) });
        assert_eq!(got, expect, "{phrase}");
    }

    #[test]
    fn codes_phrases_without_names() {
        check_unnamed(
            "The Bush administration",
            "The Bush administration said China must drop barriers.",
            Some(("CHN", Some("GOV"))),
        );
        check_unnamed("Cairo's police chief", "", Some(("EGY", Some("COP"))));
        check_unnamed("Egyptian army officers", "", Some(("EGY", Some("MIL"))));
        check_unnamed(
            "the rebels in Cairo",
            "They met the rebels in Cairo.",
            Some(("EGY", Some("REB"))),
        );
        check_unnamed("Bush supporters", "", None);
    }
}
