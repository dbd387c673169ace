//! Re-reports of one event in an article become one cluster; a mention that tells nothing of
//! its own joins none. Sentences are invented.

use super::tests::analyse;

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
        // A re-report with its own participants joins.
        (
            "[Tarn]GPE attacked [Ostrana]GPE. Officials said [Tarn]GPE attacked [Ostrana]GPE.",
            &["0: Tarn", "1: Tarn"],
        ),
    ];
    for (markup, want) in cases {
        assert_eq!(events(markup), *want, "{markup}");
    }
}
