//! The word lists the fact finder reads tokens through: closed word classes (determiners,
//! prepositions, auxiliaries, ...), actor-sector nouns, and the PLOVER trigger lexicon.
//!
//! Everything is built once into one hashed table keyed by the lower-cased token, so the inner
//! loop does one lookup per token. The trigger entries are general English (CAMEO/PLOVER
//! codebook verbs and nouns, modes after the published CAMEO->PLOVER crosswalk); none names an
//! actor. Verbs are written as lemmas and inflected here (`v:attack` gives `attack attacks
//! attacked attacking`; irregular forms are spelled `v:meet/met`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use types::EventCategory;

/// Word-class bits.
pub mod wc {
    pub const DET: u32 = 1 << 0;
    pub const POSS: u32 = 1 << 1;
    pub const PRON: u32 = 1 << 2;
    pub const REL: u32 = 1 << 3;
    pub const PREP: u32 = 1 << 4;
    pub const CONJ: u32 = 1 << 5;
    pub const SUB: u32 = 1 << 6;
    pub const BE: u32 = 1 << 7;
    pub const HAVE: u32 = 1 << 8;
    pub const DO: u32 = 1 << 9;
    pub const MODAL: u32 = 1 << 10;
    pub const NEG: u32 = 1 << 11;
    pub const ADV: u32 = 1 << 12;
    /// A verb form that is not an event trigger (clause structure only).
    pub const VERB: u32 = 1 << 13;
    /// Reporting verb (`said`, `told`, `confirmed`).
    pub const REPORT: u32 = 1 << 14;
    /// Light verb whose object noun carries the event (`held talks`, `launched an attack`).
    pub const LIGHT: u32 = 1 << 15;
    pub const QUANT: u32 = 1 << 16;
    /// Head nouns of armed or organised groups (`forces`, `group`, `militia`).
    pub const GROUP: u32 = 1 << 17;
    /// Compass words (`east`, `eastern`, `north-west`).
    pub const DIRECTION: u32 = 1 << 18;
    /// Generic place heads (`city`, `town`, `region`, `areas`).
    pub const PLACE: u32 = 1 << 19;
    /// Leadership titles (`leader`, `chief`, `commander`).
    pub const LEAD: u32 = 1 << 20;
    /// Plural pronoun (`they`, `them`, `their`).
    pub const PLURAL: u32 = 1 << 21;
    /// Personal (animate) pronoun (`he`, `she`, `his`, `her`).
    pub const PERSONAL: u32 = 1 << 22;
    /// Words that make an event habitual or generic (`regular`, `frequent`).
    pub const HABITUAL: u32 = 1 << 23;
    /// Words that mark an event as hedged (`may`, `might`, `possibly`, `alleged`).
    pub const HEDGE: u32 = 1 << 24;
    /// Crowd nouns (`protesters`, `demonstrators`, `workers`): make `protest` a PROTEST.
    pub const CROWD: u32 = 1 << 25;
    /// Kinship of the ordinal `first` (`the first meeting ... since 2019`).
    pub const FIRST: u32 = 1 << 26;
    /// Document nouns whose "actor" is their author (`resolution`, `statement`, `report`).
    pub const DOCNOUN: u32 = 1 << 27;
    /// Words that anchor a relation pattern (`backs`, `stationed`, `rival`, `against`).
    pub const RELCUE: u32 = 1 << 28;
    /// Offences and their perpetration (`crimes`, `abuses`, `committed`): in an accusation,
    /// `crimes by X` names the accused.
    pub const OFFENCE: u32 = 1 << 29;
}

/// CAMEO-style actor sectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sector {
    Gov,
    Mil,
    Reb,
    Opp,
    Cop,
    Jud,
    Leg,
    Med,
    Bus,
    Lab,
    Edu,
    Cvl,
    Ref,
    Hlh,
    Rel,
    Eli,
    Spy,
    Uaf,
    Ngo,
}

impl Sector {
    pub const fn code(self) -> &'static str {
        match self {
            Sector::Gov => "GOV",
            Sector::Mil => "MIL",
            Sector::Reb => "REB",
            Sector::Opp => "OPP",
            Sector::Cop => "COP",
            Sector::Jud => "JUD",
            Sector::Leg => "LEG",
            Sector::Med => "MED",
            Sector::Bus => "BUS",
            Sector::Lab => "LAB",
            Sector::Edu => "EDU",
            Sector::Cvl => "CVL",
            Sector::Ref => "REF",
            Sector::Hlh => "HLH",
            Sector::Rel => "REL",
            Sector::Eli => "ELI",
            Sector::Spy => "SPY",
            Sector::Uaf => "UAF",
            Sector::Ngo => "NGO",
        }
    }
}

