//! The artefact's text form: one record per line, tab-separated, lists joined with `|`, the
//! first field saying what the record is (`C` country, `P` place, `R` region, `I` body, `S` seat).
//! Gzip-compressed on disk. Human-readable with `zcat`.

use std::io::Read;

use crate::{Country, Error, Gazetteer, Igo, Place, Region, RegionKind, Seat, Target};

pub const HEADER: &str = "sitrep-gazetteer\t1";

pub fn gunzip(bytes: &[u8]) -> Result<String, Error> {
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut out)
        .map_err(|e| Error::Corrupt { line: 0, reason: format!("gzip: {e}") })?;
    Ok(out)
}

pub fn gzip(text: &str) -> Result<Vec<u8>, std::io::Error> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(text.as_bytes())?;
    enc.finish()
}

fn list(s: &str) -> Vec<Box<str>> {
    if s.is_empty() { Vec::new() } else { s.split('|').map(Box::from).collect() }
}

fn opt(s: &str) -> Option<Box<str>> {
    (!s.is_empty()).then(|| Box::from(s))
}

fn join(v: &[Box<str>]) -> String {
    v.join("|")
}

struct Fields<'a> {
    it: std::str::Split<'a, char>,
    line: usize,
}

impl<'a> Fields<'a> {
    fn s(&mut self) -> Result<&'a str, Error> {
        self.it
            .next()
            .ok_or_else(|| Error::Corrupt { line: self.line, reason: "missing field".into() })
    }

    fn num<T: std::str::FromStr>(&mut self) -> Result<T, Error> {
        let s = self.s()?;
        s.parse()
            .map_err(|_| Error::Corrupt { line: self.line, reason: format!("bad number {s:?}") })
    }

    fn opt_num<T: std::str::FromStr>(&mut self) -> Result<Option<T>, Error> {
        let s = self.s()?;
        if s.is_empty() {
            return Ok(None);
        }
        s.parse()
            .map(Some)
            .map_err(|_| Error::Corrupt { line: self.line, reason: format!("bad number {s:?}") })
    }
}

fn pair(a: Option<f64>, b: Option<f64>) -> Option<(f64, f64)> {
    Some((a?, b?))
}

pub fn parse(text: &str) -> Result<Gazetteer, Error> {
    let mut g = Gazetteer::default();
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h == HEADER => {}
        _ => return Err(Error::Corrupt { line: 1, reason: format!("expected header {HEADER:?}") }),
    }
    for (i, line) in lines {
        let mut f = Fields { it: line.split('\t'), line: i + 1 };
        match f.s()? {
            "C" => g.countries.push(Country {
                code: f.s()?.into(),
                iso3: f.s()?.into(),
                geonameid: f.num()?,
                name: f.s()?.into(),
                names: list(f.s()?),
                demonyms: list(f.s()?),
                continent: f.s()?.into(),
                population: f.num()?,
                capital: f.s()?.into(),
                capital_place: f.opt_num()?,
                capital_coords: pair(f.opt_num()?, f.opt_num()?),
                centroid: pair(f.opt_num()?, f.opt_num()?),
            }),
            "P" => g.places.push(Place {
                geonameid: f.num()?,
                name: f.s()?.into(),
                ascii: f.s()?.into(),
                alternates: list(f.s()?),
                country: f.s()?.into(),
                admin1: f.s()?.into(),
                lat: f.num()?,
                lon: f.num()?,
                population: f.num()?,
                capital_of: f.opt_num()?,
            }),
            "R" => g.regions.push(Region {
                id: f.s()?.into(),
                name: f.s()?.into(),
                kind: if f.s()? == "continent" {
                    RegionKind::Continent
                } else {
                    RegionKind::Region
                },
                country: opt(f.s()?),
                lat: f.num()?,
                lon: f.num()?,
                names: list(f.s()?),
                members: list(f.s()?),
            }),
            "I" => g.igos.push(Igo {
                id: f.s()?.into(),
                name: f.s()?.into(),
                acronyms: list(f.s()?),
                names: list(f.s()?),
                parent: opt(f.s()?),
                kind: f.s()?.into(),
            }),
            "S" => g.seats.push(Seat {
                id: f.s()?.into(),
                name: f.s()?.into(),
                country: f.s()?.into(),
                names: list(f.s()?),
                kind: f.s()?.into(),
            }),
            "N" => {
                let key = f.s()?;
                let t = target(f.s()?)
                    .ok_or_else(|| Error::Corrupt { line: i + 1, reason: "bad target".into() })?;
                g.names.push(key, t);
            }
            "A" => {
                let key = f.s()?;
                let t = target(f.s()?)
                    .ok_or_else(|| Error::Corrupt { line: i + 1, reason: "bad target".into() })?;
                g.acronyms.push(key, t);
            }
            "D" => {
                let key = f.s()?;
                let c: u16 = f.num()?;
                g.demonyms.push(key, c);
            }
            "" => {}
            other => {
                return Err(Error::Corrupt {
                    line: i + 1,
                    reason: format!("unknown record {other:?}"),
                });
            }
        }
    }
    if !(g.names.is_sorted() && g.acronyms.is_sorted() && g.demonyms.is_sorted()) {
        return Err(Error::Corrupt { line: 0, reason: "index not sorted".into() });
    }
    if g.places.windows(2).any(|w| w[0].geonameid >= w[1].geonameid) {
        return Err(Error::Corrupt { line: 0, reason: "places not sorted by geonameid".into() });
    }
    Ok(g)
}

