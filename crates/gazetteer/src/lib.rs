//! The gazetteer: countries, populated places, continents and intergovernmental bodies, built
//! from GeoNames and countryinfo by `sitrep gazetteer build` and embedded in the binary.
//!
//! Not yet implemented: see the issue "Resolution".

use std::sync::OnceLock;

/// The embedded gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::default)
    }
}