/// Trigger flags.
pub mod tf {
    /// The form can be a verb.
    pub const VERB: u16 = 1 << 0;
    /// The form can be a noun.
    pub const NOUN: u16 = 1 << 1;
    /// Symmetric: `with`/`between` partners (and the object) are co-actors (meetings, clashes).
    pub const SYM: u16 = 1 << 2;
    /// Takes a complement event that it absorbs (`agreed to withdraw`, `calling for talks`).
    pub const COMP: u16 = 1 << 3;
    /// Intransitive: the first noun phrase after it is not a recipient.
    pub const NOOBJ: u16 = 1 << 4;
    /// For a noun: `of X` names the actor (`the withdrawal of X`, `the death of X`).
    pub const OFACTOR: u16 = 1 << 5;
    /// Passive without an agent is a death, not an attack (`was killed in a crash`).
    pub const PDIE: u16 = 1 << 6;
    /// Weak: only an event with an actor and a recipient (`help`, `support`).
    pub const WEAK: u16 = 1 << 7;
    /// Crowd alternative: with a crowd subject, `protest` is a PROTEST, not an ACCUSE.
    pub const CROWDALT: u16 = 1 << 8;
    /// The object is (also) the place (`visited Russia`, `invaded Ukraine`).
    pub const OBJPLACE: u16 = 1 << 9;
    /// Movement: `to/in X` is the place (`arrived in Moscow`).
    pub const MOVE: u16 = 1 << 10;
    /// Present participle use is an adjective, not an event (`the ruling party`).
    pub const NOING: u16 = 1 << 11;
}

/// One trigger sense.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub category: EventCategory,
    pub mode: Option<&'static str>,
    pub flags: u16,
    /// A word that must come right before (`hunger` for `strike`).
    pub prev: Option<&'static str>,
    /// A word that must follow within three tokens (`for` for `call`).
    pub next: Option<&'static str>,
    /// True for the base (uninflected or -s) verb form; false for -ed/-en participles.
    pub participle: bool,
    /// True for the -ing form.
    pub ing: bool,
}

/// What the lexicon knows about one lower-cased word.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    pub flags: u32,
    pub sector: Option<Sector>,
    /// Indices into [`Lexicon::triggers`], most specific (with context requirements) first.
    pub triggers: Vec<u16>,
}

/// The built lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: FxHashMap<Box<str>, WordInfo>,
    pub triggers: Vec<Trigger>,
}

impl Lexicon {
    /// The lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(build)
    }

    /// What is known about a lower-cased word.
    pub fn word(&self, lower: &str) -> Option<&WordInfo> {
        self.words.get(lower)
    }

    fn entry(&mut self, w: &str) -> &mut WordInfo {
        self.words.entry(w.into()).or_default()
    }
}

/// The sector a head noun names (`troops` -> MIL), if any.
pub fn sector_of(lower: &str) -> Option<Sector> {
    Lexicon::get().word(lower).and_then(|w| w.sector)
}

// ---------------------------------------------------------------------------------------------
// Closed classes

