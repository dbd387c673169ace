//! Trigger words in their other senses (markets, business, idioms) yield no event, while the
//! political sense of the same word still does. Sentences are invented.

use super::tests::check_events;

#[test]
fn other_senses_yield_no_event() {
    let cases: &[(&str, &[&str])] = &[
        // Markets.
        ("The franc eased to 30.05 marks per 100.", &[]),
        ("The notes were priced to yield 88 basis points over Treasuries.", &[]),
        ("Profits declined 12 pct last year.", &[]),
        ("Bond yields have been rising since May.", &[]),
        ("Their lending had declined substantially last year.", &[]),
        ("Receipts were 6.4 billion against withdrawals of 5.9 billion.", &[]),
        ("May futures retreated to 132.90 cents.", &[]),
        ("[Acme]ORG raised its offer to 48 dlrs a share.", &[]),
        ("[Moody's]ORG withdrew the ratings on [Acme]ORG's senior debt.", &[]),
        ("[Acme]ORG withdrew its registration statement.", &[]),
        ("The banker said, in response to a [Reuters]ORG enquiry, that rates would fall.", &[]),
        ("A further decline in the dollar is likely.", &[]),
        ("Domestic demand for steel slackened.", &[]),
        ("Demand for copper rose sharply.", &[]),
        ("Factory orders rose 3.2 pct in February.", &[]),
        ("The carrier ordered 10 jets.", &[]),
        ("Orders at its aerospace unit were higher.", &[]),
        ("Sustained demand in its home markets helped.", &[]),
        ("Prices rose 5.3 pct in march 1986.", &[]),
        ("The [U.S.]GPE budget deficit will be released today.", &[]),
        // Business.
        ("The company expects to meet its obligations.", &[]),
        ("The contract calls for the mint to ship blanks.", &[]),
        ("Officials need to deal with the problem quickly.", &[]),
        ("The results were released today.", &[]),
        ("The ministry released its trade figures.", &[]),
        ("Brokers earn commissions from such deals.", &[]),
        ("There is a great deal of growth potential.", &[]),
        ("The exchange keeps member order books.", &[]),
        // Sport and struggle.
        ("[Hewitt]PERSON beat [Nalbandian]PERSON 6-3 6-4.", &[]),
        ("[Hrbaty]PERSON defeated the 10th seed in five sets.", &[]),
        ("A tremendous strike from [Bryson]PERSON gave them the lead in the match.", &[]),
        ("The charity will combat HIV across the region.", &[]),
        ("We have to beat a [Premiership]ORG side first.", &[]),
        ("The company is fighting two lawsuits.", &[]),
        // Speech.
        ("A spokesman declined to comment.", &[]),
        ("The official, who asked not to be identified, was upbeat.", &[]),
        ("Shares fell after the company's alleged sale of machines.", &[]),
        ("The chairman declined to predict earnings.", &[]),
        ("The envoy declined to discuss the figures.", &[]),
        ("[Acme]ORG said it will release its results in April.", &[]),
        ("The minister refused to say how much was paid.", &[]),
        // Idiom and month.
        ("The bank would be hard pressed to raise rates.", &[]),
        ("March volume included a record number of contracts.", &[]),
    ];
    check_events(cases);
}

