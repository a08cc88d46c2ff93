//! The places filter's type-ahead in either script: an option is found by the spelling its
//! source writes ("Aleppo") and by the Arabic name the gazetteer gives it ("حلب"), in either
//! language of the interface, so a reader of the Arabic view, which names places by their
//! Arabic names, finds them by what it shows, and a reader who knows only one script finds
//! every place.
//!
//! Both texts pass through the search box's own rules ([`normalise`]: case, Latin and Arabic
//! diacritics, the alef, ya and ta marbuta variants aside), and an option matches when its
//! texts together hold every typed term. The order, the limit and the ticked options kept are
//! those of [`OptionOrder::visible`], which this follows for any other text.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::facet::{Dictionary, OptionOrder, Visible};
use super::search::{contains_all, normalise, terms};

/// The places' texts as type-ahead compares them, worked out the first time the reader types
/// (a closed group never does).
#[derive(Debug, Default)]
pub struct PlaceTypeAhead {
    /// The options in the order the filter lists them.
    order: OnceLock<Vec<u32>>,
    /// Per value id, its source spelling and its Arabic name, normalised.
    texts: OnceLock<Vec<String>>,
}

impl PlaceTypeAhead {
    /// The options to list for `typed`, as [`OptionOrder::visible`] lists them but matching
    /// each place's Arabic name too (`arabic`, by value id, as the places facet holds it;
    /// shorter than the dictionary where the last places have none).
    pub fn visible(
        &self,
        options: &OptionOrder,
        dictionary: &Dictionary,
        arabic: &[Option<Box<str>>],
        checked: &[u32],
        typed: &str,
        limit: usize,
    ) -> Visible {
        let terms = terms(typed);
        if terms.is_empty() {
            return options.visible(dictionary, checked, typed, limit);
        }
        let order = self
            .order
            .get_or_init(|| options.visible(dictionary, &[], "", usize::MAX).ids);
        let texts = self
            .texts
            .get_or_init(|| texts_of(dictionary.values(), arabic));
        let mut matching = order.iter().copied().filter(|&id| {
            texts
                .get(id as usize)
                .is_some_and(|text| contains_all(text, &terms))
        });
        let mut ids: Vec<u32> = matching.by_ref().take(limit).collect();
        let more = matching.count();
        let matches = ids.len() + more;
        let listed = ids.clone();
        ids.extend(checked.iter().copied().filter(|id| !listed.contains(id)));
        Visible { ids, more, matches }
    }
}

/// The Arabic names that more than one place of the facet is given (`arabic`, by value id):
/// sources spell one town several ways ("Aleppo", "Aleppo city"), which the gazetteer names
/// alike, so the Arabic view shows each such option's spelling beside the name to tell them
/// apart.
pub fn shared_names(arabic: &[Option<Box<str>>]) -> HashSet<Box<str>> {
    let mut seen = HashSet::new();
    let mut shared = HashSet::new();
    for name in arabic.iter().flatten() {
        if !seen.insert(name) {
            shared.insert(name.clone());
        }
    }
    shared
}

/// Per value, its normalised spelling and, after a line break (which no normalised text holds,
/// so no term spans the two), its normalised Arabic name.
fn texts_of(values: &[String], arabic: &[Option<Box<str>>]) -> Vec<String> {
    values
        .iter()
        .enumerate()
        .map(|(id, value)| {
            let mut text = normalise(value);
            if let Some(Some(name)) = arabic.get(id) {
                text.push('\n');
                text.push_str(&normalise(name));
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places as a facet holds them: spellings, their counts and Arabic names (the last place
    /// has none).
    const PLACES: [(&str, u32, Option<&str>); 5] = [
        ("Aleppo", 40, Some("حلب")),
        ("Aleppo countryside", 12, None),
        ("Maarat al-Numan", 20, Some("مَعَرَّة النُّعْمان")),
        ("Al-Hasakah", 7, Some("الحسكة")),
        ("Ariha", 3, None),
    ];

    fn facet() -> (Dictionary, OptionOrder, Vec<Option<Box<str>>>) {
        let mut dictionary = Dictionary::default();
        let mut overall = Vec::new();
        let mut arabic = Vec::new();
        for (value, count, name) in PLACES {
            dictionary.intern(value);
            overall.push(count);
            arabic.push(name.map(Box::from));
        }
        // The last place's slot is left out, as a facet leaves it when no name was found.
        arabic.pop();
        let order = OptionOrder::new(&dictionary, &overall);
        (dictionary, order, arabic)
    }

    fn found(typed: &str) -> Vec<&'static str> {
        let (dictionary, order, arabic) = facet();
        let visible =
            PlaceTypeAhead::default().visible(&order, &dictionary, &arabic, &[], typed, usize::MAX);
        visible
            .ids
            .iter()
            .filter_map(|&id| PLACES.get(id as usize).map(|(value, _, _)| *value))
            .collect()
    }

    /// The places whose spelling or Arabic name holds `needle` (compared as search compares
    /// them), most events first: what the type-ahead must list.
    fn expected(needle: &str) -> Vec<&'static str> {
        let needle = normalise(needle);
        let mut places: Vec<_> = PLACES
            .iter()
            .filter(|(value, _, name)| {
                normalise(value).contains(&needle)
                    || name.is_some_and(|name| normalise(name).contains(&needle))
            })
            .collect();
        places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        places.into_iter().map(|(value, _, _)| *value).collect()
    }

    #[test]
    fn a_place_is_found_by_its_arabic_name_and_by_its_spelling() {
        assert_eq!(found("حلب"), expected("حلب"));
        assert_eq!(found("حلب"), ["Aleppo"]);
        assert_eq!(found("aleppo"), expected("Aleppo"));
        assert!(found("Aleppo").contains(&"Aleppo"));
    }

    #[test]
    fn arabic_is_matched_with_the_search_boxs_rules() {
        // Without vowel marks, and with ta marbuta typed as heh.
        assert_eq!(found("معره النعمان"), ["Maarat al-Numan"]);
        // Alef with hamza typed as a bare alef and back.
        assert_eq!(found("الحسكه"), ["Al-Hasakah"]);
        assert_eq!(found("ألحسكة"), ["Al-Hasakah"]);
    }

    #[test]
    fn both_scripts_together_must_all_be_found() {
        assert_eq!(found("حلب aleppo"), ["Aleppo"]);
        assert!(found("حلب ariha").is_empty());
    }

    #[test]
    fn names_given_to_more_than_one_place_are_known() {
        let (_, _, mut arabic) = facet();
        assert!(shared_names(&arabic).is_empty());
        arabic.push(Some(Box::from("حلب")));
        let shared = shared_names(&arabic);
        let expected: HashSet<Box<str>> = PLACES
            .iter()
            .filter_map(|(_, _, name)| *name)
            .filter(|name| arabic.iter().flatten().filter(|n| &***n == *name).count() > 1)
            .map(Box::from)
            .collect();
        assert_eq!(shared, expected);
        assert!(shared.contains("حلب"));
    }

    #[test]
    fn without_text_the_list_is_the_facets_own() {
        let (dictionary, order, arabic) = facet();
        let ours = PlaceTypeAhead::default().visible(&order, &dictionary, &arabic, &[4], "", 2);
        assert_eq!(ours, order.visible(&dictionary, &[4], "", 2));
        // Latin text matches as the facet matches it; a ticked place stays listed.
        let ours = PlaceTypeAhead::default().visible(&order, &dictionary, &arabic, &[4], "al", 12);
        assert_eq!(ours, order.visible(&dictionary, &[4], "al", 12));
    }
}
