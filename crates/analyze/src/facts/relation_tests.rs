//! Tests of the relation patterns that take noun phrases as arguments (places of things and
//! crowds, membership lists, control, hostility): invented sentences with their mentions marked
//! (`[ISIL]ORG`), and the relations each must (or must not) yield, one line each.

use super::super::tests::{analyse, check_cases};

fn render(r: &types::Relation) -> String {
    format!("{} {} {}", r.subject.text, r.predicate.as_str(), r.object.text)
}

/// Every expected relation is found and none of the forbidden ones (`!` prefix); returns what
/// differs.
fn check(markup: &str, expect: &[&str]) -> Option<String> {
    let (_, a) = analyse(markup, None);
    let got: Vec<String> = a.relations.iter().map(render).collect();
    let bad: Vec<&str> = expect
        .iter()
        .copied()
        .filter(|w| match w.strip_prefix('!') {
            Some(no) => got.iter().any(|g| g == no),
            None => !got.iter().any(|g| g == w),
        })
        .collect();
    (!bad.is_empty()).then(|| {
        format!(
            "{markup}
   wrong {bad:?}
   got {got:?}"
        )
    })
}

fn check_all(cases: &[(&str, &[&str])]) {
    check_cases(cases, check);
}

#[test]
fn places_of_actors_things_and_crowds() {
    let cases: &[(&str, &[&str])] = &[
        // An actor after `of` or a verb is placed too; after another preposition it is not.
        ("They vowed the defeat of [Hamas]ORG in [Gaza]GPE.", &["Hamas LOCATED_IN Gaza"]),
        (
            "The minister visited [French]NORP troops at [Bamako]GPE airport.",
            &["French troops PRESENT_IN Bamako"],
        ),
        ("He held talks with [Putin]PERSON in [Moscow]GPE.", &["!Putin PRESENT_IN Moscow"]),
        // Every place of a coordinated list.
        (
            "Jets hit [Shabaab]ORG fighters in [Somalia]GPE and [Kenya]GPE.",
            &["Shabaab fighters PRESENT_IN Somalia", "Shabaab fighters PRESENT_IN Kenya"],
        ),
        // Buildings and crowds are no names: the phrase is the argument.
        ("Gunmen attacked a mosque in northern [Mali]GPE.", &["a mosque LOCATED_IN northern Mali"]),
        ("Aid reached residents in [Aleppo]GPE.", &["residents PRESENT_IN Aleppo"]),
        // A building is where it is said to be, even after a preposition; a person is not.
        (
            "Officials spoke at the [National Museum]ORG in [Kabul]GPE.",
            &["National Museum LOCATED_IN Kabul"],
        ),
        ("A shell fell near a mosque in [Aleppo]GPE.", &["a mosque LOCATED_IN Aleppo"]),
        ("He held talks with [Omar]PERSON in [Aleppo]GPE.", &["!Omar PRESENT_IN Aleppo"]),
        // A participle or a hedge places the phrase it follows, even after a preposition.
        (
            "Troops met resistance from militants believed to be inside [Sirte]GPE.",
            &["militants PRESENT_IN Sirte"],
        ),
        ("Troops met resistance from militants in [Sirte]GPE.", &["!militants PRESENT_IN Sirte"]),
        // A definition places its subject, not the noun that classifies it.
        (
            "[Kefr Batna]GPE is a small town in eastern [Ghouta]LOC.",
            &["Kefr Batna LOCATED_IN eastern Ghouta", "!a small town LOCATED_IN eastern Ghouta"],
        ),
        (
            "The [Hadba Society]ORG is an association based in [Mosul]GPE.",
            &["Hadba Society LOCATED_IN Mosul", "!an association LOCATED_IN Mosul"],
        ),
        ("[Omar Khalil]PERSON was a teacher in [Homs]GPE.", &["Omar Khalil PRESENT_IN Homs"]),
        // Posted, stationed: the subject before the auxiliaries.
        (
            "After the war, [Tariq Aziz]PERSON was posted in [Basra]GPE.",
            &["Tariq Aziz PRESENT_IN Basra"],
        ),
        // A fronted place phrase places the things its clause destroys (not the strikes: a
        // strike is an act, not a thing placed).
        (
            "Near [Kandahar]GPE, two strikes destroyed a vehicle and three fighting positions.",
            &[
                "!two strikes LOCATED_IN Kandahar",
                "a vehicle LOCATED_IN Kandahar",
                "three fighting positions LOCATED_IN Kandahar",
            ],
        ),
        // `Y's X` for places.
        ("Shells fell on [Syria]GPE's [Idlib]GPE province.", &["Idlib LOCATED_IN Syria"]),
        // `X province, Y`: a place noun after the name, then the place it lies in.
        (
            "Gunmen killed ten men in [Anbar]GPE province, [Iraq]GPE, on Monday.",
            &["Anbar LOCATED_IN Iraq"],
        ),
        ("Aid went to [Anbar]GPE province, [Iraq]GPE and [Syria]GPE.", &["!Anbar LOCATED_IN Iraq"]),
        (
            "The towns in [Northern Iraq]GPE, including [Zumar]GPE and [Rabiyah]GPE, were freed.",
            &["Zumar LOCATED_IN Northern Iraq", "Rabiyah LOCATED_IN Northern Iraq"],
        ),
    ];
    check_all(cases);
}

