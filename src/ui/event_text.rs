//! How events read on screen: dates with their precision, casualties with their original
//! wording and range, actors with their role. Shared by the list and the detail view.

use crate::core::catalog::Catalog;
use crate::core::model::{Casualty, DatePrecision, Event, Quantity};

/// "2019-11-12" for a day, "2020-11 (month)" for a month, "2023-01-01 – 2023-11-08 (period)".
pub fn date(event: &Event) -> (String, Option<&'static str>) {
    let range = &event.date;
    match range.precision {
        DatePrecision::Day => (range.start.clone(), None),
        DatePrecision::Month => (
            range.start.get(..7).unwrap_or(&range.start).to_string(),
            Some("dated to the month"),
        ),
        DatePrecision::Year => (
            range.start.get(..4).unwrap_or(&range.start).to_string(),
            Some("dated to the year"),
        ),
        DatePrecision::Days => (
            format!("{} – {}", range.start, range.end),
            Some("within a few days"),
        ),
        DatePrecision::Week => (
            format!("{} – {}", range.start, range.end),
            Some("within a week"),
        ),
        DatePrecision::Period => (
            format!("{} – {}", range.start, range.end),
            Some("somewhere in this period"),
        ),
    }
}

/// "36 civilians killed" with range and qualifier; the source's own words are shown beside it.
pub fn casualty(c: &Casualty) -> String {
    let number = match (c.low, c.best, c.high) {
        (Some(low), Some(best), Some(high)) if low != high => {
            format!("{best} (range {low}–{high})")
        }
        (_, Some(best), _) => best.to_string(),
        _ => String::new(),
    };
    let qualifier = match c.qualifier {
        crate::core::vocab::Qualifier::Exact => "",
        crate::core::vocab::Qualifier::Unspecified => "an unspecified number of",
        other => other.label(),
    };
    [
        qualifier,
        number.as_str(),
        c.group.label(),
        c.outcome.label(),
    ]
    .iter()
    .filter(|part| !part.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ")
}

pub fn quantity(q: &Quantity) -> String {
    match (&q.wording, q.value) {
        (Some(wording), _) => wording.clone(),
        (None, Some(value)) => format!("{} {value}", q.qualifier.label()),
        (None, None) => q.qualifier.label().to_string(),
    }
}

/// Actors with roles, using the source's own party names when it has them.
pub fn actors(catalog: &Catalog, row: usize, event: &Event) -> String {
    let dataset = catalog.dataset_of(row);
    let mut parts: Vec<String> = Vec::new();
    for actor in &event.actors {
        let party = actor
            .party
            .and_then(|p| dataset.and_then(|d| d.parties.get(p as usize)))
            .map(|p| p.name.as_str());
        let text = match party {
            Some(name) if name != actor.actor.label() => format!(
                "{} ({}, as “{name}”)",
                actor.actor.label(),
                actor.role.label()
            ),
            _ => format!("{} ({})", actor.actor.label(), actor.role.label()),
        };
        if !parts.contains(&text) {
            parts.push(text);
        }
    }
    if parts.is_empty() {
        "not named".to_string()
    } else {
        parts.join("; ")
    }
}

/// Publisher names of the event's citations.
pub fn sources(catalog: &Catalog, row: usize, event: &Event) -> String {
    let Some(dataset) = catalog.dataset_of(row) else {
        return String::new();
    };
    let mut names: Vec<String> = Vec::new();
    for citation in &event.citations {
        let name = dataset
            .source(&citation.source)
            .map(|s| s.publisher.label().to_string())
            .unwrap_or_else(|| citation.source.clone());
        let name = match &citation.reported_by {
            Some(by) => format!("{name}, citing {by}"),
            None => name,
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join("; ")
}
