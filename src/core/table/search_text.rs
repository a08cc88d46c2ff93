//! The search text of a row: what a search matches an event by (its summary, places, the
//! places' Arabic names, parties and quotes), [`normalise`]d, and the Arabic names of places
//! found once per name for a whole table.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::core::model::{Dataset, Event, LocationPrecision, Place};
use crate::core::place_names::{ArabicLookup, PlaceNames};
use crate::core::search::normalise;

/// The Arabic names of places, each name's lookup done once: a collection names the same few
/// thousand places again and again, often at a different point each time.
#[derive(Debug, Default)]
pub(super) struct ArabicNames {
    names: Arc<PlaceNames>,
    /// By source name, then by location precision: what finding its Arabic name needs besides
    /// the point ([`PlaceNames::lookup`]). One hash per row, not a lookup per point (a
    /// file whose points all differ made one per row, and a map of them the size of the file).
    seen: FxHashMap<String, Vec<(LocationPrecision, ArabicLookup)>>,
}

impl ArabicNames {
    /// Names from the gazetteer `names`, none looked up yet.
    pub(super) fn new(names: Arc<PlaceNames>) -> ArabicNames {
        ArabicNames {
            names,
            seen: FxHashMap::default(),
        }
    }

    /// The Arabic name of `place`, if the gazetteer gives one.
    pub(super) fn of(&mut self, place: &Place) -> Option<&str> {
        if self.names.is_empty() {
            return None;
        }
        let names = &self.names;
        let lookups = match self.seen.get_mut(place.name.as_str()) {
            Some(lookups) => lookups,
            None => self.seen.entry(place.name.clone()).or_default(),
        };
        let at = lookups
            .iter()
            .position(|(precision, _)| *precision == place.precision)
            .unwrap_or_else(|| {
                lookups.push((place.precision, names.lookup(&place.name, place.precision)));
                lookups.len() - 1
            });
        let (_, lookup) = lookups.get(at)?;
        names
            .arabic_at(lookup, place.lat.zip(place.lon))
            .map(|found| found.name)
    }
}

/// The normalised text a search matches `event` of `dataset` by: its summary, each place's
/// name and Arabic name, its parties' names and its quotes, each [`normalise`]d, joined by
/// single spaces.
pub(super) fn search_text_of(dataset: &Dataset, event: &Event, arabic: &mut ArabicNames) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        let normalised = normalise(text);
        if !normalised.is_empty() {
            parts.push(normalised);
        }
    };
    add(&event.summary);
    for place in &event.places {
        add(&place.name);
        if let Some(name) = arabic.of(place) {
            add(name);
        }
    }
    let party_indexes = event
        .actors
        .iter()
        .filter_map(|a| a.party)
        .chain(event.casualties.iter().filter_map(|c| c.party));
    for index in party_indexes {
        if let Some(party) = usize::try_from(index)
            .ok()
            .and_then(|i| dataset.parties.get(i))
        {
            add(&party.name);
        }
    }
    // For UCDP events the citation quote is the GED headline (or the article when the headline
    // is empty), so the headline is searched through the quotes.
    for citation in &event.citations {
        add(&citation.quote);
    }
    // Query terms never contain a space, so joining with one cannot make a term match across two
    // fields.
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The builder looks each name up once and finishes the lookup per point: it must give
    /// what the gazetteer gives for each place on its own, whatever the names, precisions and
    /// points met before (the bundled collections' places, each also at every precision).
    #[test]
    fn arabic_names_once_per_name_agree_with_the_gazetteer() {
        let gazetteer = std::fs::read("public/gazetteer/place-names.json").unwrap();
        let names = Arc::new(PlaceNames::from_json(&gazetteer).unwrap());
        let mut arabic = ArabicNames::new(Arc::clone(&names));
        let precisions = [
            LocationPrecision::Exact,
            LocationPrecision::Near,
            LocationPrecision::District,
            LocationPrecision::Governorate,
            LocationPrecision::Country,
            LocationPrecision::Region,
        ];
        let (mut places, mut found) = (0, 0);
        for file in ["public/data/curated.json", "public/data/ucdp.json"] {
            let loaded = crate::core::validate::load(file, &std::fs::read(file).unwrap()).unwrap();
            for event in loaded.dataset.events.iter() {
                for place in &event.places {
                    let mut place = place.clone();
                    let own = place.precision;
                    for precision in std::iter::once(own).chain(precisions) {
                        place.precision = precision;
                        let expected = names
                            .arabic(&place.name, precision, place.lat.zip(place.lon))
                            .map(|name| name.name);
                        assert_eq!(arabic.of(&place), expected, "{place:?}");
                        places += 1;
                        found += usize::from(expected.is_some());
                    }
                }
            }
        }
        // The test means something only if names were met again and found.
        assert!(
            arabic.seen.len() * 10 < places,
            "{} names, {places} places",
            arabic.seen.len()
        );
        assert!(found * 4 > places, "{found} of {places} found");
    }
}