#[test]
fn membership_control_and_hostility() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[NATO]ORG nations which sent ships include [Spain]GPE, [Italy]GPE and [Greece]GPE.",
            &["Spain MEMBER_OF NATO", "Greece MEMBER_OF NATO"],
        ),
        (
            "The talks drew [African Union]ORG members, including [Chad]GPE and [Niger]GPE.",
            &["Chad MEMBER_OF African Union", "Niger MEMBER_OF African Union"],
        ),
        // `include` with a non-group subject says nothing of membership.
        ("The losses include [Chad]GPE and [Niger]GPE.", &["!Chad MEMBER_OF The losses"]),
        (
            "[Goma]GPE is the largest town controlled by [M23]ORG in the region.",
            &["M23 CONTROLS Goma"],
        ),
        (
            "[Boko Haram]ORG has had control of [Gwoza]GPE for a year.",
            &["Boko Haram CONTROLS Gwoza"],
        ),
        (
            "[Kenya]GPE is working with its partners to defeat [al-Shabaab]ORG.",
            &["Kenya FIGHTS al-Shabaab"],
        ),
        ("[Chad]GPE sent troops to counter [Boko Haram]ORG.", &["Chad FIGHTS Boko Haram"]),
        // The partner named right before the infinitive fights too.
        (
            "[France]GPE stands by [Mali]GPE to defeat [al-Shabaab]ORG.",
            &["France FIGHTS al-Shabaab", "Mali FIGHTS al-Shabaab"],
        ),
        (
            "[Kenya]GPE works alongside the [African Union]ORG to counter [al-Shabaab]ORG.",
            &["Kenya FIGHTS al-Shabaab", "African Union FIGHTS al-Shabaab"],
        ),
        // Not a place, nor a partner further back.
        (
            "[Kenya]GPE sent troops to [Somalia]GPE to defeat [al-Shabaab]ORG.",
            &["Kenya FIGHTS al-Shabaab", "!Somalia FIGHTS al-Shabaab"],
        ),
        // An infinitive of support takes no subject from afar.
        ("[Chad]GPE sent envoys to support [Niger]GPE.", &["!Chad SUPPORTS Niger"]),
    ];
    check_all(cases);
}

#[test]
fn titles_and_units() {
    let cases: &[(&str, &[&str])] = &[
        (
            "\"We are ready,\" said [Ana Ruiz]PERSON, [Oxfam]ORG's deputy regional director.",
            &["Ana Ruiz MEMBER_OF Oxfam"],
        ),
        (
            "A spokesman for the [World Food Programme]ORG, [Tom Lee]PERSON, said so.",
            &["Tom Lee MEMBER_OF World Food Programme"],
        ),
        // The organisation's name runs on past its mention to the comma; not across a verb.
        (
            "A spokesman for the [UN]ORG Special Envoy for Syria, [Tom Lee]PERSON, said so.",
            &["Tom Lee MEMBER_OF UN"],
        ),
        (
            "A spokesman for the [UN]ORG said talks failed, [Tom Lee]PERSON added.",
            &["!Tom Lee MEMBER_OF UN"],
        ),
        (
            "[John Doe]PERSON, commander, [Africa Command]ORG, visited the base.",
            &["John Doe LEADS Africa Command"],
        ),
        (
            "[Mary Roe]PERSON, a senior analyst at the [Crisis Group]ORG, disagreed.",
            &["Mary Roe MEMBER_OF Crisis Group"],
        ),
        (
            "The task force is currently led by [Jan Berg]PERSON.",
            &["Jan Berg LEADS The task force"],
        ),
        (
            "A frigate joined the task force while being led by the [Royal Navy]ORG.",
            &["Royal Navy LEADS the task force"],
        ),
        (
            "Soldiers visiting from the [1st Armored Division]ORG trained there.",
            &["Soldiers MEMBER_OF 1st Armored Division"],
        ),
        (
            "[Lee]PERSON was assigned to the [82nd Airborne Division]ORG in 2015.",
            &["Lee MEMBER_OF 82nd Airborne Division"],
        ),
        (
            "[Norway]GPE, as part of the [Nordic Battlegroup]ORG, sent troops.",
            &["Norway MEMBER_OF Nordic Battlegroup"],
        ),
        ("[Ali Musa]PERSON visited [Jordan]GPE on Monday.", &["Ali Musa PRESENT_IN Jordan"]),
        ("The envoy will travel to [Iraq]GPE soon.", &["The envoy PRESENT_IN Iraq"]),
        (
            "He comes from [Amarah]GPE, a city in southern [Iraq]GPE.",
            &["Amarah LOCATED_IN southern Iraq"],
        ),
        // A title with no comma-linked person relates nobody.
        ("The director of the [IMF]ORG spoke to [Kim]PERSON.", &["!Kim MEMBER_OF IMF"]),
    ];
    check_all(cases);
}

