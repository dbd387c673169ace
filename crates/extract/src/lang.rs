//! Is an article English? English function words decide most texts at once; the rest (short
//! texts, tables, headlines in capitals, other languages) go to a trigram/script model
//! (`whatlang`) on a lower-cased sample, which must be sure before an article is called
//! non-English.

use whatlang::{Lang, Script};

/// The language of `text`: `Ok("en")` for English (or too little text to tell), `Err(code)` with
/// an ISO 639-1 code (639-3 when there is none) when it is something else.
pub fn detect(text: &str) -> Result<&'static str, &'static str> {
    let sample = sample(text, 3000);
    let (letters, latin) = letters(&sample);
    if letters < 20 {
        return Ok("en");
    }
    let (words, hits) = function_words(&sample);
    if words >= 8 && hits * 100 >= words * 12 {
        return Ok("en");
    }
    let Some(info) = whatlang::detect(&sample) else { return Ok("en") };
    if info.lang() == Lang::Eng {
        return Ok("en");
    }
    // A text mostly in another script is not English, however unsure the model is between
    // languages of that script.
    if latin * 2 < letters && info.script() != Script::Latin {
        return Err(code(info.lang()));
    }
    // Latin script: few English function words, and many of another language's; or, for a
    // language without a list here, a confident model on prose (tables of figures and
    // abbreviations, like company results, fool the model).
    if words >= 8 && hits * 100 < words * 5 {
        let model = code(info.lang());
        let listed = FOREIGN.iter().any(|(c, _)| *c == model);
        if let Some((list, n)) = foreign_words(&sample)
            && n * 100 >= words * 15
        {
            return Err(if listed && info.script() == Script::Latin { model } else { list });
        }
        let tokens = sample.split_whitespace().count().max(1);
        let numeric = sample
            .split_whitespace()
            .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
            .count();
        if !listed
            && info.is_reliable()
            && words >= 20
            && hits * 100 < words * 3
            && numeric * 10 < tokens
        {
            return Err(model);
        }
    }
    Ok("en")
}

/// The first `max` bytes of `text` (on a char boundary), lower-cased so that headlines in
/// capitals look like prose.
fn sample(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_lowercase()
}

/// Letters, and how many of them are Latin.
fn letters(s: &str) -> (usize, usize) {
    let mut all = 0;
    let mut latin = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        all += 1;
        if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            latin += 1;
        }
    }
    (all, latin)
}

/// The commonest English words, that other languages rarely share.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "it", "with", "as", "on", "be",
    "at", "by", "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which",
    "you", "were", "her", "his", "she", "he", "has", "been", "their", "would", "will", "said",
    "its", "there", "who", "we", "more", "than", "after", "also", "into", "could", "about", "over",
    "year", "new", "what", "when", "up", "out", "our", "other", "these", "so", "if", "can", "him",
    "no", "last", "should", "while", "those", "such", "only", "says", "would", "against",
];

/// Words in `s`, and how many are English function words.
fn function_words(s: &str) -> (usize, usize) {
    let mut words = 0;
    let mut hits = 0;
    for w in s.split(|c: char| !c.is_alphabetic() && c != '\'').filter(|w| !w.is_empty()) {
        words += 1;
        if ENGLISH.contains(&w) {
            hits += 1;
        }
    }
    (words, hits)
}