const CLASSES: &[(u32, &str)] = &[
    (wc::DET, "the a an this that these those another such every each either neither"),
    (wc::POSS, "his her its their our my your whose"),
    (wc::PRON, "he she it they we i you him them us itself themselves himself herself"),
    (wc::PERSONAL, "he she him his her himself herself"),
    (wc::PLURAL, "they them their themselves we us our"),
    (wc::REL, "who which that whose whom where"),
    (
        wc::PREP,
        "in on at by with from to of for against into onto over under between among amid amidst \
         near across through during after before since until till within without toward towards \
         upon via despite about around outside inside behind beyond along off per throughout \
         following including alongside than like",
    ),
    (wc::CONJ, "and or but nor & plus"),
    (
        wc::SUB,
        "because although though while whereas if unless when after before since as until once \
         whether whenever whereby",
    ),
    (wc::BE, "be is are was were been being am 's 're 'm"),
    (wc::HAVE, "have has had having 've 'd"),
    (wc::DO, "do does did"),
    (wc::MODAL, "will would shall should can could may might must 'll ought cannot"),
    (wc::NEG, "not n't never no neither nor without cannot"),
    (
        wc::ADV,
        "also already still long just again repeatedly previously recently reportedly allegedly \
         jointly formally officially firmly strongly quickly immediately later earlier now then \
         today tonight yesterday tomorrow once twice finally eventually initially further \
         heavily partly largely mainly mostly only even ever soon subsequently briefly \
         reluctantly unanimously routinely separately directly personally publicly privately \
         informally bluntly outright not together here there abroad nearly almost up down out \
         back away apart once-again at-least",
    ),
    (
        wc::VERB,
        "say says said saying tell tells told telling add adds added adding remain remains remained \
         remaining seem seems seemed become becomes became becoming continue continues continued \
         continuing want wants wanted try tries tried trying seek seeks sought seeking use uses \
         used include includes included go goes went gone going come comes came coming get gets \
         got know knows knew known think thinks thought see sees saw seen expect expects expected \
         hope hopes hoped plan plans planned planning intend intends intended aim aims aimed \
         fail fails failed failing manage manages managed appear appears appeared believe \
         believes believed described describe describes called call calls show shows showed shown \
         bring brings brought put puts keep keeps kept let lets leave leaves left leaving \
         find finds found run runs ran mean means meant need needs needed lead leads led \
         follow follows followed stand stands stood rely relies relied relying depend depends \
         depended back backs backed control controls controlled base based station stationed \
         cultivate cultivates cultivated cultivating boost boosts boosted devastate devastated \
         devastates reach reached reaches remain sit sat lie lies lay serve serves served work \
         works worked live lives lived hold holds held own owns owned represent represents \
         represented belong belongs belonged join joins joined participate participates \
         participated ended end ends happen happens happened occur occurs occurred take takes \
         took taken taking make makes made making give gives gave given giving begin begins \
         began begun start starts started launch launches launched stage stages staged \
         conduct conducts conducted carry carries carried mount mounts mounted issue issues \
         issued announce announces announced lodge lodged undertake undertook undertaken \
         resort resorted",
    ),
    (
        wc::REPORT,
        "say says said saying tell tells told telling announce announces announced announcing \
         confirm confirms confirmed stated claim claims claimed reported add adds added note notes noted insist insists insisted write writes wrote \
         written post posts posted tweet tweets tweeted explain explains explained acknowledge \
         acknowledges acknowledged admit admits admitted reveal reveals revealed disclose \
         discloses disclosed quote quoted quotes declare declares declared indicate indicates \
         indicated suggest suggests suggested stress stresses stressed emphasise emphasised \
         reiterate reiterates reiterated repeat repeats repeated conclude concludes concluded \
         emphasize emphasized argue argues argued recall recalls recalled",
    ),
    (
        wc::LIGHT,
        "hold holds held holding have has had having conduct conducts conducted conducting launch \
         launches launched launching stage stages staged staging carry carries carried carrying \
         make makes made making mount mounts mounted mounting give gives gave given giving \
         begin begins began begun beginning start starts started starting take takes took taken \
         taking declare declares declared declaring announce announces announced impose imposes \
         imposed imposing issue issues issued issuing lodge lodges lodged lodging undertake \
         undertakes undertook undertaken reach reaches reached reaching sign signs signed signing \
         continue continues continued continuing resume resumes resumed resuming renew renews \
         renewed renewing open opens opened opening complete completes completed completing \
         organise organises organised organize organizes organized organizing call calls called \
         calling pay pays paid paying deliver delivers delivered delivering provide provides \
         provided providing send sends sent sending offer offers offered offering extend extends \
         extended establish establishes established strike strikes struck reimpose reimposed \
         enforce enforced announce",
    ),
    (
        wc::QUANT,
        "hundreds thousands millions dozens scores tens some many several all both most few \
         more less one two three four five six seven eight nine ten dozen hundred thousand \
         million billion part parts members member majority rest none each any much number \
         numbers group groups",
    ),
    (
        wc::GROUP,
        "forces force troops army armies militia militias group groups fighters men soldiers \
         loyalists supporters movement party parties faction factions brigade brigades units \
         unit personnel mercenaries militants rebels guerrillas battalion battalions division \
         wing organisation organization network coalition alliance government administration \
         regime",
    ),
    (
        wc::DIRECTION,
        "east west north south north-east north-west south-east south-west northeast northwest \
         southeast southwest eastern western northern southern north-eastern north-western \
         south-eastern south-western northeastern northwestern southeastern southwestern central",
    ),
    (
        wc::PLACE,
        "city cities town towns village villages region regions province provinces area areas \
         district districts capital port state territory territories outskirts suburb suburbs \
         part parts border borders enclave camp camps zone zones coast island islands desert \
         valley neighbourhood neighborhood county municipality elsewhere",
    ),
    (
        wc::LEAD,
        "leader leaders chief head commander founder chairman chairwoman chair boss ruler \
         warlord commander-in-chief head-of-state",
    ),
    (
        wc::HABITUAL,
        "regular regularly frequent frequently occasional occasionally annual usual usually \
         routine often sometimes periodic",
    ),
    (
        wc::HEDGE,
        "may might could possibly perhaps probably likely unlikely alleged allegedly suspected \
         apparent apparently unconfirmed uncertain unclear rumoured rumored purported",
    ),
    (
        wc::CROWD,
        "protesters protestors demonstrators students workers crowds crowd people residents \
         activists supporters youths villagers farmers thousands hundreds tens prisoners \
         inmates strikers employees teachers doctors citizens",
    ),
    (wc::FIRST, "first"),
    (
        wc::RELCUE,
        "across adversaries adversary affiliate against aided aligned alliance allied allies ally armed assisted at back backed backer backers backing backs bankroll bankrolled bankrolls based battle battles battling belong belonged belongs branch chairman chief command commanded commander commands control controlled controlling controls depend depended depending depends deployed enemies enemy faction fight fighting fights foe foes fought founded founder friend fund funded funds govern governed governs head headed headquartered heads helped hold holds in inside join joined joins lead leader leading leads led links located member members near occupies occupy on opponent opponents part partner partners partnership patron present relations relied relies rely relying rival rivals rule ruled rules run runs sided sponsor sponsored sponsors stationed support supported supporting supports ties to under unit wing with",
    ),
    (
        wc::DOCNOUN,
        "resolution resolutions statement statements report reports decision decisions plan \
         plans proposal proposals letter letters decree decrees order orders law laws bill \
         bills declaration declarations memorandum communique ruling rulings",
    ),
    (
        wc::OFFENCE,
        "crime crimes atrocity atrocities abuse abuses violation violations killing killings \
         massacre massacres murder murders torture attack attacks bombing bombings violence \
         committed perpetrated",
    ),
];