#[test]
fn meetings_place_every_party() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[Jane Roe]PERSON met with [Alex Poe]PERSON in [Lisbon]GPE on Monday.",
            &["Jane Roe PRESENT_IN Lisbon", "Alex Poe PRESENT_IN Lisbon"],
        ),
        (
            "[Jane Roe]PERSON and [Alex Poe]PERSON met at [Oslo]GPE to discuss trade.",
            &["Jane Roe PRESENT_IN Oslo", "Alex Poe PRESENT_IN Oslo"],
        ),
        (
            "[Jane Roe]PERSON met the envoy of [Chile]GPE, [Alex Poe]PERSON, in [Quito]GPE.",
            &["Jane Roe PRESENT_IN Quito", "Alex Poe PRESENT_IN Quito"],
        ),
        // A place after an infinitive is the topic, not the meeting's place; a noun is no verb.
        (
            "[Jane Roe]PERSON met [Alex Poe]PERSON to discuss the war in [Yemen]GPE.",
            &["!Jane Roe PRESENT_IN Yemen", "!Alex Poe PRESENT_IN Yemen"],
        ),
        (
            "After the meeting with [Alex Poe]PERSON in [Rome]GPE, he left.",
            &["!Alex Poe PRESENT_IN Rome"],
        ),
    ];
    check_all(cases);
}

#[test]
fn actors_fighting_together_are_allies() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[Blue Front]ORG, [Red Guard]ORG and [Lake militia]ORG, assisted by [Norland]GPE \
             jets, attacked the town.",
            &[
                "Blue Front ALLIED_WITH Red Guard",
                "Blue Front ALLIED_WITH Lake militia",
                "Red Guard ALLIED_WITH Lake militia",
                "Norland jets SUPPORTS Red Guard",
            ],
        ),
        (
            "[Blue Front]ORG and [Red Guard]ORG fought [Lake militia]ORG for a week.",
            &["Blue Front ALLIED_WITH Red Guard", "!Blue Front ALLIED_WITH Lake militia"],
        ),
        // One actor alone, or a list that does not fight, is no alliance.
        (
            "[Blue Front]ORG and [Red Guard]ORG signed a deal.",
            &["!Blue Front ALLIED_WITH Red Guard"],
        ),
        ("[Blue Front]ORG attacked [Red Guard]ORG.", &["!Blue Front ALLIED_WITH Red Guard"]),
        ("[Acme]ORG and [Bolt]ORG launched a new computer.", &["!Acme ALLIED_WITH Bolt"]),
        (
            "[Jane Roe]PERSON and [Alex Poe]PERSON fought over taxes.",
            &["!Jane Roe ALLIED_WITH Alex Poe"],
        ),
        (
            "[Blue Front]ORG and [Red Guard]ORG launched an offensive on the city.",
            &["Blue Front ALLIED_WITH Red Guard"],
        ),
    ];
    check_all(cases);
}

