//! The active filters of a view as removable chips: what the page shows above the results while
//! the filter panel is collapsed (a phone's default), one chip per ticked value, date bound,
//! search text or option, in the panel's order, each naming its filter and its value, and what
//! removing one does to the view.
//!
//! Pure: the chips are read from the [`ViewState`] in a language, and [`remove`] changes the
//! state the way unticking the option in the panel would.

use super::date::Day;
use super::facet::Facet;
use super::filter::{ActorRole, CasualtyFilter, DateMatch};
use super::i18n::{Arg, Lang};
use super::query::ViewState;
use super::vocab::{Actor, EventKind, Governorate, Publisher};

/// Which filter value a chip stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChipKey {
    Text,
    From,
    To,
    /// Dates matched within the window rather than by overlap.
    DatesWithin,
    Collection(String),
    Publisher(Publisher),
    ActorRole,
    Actor(Actor),
    Kind(EventKind),
    Governorate(Governorate),
    Casualty,
    /// A value of an open dimension, as the data spells it.
    Facet(Facet, String),
}

/// One active filter, worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub key: ChipKey,
    /// The filter's name: "Governorate", "Search".
    pub dimension: String,
    /// Its value: "Idlib", a place as the source spells it, the search text.
    pub value: String,
    /// Whether the value comes from the data or the reader (a place as the source spells it,
    /// a collection's name, the search text), which the page isolates (`<bdi>`), rather than
    /// from the app's own words.
    pub from_data: bool,
}

impl Chip {
    /// What the chip shows, in `tr`: "Governorate: Idlib".
    pub fn text(&self, tr: Lang) -> String {
        tr.format(
            "chip-text",
            &[
                ("dimension", Arg::Text(&self.dimension)),
                ("value", Arg::Text(&self.value)),
            ],
        )
    }

    /// What the chip shows before and after its value, in `tr`, so the page can put the
    /// value in an element of its own.
    pub fn around_value(&self, tr: Lang) -> (String, String) {
        const MARK: &str = "\u{E000}";
        let text = tr.format(
            "chip-text",
            &[
                ("dimension", Arg::Text(&self.dimension)),
                ("value", Arg::Text(MARK)),
            ],
        );
        match text.split_once(MARK) {
            Some((before, after)) => (before.to_string(), after.to_string()),
            None => (text, String::new()),
        }
    }
}

/// The chips of `state` in `tr`, in the filter panel's order. `collection_name` names a
/// collection by its id (its name comes from its file).
pub fn chips(
    state: &ViewState,
    tr: Lang,
    collection_name: impl Fn(&str) -> Option<String>,
) -> Vec<Chip> {
    let mut chips = Vec::new();
    let own = |key: ChipKey, dimension: &str, value: String| Chip {
        key,
        dimension: tr.text(dimension),
        value,
        from_data: false,
    };
    let data = |key: ChipKey, dimension: String, value: String| Chip {
        key,
        dimension,
        value,
        from_data: true,
    };
    let facet = |facet: Facet, chips: &mut Vec<Chip>| {
        let label = tr.label("facet", facet.id());
        for value in &state.facets[facet.index()] {
            chips.push(data(
                ChipKey::Facet(facet, value.clone()),
                label.clone(),
                value.clone(),
            ));
        }
    };
    let text = state.text.trim();
    if !text.is_empty() {
        chips.push(data(
            ChipKey::Text,
            tr.text("filter-search"),
            text.to_string(),
        ));
    }
    let day = |day: Day| tr.day(day);
    if let Some(from) = state.from {
        chips.push(own(ChipKey::From, "filter-from", day(from)));
    }
    if let Some(to) = state.to {
        chips.push(own(ChipKey::To, "filter-to", day(to)));
    }
    if state.date_match == DateMatch::Within {
        chips.push(own(
            ChipKey::DatesWithin,
            "filter-dates",
            tr.text("filter-dates-within"),
        ));
    }
    for id in &state.collections {
        let name = collection_name(id).unwrap_or_else(|| id.clone());
        chips.push(data(
            ChipKey::Collection(id.clone()),
            tr.text("filter-collection"),
            name,
        ));
    }
    for &publisher in &state.publishers {
        chips.push(own(
            ChipKey::Publisher(publisher),
            "filter-publisher",
            tr.label("pub", publisher.id()),
        ));
    }
    facet(Facet::Source, &mut chips);
    if state.actor_role != ActorRole::Any {
        chips.push(own(
            ChipKey::ActorRole,
            "filter-actor-role",
            tr.text("filter-role-perpetrator"),
        ));
    }
    for &actor in &state.actors {
        chips.push(own(
            ChipKey::Actor(actor),
            "filter-actor",
            tr.label("actor", actor.id()),
        ));
    }
    facet(Facet::Party, &mut chips);
    for &kind in &state.kinds {
        chips.push(own(
            ChipKey::Kind(kind),
            "filter-kind",
            tr.label("kind", kind.id()),
        ));
    }
    facet(Facet::EventType, &mut chips);
    for &governorate in &state.governorates {
        chips.push(own(
            ChipKey::Governorate(governorate),
            "filter-governorate",
            tr.label("gov", governorate.id()),
        ));
    }
    facet(Facet::District, &mut chips);
    facet(Facet::Place, &mut chips);
    if let Some(casualty) = state.casualty {
        chips.push(own(
            ChipKey::Casualty,
            "filter-casualties",
            tr.label("cas", casualty.id()),
        ));
    }
    chips
}