const SECTORS: &[(Sector, &str)] = &[
    (
        Sector::Gov,
        "government governments administration administrations ministry ministries minister \
         ministers president presidents premier official officials authorities authority cabinet \
         regime spokesman spokeswoman spokesperson spokesmen diplomat diplomats ambassador \
         ambassadors envoy envoys delegation delegations king queen emir sultan chancellor \
         governor governors mayor mayors secretary negotiator negotiators leader leaders \
         leadership state prime-minister vice-president foreign-minister department interior \
         embassy consulate kremlin presidency monarch prince sheikh junta council councils \
         ruler rulers administrator administrators counterpart counterparts",
    ),
    (
        Sector::Mil,
        "military army armies troops soldier soldiers forces navy marines commander commanders \
         general generals officer officers warplanes jets aircraft helicopters helicopter tanks \
         gunships battalion brigade units personnel peacekeepers peacekeeping garrison \
         paratroopers airforce warships artillery servicemen sailors defence defense",
    ),
    (
        Sector::Reb,
        "rebels rebel guerrillas guerrilla guerillas insurgents insurgent militants militant \
         separatists separatist fighters militia militias militiamen jihadists extremists \
         insurgency",
    ),
    (Sector::Uaf, "gunmen gunman attackers assailants bombers bomber mercenaries mercenary"),
    (Sector::Opp, "opposition dissidents dissident activists activist"),
    (Sector::Cop, "police policemen policeman gendarmes gendarmerie"),
    (
        Sector::Jud,
        "court courts judge judges prosecutor prosecutors tribunal judiciary magistrate \
         magistrates",
    ),
    (
        Sector::Leg,
        "parliament parliaments lawmakers legislators congress senate assembly deputies mps \
         senators legislature parliamentarians",
    ),
    (
        Sector::Med,
        "media newspaper newspapers journalists journalist reporter reporters television radio \
         press broadcaster agency",
    ),
    (
        Sector::Bus,
        "company companies firm firms business businesses businessmen businessman \
         businesswoman businesswomen corporation bank banks",
    ),
    (Sector::Lab, "workers union unions labour labor employees strikers"),
    (Sector::Edu, "students student university universities teachers school schools academics"),
    (
        Sector::Cvl,
        "civilians civilian people residents villagers citizens population demonstrators \
         protesters protestors crowd crowds youths prisoners detainees women children settlers \
         inhabitants farmers hostages nationals immigrants landowners peasants pilgrims \
         worshippers worshipers voters passengers tourists shoppers witnesses witness eyewitnesses \
         families mourners survivors",
    ),
    (Sector::Ref, "refugees refugee migrants asylum-seekers displaced"),
    (Sector::Hlh, "doctors doctor hospital hospitals nurses"),
    (
        Sector::Rel,
        "clerics cleric church priests priest imam imams monks bishops archbishop missionary \
         missionaries clergy clergymen rabbi rabbis nuns",
    ),
    (Sector::Eli, "elders tribesmen tribal chiefs"),
    (Sector::Spy, "intelligence spies spy"),
    (Sector::Ngo, "charity charities ngo ngos"),
];