#[test]
fn support_alliance_parts_and_places_in_places() {
    let cases: &[(&str, &[&str])] = &[
        // A named organisation modifying a noun, and the object of `against`, are placed.
        ("Jets hit [Shabaab]ORG camps in [Somalia]GPE.", &["Shabaab LOCATED_IN Somalia"]),
        ("The campaign against [Hamas]ORG in [Gaza]GPE goes on.", &["Hamas LOCATED_IN Gaza"]),
        // A place noun between a place and `in`.
        ("Shells fell on [Idlib]GPE province in [Syria]GPE.", &["Idlib LOCATED_IN Syria"]),
        // `support for X (in their fight against Y)`.
        (
            "[France]GPE reiterated its support for [Mali]GPE in its fight against [AQIM]ORG.",
            &["France SUPPORTS Mali", "Mali FIGHTS AQIM", "!France FIGHTS AQIM"],
        ),
        (
            "[Russia]GPE reiterated its support for [Syria]GPE's economic recovery.",
            &["!Russia SUPPORTS Syria"],
        ),
        // `their battle with X` is the subject's, not the phrase before `in`.
        (
            "[Kenyan]NORP troops took [Kismayo]GPE airport in their battle with [Shabaab]ORG.",
            &["Kenyan FIGHTS Shabaab", "!Kismayo FIGHTS Shabaab"],
        ),
        ("[Iran]GPE reported gains in its war with [Iraq]GPE.", &["Iran FIGHTS Iraq"]),
        // Whose war must be said; a trade war is no fighting.
        ("[Japan]GPE does not want a trade war with the [U.S.]GPE.", &["!Japan FIGHTS U.S."]),
        // A possessive pronoun before the noun is the clause's first named actor's.
        (
            "[Malian]NORP troops held their positions against [AQIM]ORG near the river.",
            &["Malian FIGHTS AQIM", "!their FIGHTS AQIM"],
        ),
        // `X and its allies`.
        (
            "[Houthi]NORP fighters and their [Iranian]NORP allies shelled the port.",
            &["Houthi fighters ALLIED_WITH Iranian"],
        ),
        // Parts of a whole.
        (
            "The [SDF]ORG, made up of [Kurdish]NORP fighters and [Arab]NORP tribes, advanced.",
            &["Kurdish fighters MEMBER_OF SDF", "Arab MEMBER_OF SDF"],
        ),
        // An organisation naming a title; `a` makes one of several.
        (
            "[Abu Omar]PERSON, a [Hamas]ORG commander, was killed.",
            &["Abu Omar MEMBER_OF Hamas", "!Abu Omar LEADS Hamas"],
        ),
        // A travel verb's further places.
        (
            "[Tobias Ellwood]PERSON visited [Turkey]GPE on 4 April and [Uzbekistan]GPE on 5 April.",
            &["Tobias Ellwood PRESENT_IN Turkey", "Tobias Ellwood PRESENT_IN Uzbekistan"],
        ),
    ];
    check_all(cases);
}

#[test]
fn strike_reports_appositions_hometowns_and_deployments() {
    let cases: &[(&str, &[&str])] = &[
        // A strike fights each target it engages or destroys, through `;` and `and destroyed`.
        (
            "Near [Kandahar]GPE, three strikes engaged two [Taliban]ORG units; destroyed a \
             tank, two vehicles, and a mortar and damaged a bridge.",
            &[
                "three strikes FIGHTS two Taliban units",
                "three strikes FIGHTS a tank",
                "three strikes FIGHTS two vehicles",
                "three strikes FIGHTS a mortar",
                "three strikes FIGHTS a bridge",
            ],
        ),
        // A labour strike hits no target.
        ("The strikes hit production at the port.", &["!The strikes FIGHTS production"]),
        // `X-held` materiel and buildings are controlled by X.
        (
            "One strike destroyed a [Taliban]ORG-held tank.",
            &["Taliban CONTROLS tank", "One strike FIGHTS a Taliban-held tank"],
        ),
        // Of a title and a name in apposition, the name is the subject.
        (
            "The Minister for Trade, [Anna Berg]PERSON, visited [Chile]GPE on Monday.",
            &["Anna Berg PRESENT_IN Chile"],
        ),
        // A person and the place they are from.
        (
            "Sergeant [Paul Mason]PERSON, 31, of [Leeds]GPE, died on Friday.",
            &["Paul Mason LOCATED_IN Leeds"],
        ),
        // What is sent somewhere is present there.
        (
            "[Hamas]ORG has sent hundreds of fighters to [Lebanon]GPE.",
            &["hundreds of fighters PRESENT_IN Lebanon"],
        ),
        ("The firm sent a letter to [Lebanon]GPE.", &["!a letter PRESENT_IN Lebanon"]),
    ];
    check_all(cases);
}