#[test]
fn political_senses_still_yield_events() {
    let cases: &[(&str, &[&str])] = &[
        (
            // The party that invited is whom the refusal answers, not a place.
            "[Ostrana]GPE declined the invitation from [Valdoria]GPE.",
            &["REJECT Ostrana > Valdoria"],
        ),
        ("[Valdoria]GPE released the prisoners.", &["RETREAT/release Valdoria > the prisoners"]),
        ("The government yielded to the strikers.", &["CONCEDE The government > the strikers"]),
        (
            "[Ostrana]GPE's ministers attacked the plans.",
            &["ACCUSE/disapprove Ostrana's ministers > -"],
        ),
        (
            "Troops occupied the ports after a national seamen's strike.",
            &["COERCE/confiscate Troops > -"],
        ),
        ("[Ostrana]GPE troops fought the rebels.", &["ASSAULT Ostrana troops > the rebels"]),
        ("Gunmen attacked fans at the [Tarn]GPE football match.", &["ASSAULT Gunmen > - @Tarn"]),
        (
            "A team of gunmen attacked the [Tarn]GPE army base after a victory.",
            &["ASSAULT gunmen > Tarn army"],
        ),
        (
            "The [Arab League]ORG said militias attacked [Tarn]GPE.",
            &["ASSAULT militias > Tarn", "STATEMENT Arab League > -"],
        ),
        (
            "[Ostrana]GPE alleged that [Tarn]GPE had shelled the border.",
            &["ACCUSE/disapprove Ostrana > Tarn"],
        ),
        (
            "Senators voted 92-1 after the [Ostrana]GPE attack on [Tarn]GPE.",
            &["ASSAULT Ostrana > Tarn"],
        ),
        ("The hostages were freed.", &["RETREAT/release - > The hostages"]),
        (
            "[Valdoria]GPE withdrew its troops from [Tarn]GPE.",
            &["RETREAT/withdraw Valdoria > Tarn @Tarn"],
        ),
        (
            "The [UN]ORG opened an inquiry into [Tarn]GPE's elections.",
            &["ACCUSE/investigate UN > Tarn"],
        ),
        ("The court ordered the militia to disarm.", &["REQUEST The court > the militia"]),
        ("The general orders the militia to disarm.", &["REQUEST The general > the militia"]),
        ("The rebels rejected the demand.", &["REJECT The rebels > -"]),
        (
            "The rebels rejected [Valdoria]GPE's demand for a ceasefire.",
            &["REJECT The rebels > Valdoria"],
        ),
        (
            "[Ostrana]GPE's [Cabinet]ORG met {Sunday}=2023-09-24 and approved the plan.",
            &["CONSULT/meet Cabinet > - 2023-09-24"],
        ),
        (
            "[Amnesty]ORG called for sanctions against [Valdoria]GPE.",
            &["REQUEST Amnesty > Valdoria"],
        ),
        (
            "[Tarn]PERSON will meet the [Ostranian]NORP envoy.",
            &["CONSULT/meet Tarn+Ostranian envoy > - !planned"],
        ),
        (
            "Dock workers went on strike in [Port Vale]GPE.",
            &["PROTEST/boycott Dock workers > - @Port Vale"],
        ),
        (
            // (Ostrana should be a party too: noun triggers take no subject yet.)
            "[Ostrana]GPE remained far from an agreement with [Valdoria]GPE.",
            &["AGREE Valdoria > - !negated"],
        ),
        (
            "Shareholders are hoping for an offer to [Acme]ORG from [Globex]ORG.",
            &["AGREE - > Acme !hypothetical"],
        ),
    ];
    check_events(cases);
}

#[test]
fn reports_and_questions_lend_their_modality() {
    let cases: &[(&str, &[&str])] = &[
        // A denied claim is negated.
        (
            "The army denied that its troops had attacked the village.",
            &["ASSAULT its troops > - !negated"],
        ),
        (
            "[Ostrana]GPE denied its jets bombed [Tarn]GPE.",
            &["ASSAULT/explosives its jets > Tarn !negated"],
        ),
        (
            "[Ostrana]GPE denied reports that its jets bombed [Tarn]GPE.",
            &["ASSAULT/explosives its jets > Tarn !negated"],
        ),
        // A report withheld asserts nothing, and is no statement.
        (
            "The ministry did not say that [Tarn]GPE had attacked the tanker.",
            &["ASSAULT Tarn > - !uncertain"],
        ),
        ("[Acme]ORG did not explicitly suggest the rupee should be devalued.", &[]),
        (
            "The spokesman declined to confirm reports that [Tarn]GPE bombed the convoy.",
            &["ASSAULT/explosives Tarn > - !uncertain"],
        ),
        // An indirect question is uncertain.
        (
            "Asked whether [Tarn]GPE had attacked the tanker, the minister said nothing.",
            &["ASSAULT Tarn > - !uncertain", "STATEMENT the minister > -"],
        ),
        (
            "It is unclear whether [Tarn]GPE attacked [Ostrana]GPE.",
            &["ASSAULT Tarn > Ostrana !uncertain"],
        ),
        // What the report does assert, and a `who` question, keep the event.
        (
            "A spokesman said [Tarn]GPE attacked [Ostrana]GPE.",
            &["ASSAULT Tarn > Ostrana", "STATEMENT A spokesman > -"],
        ),
        (
            "Officials did not say when [Tarn]GPE attacked [Ostrana]GPE.",
            &["ASSAULT Tarn > Ostrana"],
        ),
    ];
    check_events(cases);
}
