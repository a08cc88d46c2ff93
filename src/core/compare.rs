//! Who says how many: reported figures from different sources that count the same thing (same
//! metric, overlapping period and area, a shared actor) side by side, and what the event
//! collections add up to for the same window, area and actor.
//!
//! The event sums use exactly the explorer's filter (dates that overlap the period, any of the
//! area's governorates, the actor in any role), so the link beside each sum opens the very
//! events it adds up. Definitions differ: monitors count victims they document, UCDP counts
//! deaths in events it can verify, and UCDP has no Russian side (it codes Russian air support
//! under the Government of Syria).

use std::collections::BTreeSet;

use super::aggregate;
use super::catalog::Catalog;
use super::date::Day;
use super::date_window::{self, Milestones};
use super::filter::CasualtyFilter;
use super::model::{DateRange, ReportedFigure};
use super::query::{View, ViewState};
use super::search;
use super::vocab::{Actor, EventKind, Metric};

/// Whether two date ranges share at least one day.
pub fn periods_overlap(a: &DateRange, b: &DateRange) -> bool {
    match (
        Day::parse(&a.start),
        Day::parse(&a.end),
        Day::parse(&b.start),
        Day::parse(&b.end),
    ) {
        (Ok(a0), Ok(a1), Ok(b0), Ok(b1)) => a0 <= b1 && b0 <= a1,
        _ => false,
    }
}

/// Whether two areas overlap: an empty governorate list is the whole country.
pub fn areas_overlap(a: &ReportedFigure, b: &ReportedFigure) -> bool {
    let (a, b) = (&a.area.governorates, &b.area.governorates);
    a.is_empty() || b.is_empty() || a.iter().any(|g| b.contains(g))
}

/// Whether two figures count the same thing over overlapping periods, areas and actors.
pub fn comparable(a: &ReportedFigure, b: &ReportedFigure) -> bool {
    a.metric == b.metric
        && a.facility == b.facility
        && periods_overlap(&a.period, &b.period)
        && areas_overlap(a, b)
        && a.actors.iter().any(|actor| b.actors.contains(actor))
}

/// The first source id a figure cites.
fn source_of(figure: &ReportedFigure) -> &str {
    figure.citations.first().map_or("", |c| c.source.as_str())
}

/// Groups of figures from at least two different sources that count the same thing. Each
/// group is led by a figure and holds every figure comparable with it; groups with the same
/// members are given once.
pub fn comparison_groups(figures: &[&ReportedFigure]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (lead, figure) in figures.iter().enumerate() {
        let members: Vec<usize> = figures
            .iter()
            .enumerate()
            .filter(|(index, other)| *index == lead || comparable(figure, other))
            .map(|(index, _)| index)
            .collect();
        let sources: BTreeSet<&str> = members
            .iter()
            .filter_map(|&i| figures.get(i).map(|f| source_of(f)))
            .collect();
        if sources.len() >= 2 && !groups.contains(&members) {
            groups.push(members);
        }
    }
    groups
}

/// What a figure's metric is compared with in the event collections: which events, and what
/// of them is summed. One rule for every metric: milestones (agreements, ceasefires, political
/// events) are never among the events, and monitors' counts of attacks or massacres are set
/// beside attacks only ([`EventKind::is_attack`]), never beside patrols, convoys or releases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// The event kinds counted; empty when the casualty filter already leaves milestones out
    /// (they carry no casualties).
    pub kinds: BTreeSet<EventKind>,
    pub casualty: Option<CasualtyFilter>,
    pub value: Value,
}

/// What is summed over a figure's events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// The number of events.
    Events,
    /// A column of deaths (best estimates).
    CiviliansKilled,
    ChildrenKilled,
    WomenKilled,
    /// The collections hold no number comparable with the metric (people injured, displaced,
    /// medics killed); only the events are shown.
    NotCounted,
}