#[test]
fn infinitives_capture_and_fronted_support() {
    let cases: &[(&str, &[&str])] = &[
        // The subject of the verb an infinitive completes.
        ("The [Arab League]ORG continues to support [Sudan]GPE.", &["Arab League SUPPORTS Sudan"]),
        ("[Chad]GPE is assisting [Niger]GPE in the north.", &["Chad SUPPORTS Niger"]),
        // A captor holds what it took; not what was taken from it.
        (
            "[Al-Shabaab]ORG seized the tanks and two bases near [Baidoa]GPE.",
            &["Al-Shabaab CONTROLS the tanks", "Al-Shabaab CONTROLS two bases"],
        ),
        ("The town was seized by [Boko Haram]ORG.", &["Boko Haram CONTROLS The town"]),
        // Taken from an armed actor: it held the place, and the taker fights it; cleared from a
        // place: it was there. Not a thing taken from a company.
        (
            "[Malian]NORP troops retook the [Tessalit]GPE airfield from [AQIM]ORG fighters.",
            &["AQIM fighters CONTROLS the Tessalit airfield", "Malian troops FIGHTS AQIM fighters"],
        ),
        (
            "[Malian]NORP troops attempted to seize the [Gao]GPE airport from [AQIM]ORG fighters.",
            &["AQIM fighters CONTROLS the Gao airport", "Malian troops FIGHTS AQIM fighters"],
        ),
        (
            "Rebels liberated the town of [Kidal]GPE from [Ansar Dine]ORG control.",
            &["Ansar Dine CONTROLS Kidal", "Rebels FIGHTS Ansar Dine"],
        ),
        (
            "The army is clearing [al-Shabaab]ORG from [Kismayo]GPE.",
            &["al-Shabaab PRESENT_IN Kismayo"],
        ),
        (
            "Police seized the factory from [Acme Corp]ORG in [Lagos]GPE.",
            &["!Acme Corp CONTROLS the factory"],
        ),
        ("Soldiers freed [Adam Musa]PERSON from jail.", &["!Adam Musa PRESENT_IN jail"]),
        (
            "[Kano]GPE, which is still under [Boko Haram]ORG control, is calm.",
            &["Boko Haram CONTROLS Kano"],
        ),
        // A named modifier of an operational noun the lexicon also reads as a verb, and after an
        // infinitive's verb.
        ("Jets hit [Hamas]ORG targets in [Gaza]GPE.", &["Hamas LOCATED_IN Gaza"]),
        (
            "Nations joined to counter [Hamas]ORG's campaign in [Gaza]GPE.",
            &["Hamas LOCATED_IN Gaza"],
        ),
        ("He held talks with [Putin]PERSON in [Moscow]GPE.", &["!Putin PRESENT_IN Moscow"]),
        // A fronted place is the place of a meeting.
        (
            "In [Nairobi]GPE, [Anna Berg]PERSON met [Somali]NORP elders on Monday.",
            &["Anna Berg PRESENT_IN Nairobi", "Somali elders PRESENT_IN Nairobi"],
        ),
        // `In support of X, Y ...`: the clause's first actor after the comma supports X.
        (
            "In support of the [Malian Army]ORG, [French]NORP jets struck a depot.",
            &["French SUPPORTS Malian Army"],
        ),
    ];
    check_all(cases);
}

/// A pronoun is a relation's argument only once coreference resolved it (`He met X`: the
/// pronoun's span is the evidence, its antecedent the entity); names always are.
#[test]
fn resolved_pronouns_are_arguments() {
    use super::super::view::Np;
    // (is a pronoun, entity from coreference, usable)
    let cases = [(false, None, true), (true, Some(3), true), (true, None, false)];
    for (pronoun, entity, want) in cases {
        let np = Np { pronoun, entity, ..Np::default() };
        assert_eq!(super::usable(&np), want, "pronoun {pronoun} entity {entity:?}");
    }
}

