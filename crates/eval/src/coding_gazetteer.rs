//! The gazetteer as the actor coder's [`Places`]: countries by name, demonym, capital, city or
//! region (their ISO-3 code), intergovernmental bodies (`IGO`), seats of power (a government
//! sector: `Kremlin`, `White House`; a defence ministry: military).

use analyze::facts::lexicon::Sector;
use gazetteer::{Entry, Gazetteer};

use crate::coding::Places;

fn iso3(g: &Gazetteer, alpha2: &str) -> Option<String> {
    g.country(alpha2).map(|c| current(&c.iso3))
}

/// A withdrawn code in its current form: Serbia and Montenegro (SCG, withdrawn 2006) is Serbia.
fn current(iso3: &str) -> String {
    match iso3 {
        "SCG" => "SRB".to_string(),
        c => c.to_string(),
    }
}

/// Words too common to be place names in an actor phrase (`Union`, `Independence`).
fn too_common(name: &str) -> bool {
    let first = name.chars().next();
    !first.is_some_and(char::is_uppercase) && name.len() > 4 && !name.contains(' ')
}

impl Places for Gazetteer {
    fn country(&self, name: &str) -> Option<String> {
        if name.is_empty() || too_common(name) {
            return None;
        }
        if let Some(c) = self.demonym(name) {
            return Some(current(&c.iso3));
        }
        if name.len() <= 6
            && name.chars().any(char::is_uppercase)
            && let Some(e) = self.acronym(name)
        {
            return match e {
                Entry::Igo(_) => None,
                e => e.country_code().and_then(|c| iso3(self, c)),
            };
        }
        // Countries and bodies come first, then regions, seats and places by population.
        let e = self.lookup(name).next()?;
        match e {
            Entry::Igo(_) => None,
            Entry::Place(p) if p.population < 100_000 && !name.contains(' ') => None,
            e => e.country_code().and_then(|c| iso3(self, c)),
        }
    }

    fn igo(&self, name: &str) -> bool {
        if name.is_empty() || too_common(name) {
            return false;
        }
        if name.chars().any(char::is_uppercase)
            && let Some(Entry::Igo(_)) = self.acronym(name)
        {
            return true;
        }
        matches!(self.lookup(name).next(), Some(Entry::Igo(_)))
    }

    fn country_strict(&self, name: &str) -> Option<String> {
        if name.is_empty() || too_common(name) {
            return None;
        }
        if let Some(c) = self.demonym(name) {
            return Some(current(&c.iso3));
        }
        // A country's own abbreviation (`US`, `U.S.`, `PRC`).
        if name.len() <= 6
            && name.chars().any(char::is_uppercase)
            && let Some(Entry::Country(c)) = self.acronym(name)
        {
            return Some(current(&c.iso3));
        }
        match self.lookup(name).next()? {
            Entry::Country(c) => Some(current(&c.iso3)),
            _ => None,
        }
    }

    fn settlement(&self, name: &str) -> Option<String> {
        if name.is_empty() || too_common(name) {
            return None;
        }
        let e = self.lookup(name).next()?;
        match e {
            Entry::Igo(_) => None,
            e => e.country_code().and_then(|c| iso3(self, c)),
        }
    }

    fn capital(&self, name: &str) -> bool {
        !name.is_empty()
            && !too_common(name)
            && matches!(self.lookup(name).next(), Some(Entry::Place(p)) if p.capital_of.is_some())
    }

    fn seat_sector(&self, name: &str) -> Option<Sector> {
        match self.lookup(name).next()? {
            Entry::Seat(s) if s.kind.contains("defence") || s.kind.contains("military") => {
                Some(Sector::Mil)
            }
            Entry::Seat(_) => Some(Sector::Gov),
            _ => None,
        }
    }
}