/// Takes the filter value of `key` away from `state`, as unticking it in the panel does (the
/// list goes back to its first page).
pub fn remove(state: &mut ViewState, key: &ChipKey) {
    match key {
        ChipKey::Text => state.text.clear(),
        ChipKey::From => state.from = None,
        ChipKey::To => state.to = None,
        ChipKey::DatesWithin => state.date_match = DateMatch::Overlap,
        ChipKey::Collection(id) => {
            state.collections.remove(id);
        }
        ChipKey::Publisher(publisher) => {
            state.publishers.remove(publisher);
        }
        ChipKey::ActorRole => state.actor_role = ActorRole::Any,
        ChipKey::Actor(actor) => {
            state.actors.remove(actor);
        }
        ChipKey::Kind(kind) => {
            state.kinds.remove(kind);
        }
        ChipKey::Governorate(governorate) => {
            state.governorates.remove(governorate);
        }
        ChipKey::Casualty => state.casualty = None::<CasualtyFilter>,
        ChipKey::Facet(facet, value) => {
            state.facets[facet.index()].remove(value);
        }
    }
    state.page = 0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::query;

    fn state(link: &str) -> ViewState {
        query::decode(link).0
    }

    fn names(id: &str) -> Option<String> {
        (id == "ucdp").then(|| "UCDP GED Syria".to_string())
    }

    #[test]
    fn no_filter_no_chip() {
        assert!(chips(&ViewState::default(), Lang::En, names).is_empty());
        // A sort, a page, a tab, a record and a language are not filters.
        let view = state("sort=deaths-desc&page=3&view=map&sel=x&lang=ar");
        assert!(chips(&view, Lang::En, names).is_empty());
    }

    #[test]
    fn each_filter_value_is_a_chip_in_the_panel_order() {
        let view = state(
            "q=aleppo&from=2019-01-01&to=2019-12-31&dates=within&c=ucdp&gov=idlib,aleppo\
             &actor=russia&role=perpetrator&kind=airstrike&cas=civilians&place=Aleppo%20town",
        );
        let texts: Vec<String> = chips(&view, Lang::En, names)
            .into_iter()
            .map(|chip| chip.text(Lang::En))
            .collect();
        assert_eq!(
            texts,
            [
                "Search: aleppo",
                "From: 2019-01-01",
                "To: 2019-12-31",
                "Dates: only events dated within them",
                "Collection: UCDP GED Syria",
                "Actor role: As perpetrator only",
                "Actor: Russian forces",
                "Event kind: Airstrike",
                "Governorate: Aleppo",
                "Governorate: Idlib",
                "Place: Aleppo town",
                "Casualties: Civilians killed",
            ]
        );
    }

    #[test]
    fn values_from_the_data_are_marked_for_isolation() {
        let view = state("place=%D8%A5%D8%AF%D9%84%D8%A8&gov=idlib&q=%E2%80%AEx");
        let chips = chips(&view, Lang::Ar, names);
        let place = chips
            .iter()
            .find(|chip| matches!(chip.key, ChipKey::Facet(Facet::Place, _)))
            .expect("a place chip");
        assert!(place.from_data);
        assert_eq!(place.value, "إدلب");
        let governorate = chips
            .iter()
            .find(|chip| chip.key == ChipKey::Governorate(Governorate::Idlib))
            .expect("a governorate chip");
        assert!(!governorate.from_data);
        assert_eq!(
            governorate.dimension,
            Lang::Ar.text("filter-governorate"),
            "the app's words in Arabic"
        );
        let search = chips
            .iter()
            .find(|chip| chip.key == ChipKey::Text)
            .expect("a search chip");
        assert!(search.from_data);
        assert_eq!(search.value, "\u{202e}x");
        // The page puts the value in an element of its own, between the words around it.
        let english = super::chips(&view, Lang::En, names);
        let (before, after) = english
            .iter()
            .find(|chip| chip.key == ChipKey::Text)
            .expect("a search chip")
            .around_value(Lang::En);
        assert_eq!((before.as_str(), after.as_str()), ("Search: ", ""));
        let (before, after) = search.around_value(Lang::Ar);
        let plain = |s: &str| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(
            (plain(&before).as_str(), plain(&after).as_str()),
            ("البحث: ", "")
        );
    }

    #[test]
    fn removing_a_chip_unticks_only_its_value() {
        let mut view =
            state("gov=idlib,aleppo&q=x&page=4&place=Aleppo%20town&role=perpetrator&dates=within");
        let all = chips(&view, Lang::En, names);
        for chip in &all {
            let mut without = view.clone();
            remove(&mut without, &chip.key);
            let left: Vec<ChipKey> = chips(&without, Lang::En, names)
                .into_iter()
                .map(|c| c.key)
                .collect();
            let expected: Vec<ChipKey> = all
                .iter()
                .filter(|c| c.key != chip.key)
                .map(|c| c.key.clone())
                .collect();
            assert_eq!(left, expected, "removing {:?}", chip.key);
            assert_eq!(without.page, 0);
        }
        for chip in all {
            remove(&mut view, &chip.key);
        }
        let cleared = ViewState {
            lang: view.lang,
            ..ViewState::default()
        };
        assert_eq!(view, cleared);
    }
}