#[test]
fn members_units_copular_titles_and_coordinated_subjects() {
    let cases: &[(&str, &[&str])] = &[
        // A plural of members, officials, fighters ... of an organisation.
        (
            "Gunmen killed 40 members of the [Zubaid tribe]ORG near [Tikrit]GPE.",
            &["40 members MEMBER_OF Zubaid tribe"],
        ),
        (
            "The summit brought together defence ministers of the [Arab League]ORG.",
            &["defence ministers MEMBER_OF Arab League"],
        ),
        // Not of a family or a place.
        ("Nine members of his family died.", &["!Nine members MEMBER_OF his family"]),
        ("Officials of [Kenya]GPE met.", &["!Officials MEMBER_OF Kenya"]),
        // A unit, a comma, the larger formation it is part of (not the reverse, not a list).
        (
            "[Ray]PERSON serves with [1st Squadron]ORG, [4th Cavalry Regiment]ORG, in [Hawaii]GPE.",
            &["1st Squadron MEMBER_OF 4th Cavalry Regiment"],
        ),
        (
            "Troops from [3rd Brigade]ORG, [2nd Battalion]ORG and [Delta Company]ORG took part.",
            &["!3rd Brigade MEMBER_OF 2nd Battalion"],
        ),
        // A title after a copula: one of several is a member, `the` leader leads.
        (
            "[Sami Aziz]PERSON was a commander in the [Republican Guard]ORG for ten years.",
            &["Sami Aziz MEMBER_OF Republican Guard", "!Sami Aziz LEADS Republican Guard"],
        ),
        (
            "[Omar Said]PERSON is an officer of the [Border Police]ORG.",
            &["Omar Said MEMBER_OF Border Police"],
        ),
        // Every coordinated subject of a verb of hostility.
        (
            "[Chad]GPE, [Niger]GPE and the [Nigerian army]ORG are committed to defeating [Boko Haram]ORG.",
            &[
                "Chad FIGHTS Boko Haram",
                "Niger FIGHTS Boko Haram",
                "Nigerian army FIGHTS Boko Haram",
            ],
        ),
        // An infinitive's subject is no place named after a preposition.
        (
            "The bombings in [Kabul]GPE hardened the resolve of the [Afghan government]ORG to defeat the [Taliban]ORG.",
            &["Afghan government FIGHTS Taliban", "!Kabul FIGHTS Taliban"],
        ),
        // Strikes conducted against an enemy: the conductor fights it, through a relative
        // clause and across the phrases between the strikes and `against`.
        (
            "[NATO]ORG forces conducted six strikes using fighter aircraft against [Taliban]ORG positions.",
            &["NATO forces FIGHTS Taliban"],
        ),
        (
            "Pilots from the [12th Wing]ORG joined the [44th Squadron]ORG, which will fly strike missions against [al-Shabaab]ORG as part of the [Task Force East]ORG.",
            &[
                "44th Squadron FIGHTS al-Shabaab",
                "44th Squadron MEMBER_OF Task Force East",
                "!12th Wing FIGHTS al-Shabaab",
            ],
        ),
        // Members from an organisation, after a participle and a comma.
        (
            "It brought 200 [RAF]ORG airmen, deployed from the [2nd Wing]ORG, to the base.",
            &["200 RAF airmen MEMBER_OF 2nd Wing", "!RAF MEMBER_OF 2nd Wing"],
        ),
        ("The work is guided by experts from [UNESCO]ORG.", &["experts MEMBER_OF UNESCO"]),
        // Founders and heads in the passive, also after a coordinated verb phrase.
        (
            "[It]ORG was founded by [Ali Salem]PERSON in 1990, and was later headed by his son [Omar Salem]PERSON.",
            &["Ali Salem LEADS It", "Omar Salem LEADS It"],
        ),
        (
            "The [Basra Institute]ORG was founded in 1988 and is run by the [Ministry of Education]ORG.",
            &["Ministry of Education LEADS Basra Institute"],
        ),
        (
            "[Lear]ORG was sold after a buyout which closed in May and was led by [Forstmann]ORG.",
            &["!Forstmann LEADS Lear"],
        ),
        // `as part of its expansion` names no organisation.
        (
            "[Benetton]ORG will list [its]ORG shares in [Tokyo]GPE as part of [its]ORG expansion.",
            &["!Benetton MEMBER_OF its"],
        ),
        // `The UK remains steadfast in its support of X`: the supporter is the name.
        (
            "[Japan]GPE remains steadfast in [its]ORG support of the [Afghan government]ORG.",
            &["Japan SUPPORTS Afghan government"],
        ),
        // An organisation's own body is in its charge; its people are not.
        ("[Hezbollah]ORG's media network denied the report.", &["Hezbollah LEADS media network"]),
        ("[ISIL]ORG's fighters attacked the town.", &["!ISIL LEADS fighters"]),
        // Every coordinated subject of a clause with a campaign against an enemy.
        (
            "[Jordan]GPE, [Egypt]GPE and [Morocco]GPE joined the campaign against the [Houthis]ORG.",
            &["Jordan FIGHTS Houthis", "Egypt FIGHTS Houthis", "Morocco FIGHTS Houthis"],
        ),
        // A pronoun is no place; a phrase argument starts at its determiner.
        (
            "The coalition has supported the [Afghan army]ORG in [its]GPE efforts.",
            &["!Afghan army PRESENT_IN its"],
        ),
        (
            "A strike hit vehicles that had departed a large headquarters near [Sarmada]GPE, he said.",
            &["a large headquarters LOCATED_IN Sarmada"],
        ),
        // A possessor of a thing is no fighter; a fight noun's own mention is not its owner.
        ("[His]PERSON death will degrade [ISIL]ORG's ability to fight.", &["!His FIGHTS ISIL"]),
        (
            "[Kurdish forces]ORG maintained their [defensive positions]ORG against [ISIL]ORG.",
            &["Kurdish forces FIGHTS ISIL", "!defensive positions FIGHTS ISIL"],
        ),
        // Joining a country's exercise or partners for talks is no membership.
        (
            "[Dutch]NORP forces will join [Jordan]GPE in an exercise.",
            &["!Dutch forces MEMBER_OF Jordan"],
        ),
        ("Local fighters continue to join the [SDF]ORG.", &["Local fighters MEMBER_OF SDF"]),
        // A place and a description of it are no place in a place.
        (
            "They entered [Kandahar]GPE, [the country's second-largest city]GPE, on Monday.",
            &["!Kandahar LOCATED_IN the country's second-largest city"],
        ),
        ("They entered [Kandahar]GPE, [Afghanistan]GPE.", &["Kandahar LOCATED_IN Afghanistan"]),
        // A relative clause's antecedent is based somewhere; a crowd in each place of a list;
        // those meeting are at the meeting's place.
        (
            "[Lee]PERSON serves in the [Mine Clearance Unit]ORG, which is based in [Norfolk]GPE.",
            &["Mine Clearance Unit LOCATED_IN Norfolk"],
        ),
        (
            "It has 300 employees across [Kenya]GPE, [Uganda]GPE, the [Sudan]GPE and [Chad]GPE.",
            &[
                "300 employees PRESENT_IN Kenya",
                "300 employees PRESENT_IN Chad",
                "!Kenya LOCATED_IN Uganda",
            ],
        ),
        (
            "The last meeting of [NATO]ORG defence ministers took place in [Brussels]GPE in June.",
            &["NATO defence ministers PRESENT_IN Brussels"],
        ),
        // The person an apposition describes is placed; a speaker is where they spoke.
        (
            "[Omar Ali]PERSON, a doctor in [Aleppo]GPE, said so.",
            &["Omar Ali PRESENT_IN Aleppo", "!a doctor PRESENT_IN Aleppo"],
        ),
        (
            "A spokesman, [Ana Silva]PERSON, told a news conference in [Geneva]GPE that aid had stopped.",
            &["Ana Silva PRESENT_IN Geneva"],
        ),
        ("[Kerry]PERSON said in [Cairo]GPE that talks would resume.", &["Kerry PRESENT_IN Cairo"]),
        ("[Kerry]PERSON said 20 people died in [Cairo]GPE.", &["!Kerry PRESENT_IN Cairo"]),
        // The member phrase ends right before `from`; the subject over a relative clause.
        (
            "It works under the guidance of [heritage experts]ORG from [UNESCO]ORG.",
            &["heritage experts MEMBER_OF UNESCO"],
        ),
        (
            "[Lee]PERSON, who was serving in [Iraq]GPE, was assigned to the [Mine Unit]ORG.",
            &["Lee MEMBER_OF Mine Unit"],
        ),
        // A fight's owner is no speaker: `X said the campaign against Y`.
        (
            "[Cook]PERSON said the campaign against [ISIL]ORG is progressing.",
            &["!Cook FIGHTS ISIL"],
        ),
        // `in support of X`: the supporter is no place of a fronted phrase.
        (
            "Also in [Mali]GPE, [French forces]ORG conducted raids in support of the [Malian army]ORG.",
            &["French forces SUPPORTS Malian army", "!Mali SUPPORTS Malian army"],
        ),
    ];
    check_all(cases);
}