impl Measure {
    /// The measure for a figure's metric.
    pub fn of(metric: Metric) -> Measure {
        let attacks: BTreeSet<EventKind> = EventKind::ALL
            .iter()
            .copied()
            .filter(|k| k.is_attack())
            .collect();
        let incidents: BTreeSet<EventKind> = EventKind::ALL
            .iter()
            .copied()
            .filter(|k| !k.is_milestone())
            .collect();
        let of_kind = |kind: EventKind| Measure {
            kinds: BTreeSet::from([kind]),
            casualty: None,
            value: Value::Events,
        };
        let casualty = |casualty: CasualtyFilter, value: Value| Measure {
            kinds: BTreeSet::new(),
            casualty: Some(casualty),
            value,
        };
        match metric {
            Metric::CiviliansKilled => {
                casualty(CasualtyFilter::CiviliansKilled, Value::CiviliansKilled)
            }
            Metric::ChildrenKilled => {
                casualty(CasualtyFilter::ChildrenKilled, Value::ChildrenKilled)
            }
            Metric::WomenKilled => casualty(CasualtyFilter::CiviliansKilled, Value::WomenKilled),
            Metric::MedicalPersonnelKilled
            | Metric::CivilDefenceKilled
            | Metric::MediaWorkersKilled => {
                casualty(CasualtyFilter::CiviliansKilled, Value::NotCounted)
            }
            Metric::CiviliansInjured | Metric::ChildrenInjured | Metric::WomenInjured => {
                casualty(CasualtyFilter::AnyInjured, Value::NotCounted)
            }
            Metric::Massacres => Measure {
                kinds: attacks,
                casualty: Some(CasualtyFilter::CiviliansKilled),
                value: Value::Events,
            },
            Metric::ChemicalAttacks => of_kind(EventKind::ChemicalAttack),
            Metric::BarrelBombs => of_kind(EventKind::BarrelBomb),
            Metric::GuidedMissileAttacks => of_kind(EventKind::GuidedMissile),
            Metric::Attacks
            | Metric::AttacksOnFacilities
            | Metric::ClusterMunitionAttacks
            | Metric::IncendiaryAttacks
            | Metric::NailMissileAttacks => Measure {
                kinds: attacks,
                casualty: None,
                value: Value::Events,
            },
            Metric::Displaced => Measure {
                kinds: incidents,
                casualty: None,
                value: Value::NotCounted,
            },
        }
    }

    /// What the events' number stands for, in a phrase, for the comparison's caption.
    pub fn label(metric: Metric) -> &'static str {
        match metric {
            Metric::CiviliansKilled => "civilians killed (best estimates)",
            Metric::ChildrenKilled => "children killed (best estimates)",
            Metric::WomenKilled => {
                "women killed (best estimates), in the events that killed civilians"
            }
            Metric::MedicalPersonnelKilled
            | Metric::CivilDefenceKilled
            | Metric::MediaWorkersKilled => {
                "events that killed civilians (the collections do not count medics, rescuers or journalists apart)"
            }
            Metric::CiviliansInjured | Metric::ChildrenInjured | Metric::WomenInjured => {
                "events with people injured (the collections do not count the injured)"
            }
            Metric::Massacres => {
                "attacks that killed civilians (a massacre, as monitors count it, is one that killed several; the collections do not mark them)"
            }
            Metric::ChemicalAttacks => "chemical attacks",
            Metric::BarrelBombs => "barrel-bomb attacks (events, not bombs dropped)",
            Metric::GuidedMissileAttacks => "guided-missile attacks",
            Metric::Attacks => "attacks",
            Metric::AttacksOnFacilities
            | Metric::ClusterMunitionAttacks
            | Metric::IncendiaryAttacks
            | Metric::NailMissileAttacks => {
                "attacks of any kind (the collections do not record the facility hit or the munition)"
            }
            Metric::Displaced => "incidents (the collections do not count the displaced)",
        }
    }
}

/// The explorer view holding the events that match a figure's window, area and actors, and
/// its [`Measure`]: the events its comparison counts, so its link opens exactly those.
pub fn view_for(figure: &ReportedFigure, actors: &[Actor]) -> ViewState {
    let measure = Measure::of(figure.metric);
    ViewState {
        from: Day::parse(&figure.period.start).ok(),
        to: Day::parse(&figure.period.end).ok(),
        governorates: figure.area.governorates.iter().copied().collect(),
        actors: actors.iter().copied().collect(),
        kinds: measure.kinds,
        casualty: measure.casualty,
        view: View::List,
        ..ViewState::default()
    }
}

