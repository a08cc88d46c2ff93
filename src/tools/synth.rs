//! A synthetic collection for measuring loading and filtering at scale (`dataset synth`): any
//! number of events made from a base collection's, in this project's JSON format.
//!
//! Event `i` is a copy of base event `i mod n` (n events in the base) with:
//! - the id `synth:i`;
//! - its dates moved back by 28 days for each whole pass over the base (copy `k` of an event
//!   lies `28 k` days before the original), so the copies spread over the years before the base
//!   and keep their weekday and their precision;
//! - a village of its own added to its first place ("Ariha, near Kafr Dalbu"), drawn from a
//!   pool of 50,000 made-up names, so that the places and words grow as a real collection's
//!   do (villages, people, units) instead of repeating the base's.
//!
//! Everything else (actors, parties, casualties, sources, quotes) is the base event's: the
//! numbers are real numbers repeated, never to be read as data. The collection says so, and it
//! keeps the base's licence and attribution, since it is made from the base's records.

use crate::core::date::Day;
use crate::core::model::{Collection, Dataset, Event};

/// How many made-up village names the copies draw from.
pub const VILLAGES: usize = 50_000;

/// Days between one copy of an event and the next.
pub const SHIFT_DAYS: i32 = 28;

/// `events` events made from `base`'s (see the module docs); `None` when `base` has none.
pub fn synthesize(base: &Dataset, events: usize) -> Option<Dataset> {
    if base.events.is_empty() {
        return None;
    }
    let collection = Collection {
        id: "synth".to_string(),
        name: format!(
            "Synthetic: {events} events made from {}",
            base.collection.name
        ),
        description: format!(
            "For measuring speed and memory only: copies of the events of “{}” with moved \
             dates, new ids and made-up villages. The numbers are the original events' \
             repeated and must not be read or cited as data.",
            base.collection.name
        ),
        version: base.collection.version.clone(),
        license: base.collection.license.clone(),
        attribution: base.collection.attribution.clone(),
        citations: base.collection.citations.clone(),
    };
    let originals = base.events.to_vec();
    let made = (0..events)
        .filter_map(|i| {
            let original = originals.get(i % originals.len())?;
            copy(original, i, i / originals.len())
        })
        .collect();
    Some(Dataset {
        schema_version: base.schema_version,
        collection,
        sources: base.sources.clone(),
        parties: base.parties.clone(),
        dyads: base.dyads.clone(),
        events: made,
        figures: Vec::new(),
    })
}

/// Copy `pass` of `original`, as event `index`; `None` if its dates do not parse.
fn copy(original: &Event, index: usize, pass: usize) -> Option<Event> {
    let shift = i32::try_from(pass).ok()?.checked_mul(SHIFT_DAYS)?;
    let moved = |text: &str| {
        Day::parse(text)
            .ok()
            .map(|day| Day(day.0 - shift).to_string())
    };
    let mut event = original.clone();
    event.id = format!("synth:{index}");
    event.date.start = moved(&original.date.start)?;
    event.date.end = moved(&original.date.end)?;
    if let Some(place) = event.places.first_mut() {
        place.name = format!("{}, near {}", place.name, village(index));
    }
    Some(event)
}

/// A made-up village name for event `index`: one of [`VILLAGES`], from syllables of Syrian
/// place names, the same for the same index.
pub fn village(index: usize) -> String {
    const FIRST: [&str; 10] = [
        "Kafr", "Tal", "Ain", "Deir", "Khirbet", "Jisr", "Ras", "Beit", "Tell", "Qasr",
    ];
    const SYLLABLES: [&str; 20] = [
        "da", "lu", "ma", "ri", "sa", "ba", "nu", "ha", "ti", "ya", "zu", "ka", "mi", "ra", "sh",
        "wa", "qa", "fi", "la", "bu",
    ];
    // A fixed scramble of the index, so neighbouring events do not share a prefix.
    let mut n = (index % VILLAGES).wrapping_mul(2_654_435_761) % VILLAGES;
    let first = FIRST[n % FIRST.len()];
    n /= FIRST.len();
    let mut name = String::new();
    for _ in 0..3 {
        name.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    let mut letters = name.chars();
    let capital: String = letters
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .collect();
    format!("{first} {capital}{}", letters.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::test_data::{dataset, ev, UCDP};
    use crate::core::validate;
    use crate::core::vocab::Governorate;
    use std::collections::HashSet;

    #[test]
    fn a_synthetic_collection_is_valid_and_says_what_it_is() {
        let base = dataset(
            "ucdp",
            vec![
                ev("ucdp:1", "2019-11-14")
                    .place("Ariha", Some(Governorate::Idlib))
                    .cite(UCDP, "clashes"),
                ev("ucdp:2", "2016-02-29")
                    .place("Saraqib", Some(Governorate::Idlib))
                    .cite(UCDP, "an airstrike"),
            ],
        );
        let Some(made) = synthesize(&base, 7) else {
            panic!("the base has events")
        };
        assert_eq!(made.events.len(), 7);
        assert!(made
            .collection
            .description
            .contains("must not be read or cited"));
        let ids: HashSet<String> = made.events.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), 7);
        // Event 5 is copy 2 of the second event: two passes of 28 days before 2016-02-29.
        let copy = &made.events.to_vec()[5];
        assert_eq!(
            copy.date.start,
            Day(Day::parse("2016-02-29").map_or(0, |d| d.0) - 56).to_string()
        );
        assert_eq!(copy.places[0].name, format!("Saraqib, near {}", village(5)));
        let bytes = serde_json::to_vec(&made).unwrap_or_default();
        let loaded = validate::load("synth.json", &bytes);
        assert!(
            loaded.as_ref().is_ok_and(|l| l.dataset.events.len() == 7),
            "{loaded:?}"
        );
        assert!(synthesize(&dataset("empty", Vec::new()), 3).is_none());
    }

    #[test]
    fn villages_are_many_and_stable() {
        let names: HashSet<String> = (0..VILLAGES).map(village).collect();
        assert!(names.len() > VILLAGES / 2, "{}", names.len());
        assert_eq!(village(12), village(12 + VILLAGES));
    }
}