// ---------------------------------------------------------------------------------------------
// Triggers
//
// One line per sense: category, mode (`-` for none), flags, items. Items: `v:lemma[/past[/pp
// [/ing]]]` (verb), `n:noun[/plural]` (noun; `=` after it: no plural), `f:form` (fixed form, noun
// or verb), each optionally followed by `^prev` (required previous word) and `+next` (required
// following word). Flags: sym comp noobj ofactor pdie weak crowdalt objplace move noing.

const TRIGGERS: &[&str] = &[
    // AGREE: intent, commitment, agreement.
    "AGREE - comp | v:agree v:pledge v:promise v:vow v:commit/committed/committed/committing+to \
     v:consent f:willing+to f:ready+to f:prepared+to f:determined+to v:offer+to",
    "AGREE - - | n:agreement n:accord n:deal n:pact n:consensus= n:truce-deal v:accept",
    // CONSULT
    "CONSULT meet sym | v:meet/met/met n:talks= n:meeting n:summit n:negotiations= \
     v:negotiate v:confer/conferred/conferred/conferring v:discuss n:discussions= \
     n:consultations= v:consult n:dialogue n:encounter v:speak/spoke/spoken+with f:talked+with f:talking+with",
    "CONSULT visit objplace | v:visit n:visit n:trip n:tour n:visitor",
    "CONSULT visit move noobj | v:arrive n:arrival v:travel/travelled/travelled/travelling \
     f:traveled f:traveling f:flew+to f:flies+to f:fly+to",
    "CONSULT host - | v:host n:host n:welcome^warm n:welcome^official n:reception",
    "CONSULT phone - | v:telephone v:phone n:call^phone n:call^telephone n:conversation^phone \
     n:conversation^telephone n:phone-call",
    // `a call with X`, `spoke by phone with X`: the other party is a co-actor, as in a meeting.
    // `have been in touch with X`, `got in touch with X`.
    "CONSULT - sym | f:touch^in+with",
    "CONSULT phone sym | n:call+with v:speak/spoke/spoken+phone v:speak/spoke/spoken+telephone \
     f:talked+phone f:talked+telephone n:phone-call+with",
    "CONSULT third-party - | v:mediate n:mediation=",
    // SUPPORT
    "SUPPORT - - | v:praise v:commend/commended/commended/commending v:hail v:welcome \
     v:endorse v:applaud v:congratulate v:apologize v:apologise v:forgive/forgave/forgiven \
     n:apology n:praise= n:endorsement n:recognition= v:recognise v:recognize v:thank \
     v:sign n:ties^diplomatic n:relations^diplomatic v:upgrade+ties v:upgrade+relations v:reaffirm",
    "SUPPORT - weak | v:support v:defend v:champion",
    // COOPERATE
    "COOPERATE - sym | v:cooperate v:co-operate v:collaborate n:cooperation= n:co-operation= \
     n:collaboration n:exercises^joint n:exercises^military n:games^war n:drills^joint \
     v:share+intelligence v:share+information v:share+evidence v:share+expertise \
     v:extradite n:extradition",
    // AID
    "AID - - | n:aid= n:assistance= n:relief= n:donation v:donate n:asylum= \
     v:evacuate n:evacuation v:rescue n:rescue n:supplies= n:humanitarian-aid=",
    "AID - weak | n:loan v:give/gave/given v:provide v:send/sent/sent v:deliver v:supply \
     v:grant v:fund v:finance v:help v:assist v:hand/handed/handed/handing+over",
    // CONCEDE
    "CONCEDE - - | v:concede v:yield v:accede v:relent n:concession v:lift+curfew \
     v:lift+ban v:lift+restrictions v:lift+emergency v:lift+sanctions v:lift+embargo v:ease v:relax \
     v:shorten v:accept+demands v:accept+demand v:accept+calls v:cancel+restrictions \
     v:call+off v:rescind v:revoke",
    "CONCEDE - weak | v:allow v:permit/permitted/permitted/permitting",
    // RETREAT
    "SANCTION withdraw - | v:withdraw/withdrew/withdrawn+inspectors v:withdraw/withdrew/withdrawn+peacekeepers \
     v:withdraw/withdrew/withdrawn+ambassador v:withdraw/withdrew/withdrawn+observers \
     v:withdraw/withdrew/withdrawn+monitors v:withdraw/withdrew/withdrawn+diplomats \
     v:withdraw/withdrew/withdrawn+aid v:withdraw/withdrew/withdrawn+support",
    "RETREAT withdraw ofactor,noobj | v:withdraw/withdrew/withdrawn v:retreat v:pull+out \
     v:pull+back n:withdrawal n:pullout n:pull-out n:pullback n:retreat",
    "RETREAT ceasefire - | n:ceasefire n:cease-fire n:truce n:armistice",
    "RETREAT disarm ofactor | v:surrender n:surrender v:demobilize v:demobilise v:disarm \
     n:demobilization n:demobilisation n:disarmament=",
    "RETREAT - ofactor | n:resignation v:resign v:step+down v:stepped+down",
    "RETREAT release - | v:release v:free v:lift+blockade v:lift+siege n:release",
    "RETREAT access - | v:receive+observers v:receive+inspectors v:receive+monitors v:receive+peacekeepers \
     v:admit+inspectors v:allow+inspectors",
    // REQUEST (PLOVER 0.5: DEMAND)
    "REQUEST - comp | v:demand v:urge v:call+for v:call+on v:call+upon v:appeal v:ask \
     v:request v:press+for v:plead v:insist+on n:demand n:appeal n:request n:plea \
     n:call+for v:order v:pressure v:press+to v:push+for v:seek/sought/sought+help v:seek/sought/sought+aid \
     v:seek/sought/sought+support v:seek/sought/sought+assistance v:seek/sought/sought+refuge \
     v:seek/sought/sought+asylum",
    // ACCUSE (0.5: DISAPPROVE, INVESTIGATE)
    "ACCUSE disapprove comp | v:accuse v:blame v:condemn v:denounce v:criticize v:criticise \
     v:allege v:complain v:deplore v:decry v:slam/slammed/slammed/slamming v:lambast \
     v:rebuke v:censure v:sue v:indict v:charge+with n:accusation n:criticism \
     n:condemnation n:complaint n:lawsuit n:allegation n:charges^criminal",
    "ACCUSE disapprove crowdalt | v:protest n:protest^official n:protest^formal",
    "ACCUSE investigate - | v:investigate v:probe n:investigation n:probe n:inquiry n:enquiry \
     n:inspectors= n:inspection n:hearing",
    // REJECT
    "REJECT - comp | v:reject v:refuse v:decline v:dismiss v:oppose v:veto/vetoed/vetoed/vetoing \
     v:rebuff v:spurn v:defy/defied/defied/defying n:rejection n:refusal n:veto/vetoes \
     v:deny/denied/denied/denying+entry v:violate",
    // THREATEN
    "THREATEN - comp | v:threaten v:warn n:threat n:ultimatum n:warning",
    // PROTEST
    "PROTEST demo - | v:demonstrate n:demonstration v:rally/rallied/rallied/rallying n:rally/rallies \
     v:march n:march n:protest n:sit-in n:vigil v:picket",
    "PROTEST riot - | v:riot n:riot n:rioting=",
    "PROTEST hunger - | n:strike^hunger",
    "PROTEST boycott - | n:strike^general n:strike^workers n:walkout n:boycott v:boycott \
     v:strike/struck/struck/striking+over",
    "PROTEST obstruct - | v:block+roads v:block+road v:block+streets v:block+highway \
     v:block+bridge v:block+traffic v:block+transport v:block+roadway v:block+entrance v:barricade",
    "PROTEST boycott - | v:stop+work v:shun/shunned/shunned/shunning+work v:walk/walked/walked+out",
    // SANCTION
    "SANCTION - - | n:sanctions= v:sanction n:embargo/embargoes v:expel/expelled/expelled/expelling \
     n:expulsion v:suspend+aid v:suspend+ties v:suspend+relations v:suspend+talks \
     v:suspend+links v:halt+aid v:cut+aid v:cut/cut/cut/cutting+ties v:sever \
     v:break/broke/broken+relations v:break/broke/broken+off v:recall+ambassador \
     v:downgrade v:cancel/cancelled/cancelled/cancelling+visit n:suspension v:prohibit+aid \
     v:reduce+aid v:reduce+supplies v:cut+supplies v:end+mediation v:end+talks v:halt+talks",
    // MOBILIZE
    "MOBILIZE troops noobj | v:mobilize v:mobilise n:mobilization n:mobilisation v:deploy \
     n:deployment v:redeploy n:redeployment n:reinforcements= v:reinforce n:alert^on \
     v:strengthen+forces v:strengthen+troops v:strengthen+presence v:bolster+forces",
    "MOBILIZE police - | n:patrols^police n:patrol",
    // COERCE
    "COERCE arrest - | v:arrest n:arrest v:detain n:detention v:imprison v:jail",
    "COERCE detain - | v:kidnap/kidnapped/kidnapped/kidnapping v:abduct n:abduction \
     n:kidnapping v:hold/held/held+hostage v:hold/held/held+shields v:take/took/taken+hostage",
    "COERCE confiscate - | v:confiscate v:seize n:seizure v:occupy/occupied/occupied/occupying \
     n:occupation v:hack+into",
    "COERCE destroy - | v:demolish v:destroy v:raze v:torch v:blow/blew/blown+up \
     v:set/set/set/setting+fire",
    "COERCE ban - | v:ban/banned/banned/banning n:ban v:outlaw v:prohibit",
    "COERCE censor - | v:censor v:deface",
    "COERCE deport - | v:deport n:deportation",
    "COERCE curfew - | n:curfew",
    "COERCE martial-law - | n:law^martial n:state+emergency n:state+siege",
    "COERCE restrict - | n:crackdown f:cracked+down f:crack+down v:blockade n:blockade \
     v:besiege n:siege v:restrict n:restrictions= v:prevent",
    // ASSAULT (0.5: ASSAULT and FIGHT)
    "ASSAULT - - | v:attack n:attack v:assault n:assault n:offensive v:storm v:raid n:raid \
     v:ambush n:ambush v:overrun/overran/overrun v:overcome/overcame/overcome v:defeat \
     v:combat v:confront v:degrade v:eliminate \
     n:incursion n:hostilities= n:atrocities=",
    "ASSAULT - weak | v:target",
    "ASSAULT - pdie | v:kill/killed/killed v:murder n:killing n:murder v:wound v:injure \
     v:massacre n:massacre v:execute n:execution v:behead",
    "ASSAULT - sym | v:clash n:clash/clashes v:fight/fought/fought n:fighting= \
     v:battle n:battle n:gunbattle n:firefight n:gun-battle",
    "ASSAULT - weak | n:war",
    "ASSAULT invasion objplace | v:invade n:invasion",
    "ASSAULT aerial - | n:airstrike n:air-strike n:strike^air n:strikes^air n:raid^air \
     n:strike^drone n:strike^missile v:strike/struck/struck n:strike n:bombardment \
     v:bombard",
    "ASSAULT heavy-weapons - | v:shell/shelled/shelled/shelling n:shelling= \
     v:capture v:retake/retook/retaken v:recapture n:artillery= n:fire^artillery",
    "ASSAULT firearms - | v:shoot/shot/shot v:fire+on v:fire+at f:opened+fire f:open+fire \
     f:opens+fire n:gunfire= n:shooting",
    "ASSAULT explosives - | v:bomb n:bombing n:bomb n:explosion n:blast n:car-bomb",
    "ASSAULT suicide-attack - | n:bombing^suicide n:bomber^suicide n:bombers^suicide \
     n:attack^suicide",
    "ASSAULT assassinate - | v:assassinate n:assassination",
    "ASSAULT torture - | v:torture n:torture=",
    "ASSAULT beat - | v:beat/beat/beaten v:abuse",
    "ASSAULT cleansing - | n:cleansing^ethnic",
    // DIE
    "DIE - ofactor noobj | v:die/died/died/dying n:death v:perish v:drown",
    // DISASTER
    "DISASTER flood - | n:flood n:flooding= n:floodwaters=",
    "DISASTER earthquake - | n:earthquake n:quake n:tremor n:aftershock",
    "DISASTER storm - | n:hurricane n:cyclone n:typhoon n:storm n:tornado n:tsunami",
    "DISASTER fire - | n:wildfire n:bushfire n:forest-fire",
    "DISASTER landslide - | n:landslide n:mudslide n:avalanche",
    "DISASTER drought - | n:drought n:famine",
    "DISASTER eruption - | n:eruption",
];