#[test]
fn described_and_owned_places() {
    let cases: &[(&str, &[&str])] = &[
        // A place described by a phrase headed by a place noun lies in the place after `in`; the
        // description's named modifier is not placed.
        (
            "The offensive reached [Kandi]GPE, a self-proclaimed [Boko Haram]ORG capital in [Niger]GPE.",
            &["Kandi LOCATED_IN Niger", "!Boko Haram LOCATED_IN Niger"],
        ),
        (
            "[Gao]GPE is the largest city controlled by rebels in [Mali]GPE.",
            &["Gao LOCATED_IN Mali"],
        ),
        ("[Gao]GPE is the largest market in [Mali]GPE.", &["!Gao LOCATED_IN Mali"]),
        // A place a place owns lies in it.
        (
            "Shells fell on [Kabul]GPE's crowded [Shahr-e Naw]GPE district.",
            &["Shahr-e Naw LOCATED_IN Kabul"],
        ),
        ("[Kenya]GPE's [Ruto]PERSON spoke.", &["!Ruto LOCATED_IN Kenya"]),
        // The taker of a place controls it; so does an armed user of a building as a base.
        (
            "A year after the fall of [Mosul]GPE to [ISIL]ORG, the city is ruined.",
            &["ISIL CONTROLS Mosul"],
        ),
        ("[Palmyra]GPE fell to [ISIL]ORG fighters in May.", &["ISIL fighters CONTROLS Palmyra"]),
        ("Oil prices fell to [OPEC]ORG levels.", &["!OPEC CONTROLS Oil prices"]),
        (
            "[Boko Haram]ORG was using the school as a base for attacks.",
            &["Boko Haram CONTROLS the school"],
        ),
        ("[Acme]ORG used the figure as a base for its forecast.", &["!Acme CONTROLS the figure"]),
        // A place modifying a group's head is placed with it; a place alone is no actor.
        (
            "The minister visited [U.S.]GPE troops in [Syria]GPE.",
            &["U.S. troops PRESENT_IN Syria", "!The minister PRESENT_IN U.S."],
        ),
        ("Talks between [Spain]GPE in [Madrid]GPE failed.", &["!Spain PRESENT_IN Madrid"]),
        // Verbs of destruction take the enemy after an infinitive.
        (
            "The [African Union]ORG sent troops to destroy [al-Shabaab]ORG.",
            &["African Union FIGHTS al-Shabaab"],
        ),
    ];
    check_all(cases);
}

