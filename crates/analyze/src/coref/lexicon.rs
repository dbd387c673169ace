//! Word lists coreference relies on: titles and roles, honorifics, pronouns, descriptive
//! adjectives, compass directions, generic organisation heads, and the words around a capital
//! that make it an actor (`relations with Moscow`, `Moscow said`) or a place (`in Moscow`).
//! General English, not tied to any article.

use crate::words::Words;

/// Role nouns that head a title (`President`, `spokesman`, `leader`), lower-cased.
pub static ROLES: Words = Words::new(&[
    "president",
    "vice-president",
    "president-elect",
    "premier",
    "minister",
    "secretary",
    "secretary-general",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sultan",
    "ayatollah",
    "pope",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "ceo",
    "chief",
    "head",
    "director",
    "director-general",
    "governor",
    "mayor",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "commander-in-chief",
    "general",
    "colonel",
    "major",
    "lieutenant",
    "captain",
    "admiral",
    "marshal",
    "sergeant",
    "brigadier",
    "leader",
    "founder",
    "co-founder",
    "boss",
    "judge",
    "justice",
    "prosecutor",
    "attorney",
    "adviser",
    "advisor",
    "aide",
    "deputy",
    "lawmaker",
    "legislator",
    "mp",
    "commissioner",
    "editor",
    "coach",
    "manager",
    "officer",
    "official",
    "diplomat",
    "negotiator",
    "coordinator",
    "rapporteur",
    "speaker",
    "cleric",
    "imam",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "sheikh",
    "warlord",
    "strongman",
    "dictator",
    "monarch",
    "crown",
]);

/// Roles of a state's government: a title of this kind without an explicit `of` is taken to be
/// of the country the sentence is about.
pub static GOVERNMENT_ROLES: Words = Words::new(&[
    "president",
    "vice-president",
    "president-elect",
    "premier",
    "minister",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "ambassador",
    "envoy",
    "governor",
]);

/// Roles that belong to an organisation: without an explicit `of`, the organisation the
/// sentence names before the person.
pub static ORGANISATION_ROLES: Words = Words::new(&[
    "leader",
    "founder",
    "co-founder",
    "chief",
    "head",
    "boss",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "ceo",
    "director",
    "director-general",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary-general",
]);

/// Military and similar ranks: titles that are of no one.
pub static RANKS: Words = Words::new(&[
    "general",
    "colonel",
    "major",
    "lieutenant",
    "captain",
    "admiral",
    "marshal",
    "sergeant",
    "brigadier",
    "field",
    "corporal",
]);

/// Words inside a title (`Deputy Defence Minister`, `Prime Minister`, `Field Marshal`).
pub static TITLE_MODIFIERS: Words = Words::new(&[
    "deputy",
    "vice",
    "prime",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "justice",
    "health",
    "education",
    "economy",
    "economic",
    "trade",
    "energy",
    "oil",
    "home",
    "acting",
    "interim",
    "first",
    "senior",
    "supreme",
    "assistant",
    "executive",
    "state",
    "army",
    "field",
    "air",
    "chief",
    "general",
    "lieutenant",
    "major",
    "brigadier",
    "rear",
    "managing",
    "attorney",
    "press",
    "national",
    "security",
    "intelligence",
    "information",
    "transport",
    "agriculture",
    "labour",
    "labor",
    "culture",
    "environment",
    "industry",
    "development",
    "communications",
    "police",
    "naval",
    "crown",
    "high",
    "special",
]);