fn parse_flags(s: &str) -> u16 {
    let mut f = 0;
    for w in s.split(',') {
        f |= match w.trim() {
            "sym" => tf::SYM,
            "comp" => tf::COMP,
            "noobj" => tf::NOOBJ,
            "ofactor" => tf::OFACTOR,
            "pdie" => tf::PDIE,
            "weak" => tf::WEAK,
            "crowdalt" => tf::CROWDALT,
            "objplace" => tf::OBJPLACE,
            "move" => tf::MOVE,
            "noing" => tf::NOING,
            _ => 0,
        };
    }
    f
}

fn third_person(lemma: &str) -> String {
    if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        format!("{lemma}es")
    } else if let Some(stem) = consonant_y(lemma) {
        format!("{stem}ies")
    } else {
        format!("{lemma}s")
    }
}

fn consonant_y(w: &str) -> Option<&str> {
    let stem = w.strip_suffix('y')?;
    let last = stem.chars().last()?;
    (!"aeiou".contains(last)).then_some(stem)
}

fn past(lemma: &str) -> String {
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if let Some(stem) = consonant_y(lemma) {
        format!("{stem}ied")
    } else {
        format!("{lemma}ed")
    }
}

fn gerund(lemma: &str) -> String {
    if lemma.ends_with('e') && !lemma.ends_with("ee") && !lemma.ends_with("ye") && lemma.len() > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    }
}

