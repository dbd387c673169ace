//! Facts across sentences: re-reports of one event become one cluster (a mention that tells
//! nothing of its own joins none), and a pronoun speaker continues the last speaker. Sentences
//! are invented.

use super::tests::{analyse, check_events};

/// The document's events as `sentence: actor+actor` (0-based sentences), in order.
fn events(markup: &str) -> Vec<String> {
    let (_, a) = analyse(markup, None);
    a.events
        .iter()
        .map(|e| {
            let actors: Vec<&str> = e.actors.iter().map(|x| x.text.as_str()).collect();
            format!("{}: {}", e.sentence, actors.join("+"))
        })
        .collect()
}

#[test]
fn bare_mentions_join_no_cluster() {
    let cases: &[(&str, &[&str])] = &[
        // Who attacked the convoy is not said: it is not the village attack.
        (
            "The army said its troops attacked the village. Officials did not say who attacked the convoy.",
            &["0: its troops", "0: The army"],
        ),
        // A re-report with its own participants joins (and an unnamed speaker is its source).
        (
            "[Tarn]GPE attacked [Ostrana]GPE. Officials said [Tarn]GPE attacked [Ostrana]GPE.",
            &["0: Tarn", "1: Tarn", "1: Officials"],
        ),
    ];
    for (markup, want) in cases {
        assert_eq!(events(markup), *want, "{markup}");
    }
}

#[test]
fn a_pronoun_speaker_continues_the_last_speaker() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[Tarn]GPE will cut spending, [Acme]ORG said. It said [Ostrana]GPE attacked [Valdoria]GPE.",
            &["ASSAULT Ostrana > Valdoria", "STATEMENT It<Acme> > -"],
        ),
        // An unnamed speaker leaves the pronoun unresolved, not some other name.
        (
            "The report says [Tarn]GPE must cut spending. It says [Ostrana]GPE attacked [Valdoria]GPE.",
            &["ASSAULT Ostrana > Valdoria"],
        ),
        (
            "[Tarn]GPE will cut spending, a spokesman said. He said [Ostrana]GPE attacked [Valdoria]GPE.",
            &["ASSAULT Ostrana > Valdoria"],
        ),
        // A speaker of the other kind does not continue (`it` is no person).
        (
            "[Tarn]GPE will cut spending, [Jan Novak]PERSON said. It said [Ostrana]GPE attacked [Valdoria]GPE.",
            &["ASSAULT Ostrana > Valdoria", "STATEMENT It<Tarn> > -"],
        ),
    ];
    check_events(cases);
}