fn target(s: &str) -> Option<Target> {
    let (kind, n) = s.split_at_checked(1)?;
    Some(match kind {
        "C" => Target::Country(n.parse().ok()?),
        "I" => Target::Igo(n.parse().ok()?),
        "R" => Target::Region(n.parse().ok()?),
        "S" => Target::Seat(n.parse().ok()?),
        "P" => Target::Place(n.parse().ok()?),
        _ => return None,
    })
}

fn target_str(t: Target) -> String {
    match t {
        Target::Country(i) => format!("C{i}"),
        Target::Igo(i) => format!("I{i}"),
        Target::Region(i) => format!("R{i}"),
        Target::Seat(i) => format!("S{i}"),
        Target::Place(i) => format!("P{i}"),
    }
}

fn num(x: Option<f64>) -> String {
    x.map(|v| format!("{v}")).unwrap_or_default()
}

pub fn write(g: &Gazetteer) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{HEADER}");
    for c in &g.countries {
        let _ = writeln!(
            out,
            "C\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            c.code,
            c.iso3,
            c.geonameid,
            c.name,
            join(&c.names),
            join(&c.demonyms),
            c.continent,
            c.population,
            c.capital,
            c.capital_place.map(|p| p.to_string()).unwrap_or_default(),
            num(c.capital_coords.map(|c| c.0)),
            num(c.capital_coords.map(|c| c.1)),
            num(c.centroid.map(|c| c.0)),
            num(c.centroid.map(|c| c.1)),
        );
    }
    for r in &g.regions {
        let _ = writeln!(
            out,
            "R\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.id,
            r.name,
            if r.kind == RegionKind::Continent { "continent" } else { "region" },
            r.country.as_deref().unwrap_or(""),
            r.lat,
            r.lon,
            join(&r.names),
            join(&r.members),
        );
    }
    for x in &g.igos {
        let _ = writeln!(
            out,
            "I\t{}\t{}\t{}\t{}\t{}\t{}",
            x.id,
            x.name,
            join(&x.acronyms),
            join(&x.names),
            x.parent.as_deref().unwrap_or(""),
            x.kind
        );
    }
    for s in &g.seats {
        let _ =
            writeln!(out, "S\t{}\t{}\t{}\t{}\t{}", s.id, s.name, s.country, join(&s.names), s.kind);
    }
    for p in &g.places {
        let _ = writeln!(
            out,
            "P\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            p.geonameid,
            p.name,
            p.ascii,
            join(&p.alternates),
            p.country,
            p.admin1,
            p.lat,
            p.lon,
            p.population,
            p.capital_of.map(|c| c.to_string()).unwrap_or_default(),
        );
    }
    // The lookup indices, already sorted, so that loading does not fold or sort.
    for (k, t) in g.names.iter() {
        let _ = writeln!(out, "N\t{k}\t{}", target_str(t));
    }
    for (k, t) in g.acronyms.iter() {
        let _ = writeln!(out, "A\t{k}\t{}", target_str(t));
    }
    for (k, c) in g.demonyms.iter() {
        let _ = writeln!(out, "D\t{k}\t{c}");
    }
    out
}

/// A gazetteer from its parts (for the builder and tests).
pub fn assemble(
    countries: Vec<Country>,
    places: Vec<Place>,
    regions: Vec<Region>,
    igos: Vec<Igo>,
    seats: Vec<Seat>,
) -> Gazetteer {
    let mut g = Gazetteer { countries, places, regions, igos, seats, ..Gazetteer::default() };
    g.index();
    g
}