/// What one collection's events add up to for a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSum {
    pub collection: String,
    /// The events of [`view_for`] in this collection: what its link opens.
    pub events: u32,
    /// The sum comparable with the figure's metric ([`Measure::value`]): deaths, or the
    /// number of events for metrics that count attacks; `None` when the collection holds no
    /// comparable number (no such metric, or a group it never records).
    pub value: Option<u64>,
    /// Events whose citation text mentions Russia: derived from headline or quote text, not a
    /// coded side.
    pub mentions_russia: u32,
    /// Of `events`, those whose dates reach beyond the figure's period (dated only to a year
    /// or a month that overlaps it, or lasting past its ends): counted whole, as the explorer's
    /// date filter counts them ([`super::date_window`]).
    pub beyond_period: u32,
}

/// Sums per loaded collection of the events in [`view_for`]`(figure, actors)`: one
/// [`EventSum`] per collection, in catalog order.
pub fn event_sums(catalog: &Catalog, figure: &ReportedFigure, actors: &[Actor]) -> Vec<EventSum> {
    event_sums_for(catalog, figure, &[actors.to_vec()])
        .pop()
        .unwrap_or_default()
}

/// [`event_sums`] for each of `actor_sets`, in that order. The figure's window, area and kinds
/// are one filter pass over the table; each actor set's events are the window's that its view
/// also passes (naming actors only narrows [`view_for`]), so a figure with several actor sets
/// costs one pass, not one a set (a reader's own file can hold a million rows).
pub fn event_sums_for(
    catalog: &Catalog,
    figure: &ReportedFigure,
    actor_sets: &[Vec<Actor>],
) -> Vec<Vec<EventSum>> {
    let table = &catalog.table;
    let window = view_for(figure, &[]).filter(table).rows(table);
    let russia_terms = search::terms("russia");
    let russia = table.rows_with_text(&russia_terms);
    let mentions_russia = |row: u32| match &russia {
        Some(rows) => rows.contains(row as usize),
        None => table
            .search_text
            .get(row as usize)
            .is_some_and(|text| search::contains_all(text, &russia_terms)),
    };
    let value = Measure::of(figure.metric).value;
    let group_column = match value {
        Value::ChildrenKilled => Some(&table.children_killed),
        Value::WomenKilled => Some(&table.women_killed),
        Value::Events | Value::CiviliansKilled | Value::NotCounted => None,
    };
    let ids = catalog.collection_ids();
    // A collection that never records a group (UCDP has no age or sex) has no comparable
    // number for it: a dash, not a 0 that would read as "none were killed".
    let recorded_by: Vec<bool> = match group_column {
        Some(values) => {
            let mut records = vec![false; ids.len()];
            for (&c, &v) in table.collection.iter().zip(values.iter()) {
                if let Some(slot) = records.get_mut(usize::from(c)).filter(|_| v > 0) {
                    *slot = true;
                }
            }
            records
        }
        None => Vec::new(),
    };
    actor_sets
        .iter()
        .map(|actors| {
            let filter = view_for(figure, actors).filter(table);
            let mut rows_of: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
            for &row in &window {
                if !actors.is_empty() && !filter.matches_row(table, row as usize, None) {
                    continue;
                }
                let collection = table.collection.get(row as usize);
                if let Some(mine) = collection.and_then(|&c| rows_of.get_mut(usize::from(c))) {
                    mine.push(row);
                }
            }
            ids.iter()
                .zip(&rows_of)
                .enumerate()
                .map(|(index, (id, mine))| {
                    let totals = aggregate::totals(table, mine);
                    let column = |values: &[u32]| -> u64 {
                        mine.iter()
                            .map(|&row| u64::from(values.get(row as usize).copied().unwrap_or(0)))
                            .sum()
                    };
                    let recorded = recorded_by.get(index).copied().unwrap_or(false);
                    let value = match value {
                        Value::Events => Some(u64::from(totals.events)),
                        Value::CiviliansKilled => Some(totals.civilians_killed),
                        Value::ChildrenKilled | Value::WomenKilled => group_column
                            .filter(|_| recorded)
                            .map(|values| column(values)),
                        Value::NotCounted => None,
                    };
                    // "Of them", the incidents summed: milestones aside, as in the count.
                    let beyond =
                        date_window::beyond_window(table, mine, &filter, Milestones::Aside);
                    EventSum {
                        collection: id.clone(),
                        events: totals.events,
                        value,
                        mentions_russia: mine.iter().filter(|&&row| mentions_russia(row)).count()
                            as u32,
                        beyond_period: beyond.map_or(0, |b| b.events),
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Area, Citation, Quantity};
    use crate::core::vocab::{Governorate, Qualifier};

    fn figure(
        source: &str,
        start: &str,
        end: &str,
        governorates: &[Governorate],
        actors: &[Actor],
    ) -> ReportedFigure {
        ReportedFigure {
            id: format!("{source}-{start}"),
            period: DateRange {
                start: start.into(),
                end: end.into(),
                precision: crate::core::model::DatePrecision::Period,
            },
            area: Area {
                name: "area".into(),
                governorates: governorates.to_vec(),
            },
            actors: actors.to_vec(),
            metric: Metric::CiviliansKilled,
            facility: None,
            value: Quantity {
                value: Some(1),
                qualifier: Qualifier::Exact,
                wording: None,
            },
            part_of: None,
            citations: vec![Citation {
                source: source.into(),
                quote: "q".into(),
                reported_by: None,
            }],
        }
    }

    #[test]
    fn overlap_rules() {
        let nw = [Governorate::Idlib, Governorate::Hama];
        let a = figure("snhr", "2019-04-26", "2019-11-15", &nw, &[Actor::Russia]);
        let b = figure("aj", "2015-09-30", "2023-11-08", &[], &[Actor::Russia]); // Whole country.
        let c = figure("x", "2020-01-01", "2020-12-31", &nw, &[Actor::Russia]); // Later period.
        let d = figure(
            "y",
            "2019-01-01",
            "2019-12-31",
            &[Governorate::Daraa],
            &[Actor::Russia],
        );
        let e = figure("z", "2019-01-01", "2019-12-31", &nw, &[Actor::Isis]);
        assert!(comparable(&a, &b));
        assert!(!comparable(&a, &c), "periods do not overlap");
        assert!(!comparable(&a, &d), "areas do not overlap");
        assert!(!comparable(&a, &e), "no shared actor");
        let all = [&a, &b, &c, &d, &e];
        let groups = comparison_groups(&all);
        assert!(groups.contains(&vec![0, 1]));
        assert!(
            groups.iter().all(|g| !g.contains(&4)),
            "ISIS figure has no counterpart"
        );
    }

    #[test]
    fn periods_touching_on_one_day_overlap() {
        let a = DateRange {
            start: "2019-01-01".into(),
            end: "2019-01-31".into(),
            precision: crate::core::model::DatePrecision::Month,
        };
        let b = DateRange {
            start: "2019-01-31".into(),
            end: "2019-02-28".into(),
            precision: crate::core::model::DatePrecision::Month,
        };
        let c = DateRange {
            start: "2019-02-01".into(),
            end: "2019-02-28".into(),
            precision: crate::core::model::DatePrecision::Month,
        };
        assert!(periods_overlap(&a, &b));
        assert!(!periods_overlap(&a, &c));
    }

    #[test]
    fn the_explorer_view_carries_window_area_and_actor() {
        let f = figure(
            "snhr",
            "2019-10-30",
            "2019-11-15",
            &[Governorate::Idlib],
            &[Actor::SyrianGovernment, Actor::Russia],
        );
        let state = view_for(&f, &[Actor::SyrianGovernment]);
        assert_eq!(
            state.from.map(|d| d.to_string()).as_deref(),
            Some("2019-10-30")
        );
        assert_eq!(
            state.to.map(|d| d.to_string()).as_deref(),
            Some("2019-11-15")
        );
        assert!(state.governorates.contains(&Governorate::Idlib));
        assert_eq!(state.actors.len(), 1);
        assert_eq!(state.casualty, Some(CasualtyFilter::CiviliansKilled));
    }
}