#[test]
fn where_people_died() {
    let cases: &[(&str, &[&str])] = &[
        // A named person who died or was killed somewhere was present there, past a date.
        ("[Omar Khalil]PERSON died in [Homs]GPE.", &["Omar Khalil PRESENT_IN Homs"]),
        (
            "[Omar Khalil]PERSON died on {7 January 2016}=2016-01-07 in [Homs]GPE.",
            &["Omar Khalil PRESENT_IN Homs"],
        ),
        (
            "Sgt. [John Ward]PERSON, 42, of [Leeds]GPE, died in [Mali]GPE.",
            &["John Ward PRESENT_IN Mali"],
        ),
        (
            "Sgt. [John Ward]PERSON, 42, of [Leeds]GPE, died on {7 January 2016}=2016-01-07 in northern [Mali]GPE.",
            &["John Ward PRESENT_IN northern Mali", "!Leeds PRESENT_IN northern Mali"],
        ),
        ("[Ali Hassan]PERSON was killed in [Mosul]GPE.", &["Ali Hassan PRESENT_IN Mosul"]),
        // An active `killed` is no place of its subject; nor is what is no person.
        ("[Ali Hassan]PERSON killed ten people in [Mosul]GPE.", &["!Ali Hassan PRESENT_IN Mosul"]),
        ("The deal died in [Brussels]GPE.", &["!The deal PRESENT_IN Brussels"]),
    ];
    check_all(cases);
}

#[test]
fn lists_with_a_serial_comma() {
    let cases: &[(&str, &[&str])] = &[
        // A serial comma before `and` ends the list: its last item is a member too.
        (
            "The [Global Coalition]ORG includes [Australia]GPE, [France]GPE, the [United Kingdom]GPE, and the [United States]GPE.",
            &[
                "United States MEMBER_OF Global Coalition",
                "United Kingdom MEMBER_OF Global Coalition",
            ],
        ),
        (
            "The [Global Coalition]ORG includes [Australia]GPE, [France]GPE and [Japan]GPE.",
            &["Japan MEMBER_OF Global Coalition", "Australia MEMBER_OF Global Coalition"],
        ),
    ];
    check_all(cases);
}