/// Function words of other languages written in Latin script (none of them English words).
const FOREIGN: &[(&str, &[&str])] = &[
    (
        "fr",
        &[
            "le", "la", "les", "des", "du", "une", "et", "est", "que", "qui", "dans", "pour",
            "pas", "sur", "avec", "au", "aux", "ce", "sont", "ont", "il", "elle", "nous", "vous",
            "leur", "été", "mais", "où",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine",
            "einer", "sich", "auf", "für", "von", "zu", "im", "des", "auch", "wird", "sind", "hat",
            "dass", "nach", "bei", "wie", "oder",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "del", "que", "y", "en", "por", "con", "para", "una", "es",
            "se", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ha", "fue", "este",
            "entre", "sobre",
        ],
    ),
    (
        "it",
        &[
            "il", "lo", "la", "gli", "le", "di", "che", "e", "è", "del", "della", "per", "non",
            "con", "una", "sono", "nel", "alla", "anche", "ha", "da", "dei", "si", "come", "più",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "da", "do", "das", "dos", "que", "e", "em", "um", "uma", "para",
            "com", "não", "por", "se", "na", "no", "mais", "foi", "ao", "ser", "são", "mas",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met",
            "voor", "er", "aan", "ook", "maar", "om", "bij", "werd", "heeft", "naar", "wordt",
            "hij", "zij",
        ],
    ),
    (
        "sv",
        &[
            "och", "att", "det", "som", "en", "är", "av", "för", "på", "med", "har", "till", "den",
            "inte", "om", "ett", "var", "de", "så", "men", "från",
        ],
    ),
    (
        "da",
        &[
            "og", "at", "det", "som", "en", "er", "af", "for", "på", "med", "har", "til", "den",
            "ikke", "om", "et", "var", "de", "så", "men", "fra", "jeg",
        ],
    ),
    (
        "pl",
        &[
            "i", "w", "z", "na", "nie", "się", "do", "że", "to", "jest", "o", "jak", "po", "od",
            "za", "przez", "oraz", "dla", "ale", "są", "był",
        ],
    ),
    (
        "tr",
        &[
            "ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "olan", "gibi",
            "ama", "ancak", "sonra", "kadar", "değil",
        ],
    ),
    (
        "id",
        &[
            "yang", "dan", "di", "dari", "ini", "itu", "dengan", "untuk", "tidak", "akan", "pada",
            "adalah", "dalam", "ke", "juga", "oleh", "telah",
        ],
    ),
    (
        "ro",
        &[
            "și", "în", "la", "cu", "pe", "nu", "este", "că", "din", "care", "o", "un", "pentru",
            "mai", "au", "fost", "sunt", "ca", "dar",
        ],
    ),
];

/// The other language whose function words `s` has most of, and how many.
fn foreign_words(s: &str) -> Option<(&'static str, usize)> {
    let words: Vec<&str> =
        s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    FOREIGN
        .iter()
        .map(|(code, list)| (*code, words.iter().filter(|w| list.contains(w)).count()))
        .max_by_key(|&(_, n)| n)
}

/// ISO 639-1 code of a whatlang language (639-3 where 639-1 has none).
fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
        #[allow(unreachable_patterns)]
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Result<&str, &str>) {
        assert_eq!(detect(text), expect, "text {text:?}");
    }

    #[test]
    fn languages() {
        for (text, expect) in [
            (
                "The minister said on Monday that the talks had failed and that the army would stay.",
                Ok("en"),
            ),
            (
                "BAHIA COCOA REVIEW\n\nSHOWERS CONTINUED THROUGHOUT THE WEEK IN THE BAHIA COCOA ZONE",
                Ok("en"),
            ),
            (
                "Shr 1.20 dlrs vs 1.10 dlrs\nNet 12.5 mln vs 11.0 mln\nRevs 150.3 mln vs 140.2 mln",
                Ok("en"),
            ),
            ("Hi", Ok("en")),
            ("", Ok("en")),
            (
                "Le gouvernement a annoncé lundi que les négociations avec les syndicats avaient échoué et que la grève continuerait.",
                Err("fr"),
            ),
            (
                "Die Regierung hat am Montag mitgeteilt, dass die Verhandlungen mit den Gewerkschaften gescheitert sind und der Streik weitergeht.",
                Err("de"),
            ),
            (
                "El gobierno anunció el lunes que las negociaciones con los sindicatos habían fracasado y que la huelga continuaría.",
                Err("es"),
            ),
            (
                "Правительство заявило в понедельник, что переговоры с профсоюзами провалились и забастовка продолжится.",
                Err("ru"),
            ),
            ("الحكومة أعلنت يوم الاثنين أن المفاوضات مع النقابات فشلت وأن الإضراب سيستمر", Err("ar")),
        ] {
            check(text, expect);
        }
    }
}