/// Honorifics: qualify a name, are not a title held (`Mr`, `Ms`, `Dr`).
pub static HONORIFICS: Words =
    Words::new(&["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "messrs"]);

/// Abbreviated ranks and titles (`Gen.`, `Col.`, `Sen.`), with their full form.
pub const ABBREVIATED: &[(&str, &str)] = &[
    ("gen", "General"),
    ("col", "Colonel"),
    ("lt", "Lieutenant"),
    ("maj", "Major"),
    ("capt", "Captain"),
    ("adm", "Admiral"),
    ("sgt", "Sergeant"),
    ("brig", "Brigadier"),
    ("sen", "Senator"),
    ("rep", "Representative"),
    ("gov", "Governor"),
    ("pres", "President"),
    ("amb", "Ambassador"),
    ("cmdr", "Commander"),
];

/// Descriptive words that can precede a role in a description (`Eastern Libyan commander`,
/// `Military leader`, `rebel leader`), lower-cased.
pub static DESCRIPTORS: Words = Words::new(&[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "military",
    "militia",
    "rebel",
    "opposition",
    "former",
    "veteran",
    "powerful",
    "top",
    "senior",
    "longtime",
    "long-time",
    "jihadist",
    "islamist",
    "tribal",
    "religious",
    "political",
    "government",
    "regional",
    "local",
    "powerful",
    "exiled",
    "ousted",
    "self-styled",
    "renegade",
    "mercenary",
    "army",
    "paramilitary",
    "party",
    "union",
    "business",
    "company",
    "de",
    "facto",
]);

/// Compass adjectives that make a region of a country (`eastern Libya`) and the noun they name.
pub const DIRECTION_ADJECTIVES: &[(&str, &str)] = &[
    ("eastern", "east"),
    ("western", "west"),
    ("northern", "north"),
    ("southern", "south"),
    ("central", "centre"),
    ("north-eastern", "north-east"),
    ("northeastern", "north-east"),
    ("north-western", "north-west"),
    ("northwestern", "north-west"),
    ("south-eastern", "south-east"),
    ("southeastern", "south-east"),
    ("south-western", "south-west"),
    ("southwestern", "south-west"),
];

/// Compass nouns (`the east`, `the desert south`), normalised.
pub const DIRECTION_NOUNS: &[(&str, &str)] = &[
    ("east", "east"),
    ("west", "west"),
    ("north", "north"),
    ("south", "south"),
    ("north-east", "north-east"),
    ("northeast", "north-east"),
    ("north-west", "north-west"),
    ("northwest", "north-west"),
    ("south-east", "south-east"),
    ("southeast", "south-east"),
    ("south-west", "south-west"),
    ("southwest", "south-west"),
];

/// Adjectives allowed between `the` and a compass noun (`the desert south`, `the far north`).
pub static REGION_ADJECTIVES: Words = Words::new(&[
    "desert",
    "far",
    "restive",
    "rural",
    "mountainous",
    "oil-rich",
    "remote",
    "deep",
    "coastal",
]);

/// Legal-form endings of a company's name (`Olsten Corp`, `Acme Inc`, `BP Plc`), which make it
/// `the company`, `the firm` or `the concern`.
pub static CORPORATE_SUFFIXES: Words = Words::new(&[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "limited",
    "plc",
    "ag",
    "sa",
    "nv",
    "bv",
    "spa",
    "llc",
    "gmbh",
    "bhd",
    "pty",
    "incorporated",
    "cos",
    "companies",
]);

/// Description nouns a company with a legal-form ending answers to.
pub static COMPANY_NOUNS: Words = Words::new(&["company", "firm", "concern"]);

/// Generic heads an organisation name may drop (`Wagner Group` = `Wagner`).
pub static ORG_GENERIC_HEADS: Words = Words::new(&[
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "co",
    "party",
    "organisation",
    "organization",
    "movement",
    "network",
    "agency",
    "news",
    "newspaper",
    "foundation",
    "association",
    "institute",
]);

/// Nouns a definite description uses for an organisation, and the words in an entity's kind or
/// name that it matches (`the group` -> `mercenary group`, `Wagner Group`).
pub static ORG_NOUNS: Words = Words::new(&[
    "group",
    "organisation",
    "organization",
    "movement",
    "militia",
    "company",
    "firm",
    "agency",
    "party",
    "network",
    "alliance",
    "bloc",
    "council",
    "court",
    "bank",
    "union",
    "force",
    "forces",
    "army",
    "team",
    "club",
    "university",
    "institute",
    "committee",
    "commission",
    "administration",
    "government",
    "parliament",
    "assembly",
    "ministry",
    "department",
    "body",
    "watchdog",
    "outlet",
    "newspaper",
    "broadcaster",
    "channel",
]);

/// Nouns for a government (`the Tobruk administration`, `the government in Tripoli`).
pub static GOVERNMENT_NOUNS: Words =
    Words::new(&["government", "administration", "authorities", "authority", "regime", "cabinet"]);

/// Prepositions before a capital that make it a place (`in Moscow`, `north-west of Moscow`).
pub static PLACE_PREPOSITIONS: Words = Words::new(&[
    "in", "to", "at", "near", "into", "outside", "around", "across", "through", "toward",
    "towards", "from", "via", "of", "inside", "within", "across", "between", "reached", "visit",
    "visited", "visiting", "arrived", "left", "fled", "entered", "returned", "flew",
]);

/// Words before a capital that make it an actor (`relations with Moscow`, `backed by Moscow`).
pub static ACTOR_BEFORE: Words = Words::new(&[
    "with", "by", "against", "and", "accused", "urged", "told", "warned", "asked", "pressed",
]);

/// Words after a capital that make it an actor (`Moscow said`, `Washington has`, `Moscow's`).
pub static ACTOR_AFTER: Words = Words::new(&[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "wants",
    "wanted",
    "announced",
    "accused",
    "denied",
    "warned",
    "rejected",
    "insisted",
    "claimed",
    "demanded",
    "urged",
    "sent",
    "launched",
    "backed",
    "supports",
    "supported",
    "sees",
    "believes",
    "hopes",
    "fears",
    "responded",
    "retaliated",
    "condemned",
    "agreed",
    "refused",
    "threatened",
    "imposed",
    "expelled",
    "recognised",
    "recognized",
    "considers",
    "views",
    "signed",
    "vowed",
    "pledged",
    "promised",
    "criticised",
    "criticized",
    "blamed",
    "confirmed",
    "is",
    "was",
]);

/// Personal pronouns and what they can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounClass {
    /// he, him, his, himself
    Male,
    /// she, her, hers, herself
    Female,
    /// they, them, their, theirs, themselves
    Plural,
    /// its, itself
    Neuter,
    /// I, me, my: the speaker of a quote (only for pronouns given as mentions)
    Speaker,
}

pub fn pronoun(word: &str) -> Option<(PronounClass, bool)> {
    // (class, is_object_form)
    Some(match word {
        "he" | "his" => (PronounClass::Male, false),
        "him" | "himself" => (PronounClass::Male, true),
        "she" | "hers" => (PronounClass::Female, false),
        "her" | "herself" => (PronounClass::Female, false),
        "they" | "their" | "theirs" => (PronounClass::Plural, false),
        "them" | "themselves" => (PronounClass::Plural, true),
        "its" | "itself" => (PronounClass::Neuter, false),
        _ => return None,
    })
}

/// Determiners that make a description definite or possessive.
pub static DEFINITE: Words =
    Words::new(&["the", "this", "that", "these", "those", "his", "her", "its", "their", "whose"]);

/// Suffixes of adjectival country forms (`Turkish-backed`, `Russian-led`).
pub const NORP_SUFFIXES: &[&str] = &[
    "-backed",
    "-led",
    "-based",
    "-born",
    "-owned",
    "-run",
    "-controlled",
    "-allied",
    "-aligned",
    "-sponsored",
    "-supported",
    "-made",
    "-brokered",
    "-funded",
    "-trained",
    "-armed",
    "-held",
];

/// Words that are not a name's part (`Jr`).
pub static NAME_SUFFIXES: Words = Words::new(&["jr", "sr", "ii", "iii", "iv"]);

/// Function words skipped when making an acronym (`Government of National Unity` -> `GNU`).
pub static ACRONYM_SKIP: Words =
    Words::new(&["of", "the", "and", "for", "de", "du", "la", "le", "al", "in", "on", "&"]);

pub fn is(list: &Words, word: &str) -> bool {
    list.has(word)
}
