//! Tests of the embedded gazetteer: the committed artefact must load fast and answer the
//! lookups the analysis relies on.

use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn first(name: &str) -> Option<(String, String, Option<String>)> {
    g().lookup(name)
        .next()
        .map(|e| (e.id(), e.feature().to_string(), e.country_code().map(str::to_string)))
}

#[test]
fn embedded_artefact_loads() {
    assert!(g().countries().len() > 240);
    assert!(g().places().len() > 30_000);
    assert!(!g().igos().is_empty() && !g().seats().is_empty());
}

#[test]
fn names_resolve_to_the_expected_feature() {
    // name, feature of the best candidate, country
    let cases = [
        ("Libya", "country", "LY"),
        ("libya", "country", "LY"),
        ("the Gambia", "country", "GM"),
        ("Russian Federation", "country", "RU"),
        ("Britain", "country", "GB"),
        ("Moscow", "city", "RU"),
        ("Tripoli", "city", "LY"),
        ("Derna", "city", "LY"),
        ("Tobruk", "city", "LY"),
        ("Kiev", "city", "UA"),
        ("Kyiv", "city", "UA"),
        ("Washington", "city", "US"),
        ("Middle East", "region", ""),
        ("Sahel", "region", ""),
        ("Gaza Strip", "region", "PS"),
        ("Africa", "continent", ""),
        ("Kremlin", "seat", "RU"),
        ("the White House", "seat", "US"),
        ("United Nations", "igo", ""),
        ("Security Council", "igo", ""),
        ("Arab League", "igo", ""),
    ];
    for (name, feature, cc) in cases {
        let got = first(name).unwrap_or_else(|| panic!("no entry for {name}"));
        assert_eq!(got.1, feature, "{name}: {got:?}");
        assert_eq!(got.2.unwrap_or_default(), cc, "{name}");
    }
    for missing in ["us", "the", "", "Xyzzyville"] {
        assert!(first(missing).is_none(), "{missing} found {:?}", first(missing));
    }
}

#[test]
fn ambiguous_names_list_every_candidate() {
    let countries: Vec<&str> = g().lookup("Tripoli").filter_map(|e| e.country_code()).collect();
    assert!(countries.contains(&"LY") && countries.contains(&"LB"), "{countries:?}");
}

#[test]
fn acronyms_codes_demonyms_and_capitals() {
    for (acr, id) in [
        ("UN", "igo:UN"),
        ("U.N.", "igo:UN"),
        ("UNSC", "igo:UNSC"),
        ("NATO", "igo:NATO"),
        ("EU", "igo:EU"),
        ("IAEA", "igo:IAEA"),
        ("US", "country:US"),
        ("U.S.", "country:US"),
        ("UK", "country:GB"),
        ("G20", "igo:G20"),
    ] {
        assert_eq!(g().acronym(acr).map(|e| e.id()).as_deref(), Some(id), "{acr}");
    }
    assert!(g().acronym("who").is_none());
    for (code, name) in [("LY", "Libya"), ("lby", "Libya"), ("TR", "Turkey")] {
        assert_eq!(g().country(code).map(|c| &*c.name), Some(name), "{code}");
    }
    for (word, code) in [
        ("Russian", "RU"),
        ("Turkish", "TR"),
        ("Turk", "TR"),
        ("Libyan", "LY"),
        ("American", "US"),
        ("Dominican", "DO"),
        ("Congolese", "CD"),
        ("Indian", "IN"),
        ("French", "FR"),
    ] {
        assert_eq!(g().demonym(word).map(|c| &*c.code), Some(code), "{word}");
    }
    assert!(g().demonym("Wagner").is_none());
    for (city, code) in [("Moscow", "RU"), ("Washington", "US"), ("Tripoli", "LY"), ("Kyiv", "UA")]
    {
        assert_eq!(g().capital_country(city).map(|c| &*c.code), Some(code), "{city}");
    }
    assert!(g().capital_country("Tobruk").is_none());
}

#[test]
fn ids_round_trip_and_outlines_exist() {
    for name in ["Libya", "Moscow", "Sahel", "Africa", "United Nations", "Kremlin"] {
        let e = g().lookup(name).next().expect(name);
        let back = g().by_id(&e.id()).expect("by id");
        assert_eq!(back.id(), e.id());
        let r = e.georef();
        assert_eq!(r.id, e.id());
    }
    let o = g().outline("LY").expect("outline");
    assert!(o.starts_with("{\"coordinates\"") || o.starts_with("{\"type\""), "{}", &o[..40]);
    assert!(g().outline("ZZ").is_none());
}

#[test]
fn loads_quickly() {
    let t = std::time::Instant::now();
    let fresh = Gazetteer::from_gzip(EMBEDDED).expect("decodes");
    let ms = t.elapsed().as_millis();
    assert!(!fresh.is_empty());
    // Generous for unoptimised test builds; `sitrep eval`/release loads in ~30 ms.
    assert!(ms < 3_000, "took {ms} ms");
}

#[test]
fn corrupt_artefacts_are_errors_not_panics() {
    assert!(Gazetteer::from_gzip(b"not gzip").is_err());
    assert!(Gazetteer::parse("wrong header\n").is_err());
    assert!(Gazetteer::parse("sitrep-gazetteer\t1\nP\tx\n").is_err());
    assert!(Gazetteer::parse("sitrep-gazetteer\t1\nQ\n").is_err());
}