fn plural(noun: &str) -> String {
    if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else if let Some(stem) = consonant_y(noun) {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}

/// One generated form: (word, is a verb, is a noun, past participle, -ing form).
type Form = (String, bool, bool, bool, bool);

/// Every form of one item, with its required previous and following words.
fn item_forms(item: &str) -> (Vec<Form>, Option<&str>, Option<&str>) {
    let (kind, rest) = item.split_at(2);
    let (rest, next) = match rest.split_once('+') {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let (rest, prev) = match rest.split_once('^') {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let mut out = Vec::new();
    match kind {
        "v:" => {
            let parts: Vec<&str> = rest.split('/').collect();
            let lemma = parts[0];
            let past_form = parts.get(1).map_or_else(|| past(lemma), |s| (*s).to_string());
            let pp = parts.get(2).map_or_else(|| past_form.clone(), |s| (*s).to_string());
            let ing = parts.get(3).map_or_else(|| gerund(lemma), |s| (*s).to_string());
            out.push((lemma.to_string(), true, false, false, false));
            out.push((third_person(lemma), true, false, false, false));
            out.push((past_form.clone(), true, false, past_form == pp, false));
            if pp != past_form {
                out.push((pp, true, false, true, false));
            }
            out.push((ing, true, false, false, true));
        }
        "n:" => {
            let (word, no_plural) = match rest.strip_suffix('=') {
                Some(w) => (w, true),
                None => (rest, false),
            };
            let parts: Vec<&str> = word.split('/').collect();
            out.push((parts[0].to_string(), false, true, false, false));
            if !no_plural {
                let pl = parts.get(1).map_or_else(|| plural(parts[0]), |s| (*s).to_string());
                out.push((pl, false, true, false, false));
            }
        }
        _ => {
            out.push((rest.to_string(), true, true, rest.ends_with("ed"), rest.ends_with("ing")));
        }
    }
    (out, prev, next)
}

fn build() -> Lexicon {
    let mut lex = Lexicon::default();
    for (flag, words) in CLASSES {
        for w in words.split_whitespace() {
            lex.entry(w).flags |= flag;
        }
    }
    for (sector, words) in SECTORS {
        for w in words.split_whitespace() {
            let e = lex.entry(w);
            if e.sector.is_none() {
                e.sector = Some(*sector);
            }
        }
    }
    for line in TRIGGERS {
        let Some((head, items)) = line.split_once('|') else { continue };
        let mut h = head.split_whitespace();
        let (Some(cat), Some(mode), Some(flags)) = (h.next(), h.next(), h.next()) else {
            continue;
        };
        let Some(category) = EventCategory::parse(cat) else { continue };
        let mode = (mode != "-").then_some(mode);
        let flags = parse_flags(flags);
        for item in items.split_whitespace() {
            if item.len() < 3 {
                continue;
            }
            let (forms, prev, next) = item_forms(item);
            for (word, verb, noun, participle, ing) in forms {
                let idx = lex.triggers.len() as u16;
                let mut f = flags;
                if verb {
                    f |= tf::VERB;
                }
                if noun {
                    f |= tf::NOUN;
                }
                lex.triggers.push(Trigger {
                    category,
                    mode,
                    flags: f,
                    prev,
                    next,
                    participle,
                    ing,
                });
                let e = lex.entry(&word);
                // Entries with context requirements are tried first.
                if prev.is_some() || next.is_some() {
                    e.triggers.insert(0, idx);
                } else {
                    e.triggers.push(idx);
                }
            }
        }
    }
    lex
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expect: &[&str]) {
        let lex = Lexicon::get();
        let got: Vec<String> = lex
            .word(word)
            .map(|w| {
                w.triggers
                    .iter()
                    .map(|&i| {
                        let t = &lex.triggers[i as usize];
                        format!(
                            "{}{}",
                            t.category.as_str(),
                            t.next.map_or(String::new(), |n| format!("+{n}"))
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut got = got;
        got.sort();
        let mut expect: Vec<String> = expect.iter().map(|s| s.to_string()).collect();
        expect.sort();
        assert_eq!(got, expect, "{word}");
    }

    #[test]
    fn inflections_and_senses() {
        check("met", &["CONSULT"]);
        check("meeting", &["CONSULT", "CONSULT"]);
        check("attacked", &["ASSAULT"]);
        check("retreated", &["RETREAT"]);
        check("calling", &["REQUEST+upon", "REQUEST+on", "REQUEST+for", "CONCEDE+off"]);
        check("talks", &["CONSULT"]);
        check("denied", &["REJECT+entry"]);
        check("floods", &["DISASTER"]);
        check("said", &[]);
        check("crashes", &[]);
        assert_eq!(sector_of("troops"), Some(Sector::Mil));
        assert_eq!(sector_of("police"), Some(Sector::Cop));
        assert_eq!(sector_of("haftar"), None);
    }
}
