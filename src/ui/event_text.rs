//! How events read on screen, in the interface's language: dates with their precision,
//! casualties with their original wording and range, actors with their role. Shared by the list
//! and the detail view. The English forms are the app's own; the Arabic ones come from the
//! catalogue.

use crate::core::catalog::Catalog;
use crate::core::date::Day;
use crate::core::i18n::{Arg, Lang};
use crate::core::model::{Casualty, DatePrecision, Event, Place, Quantity};
#[cfg(doc)]
use crate::core::place_names::PlaceLevel;
use crate::core::vocab::Qualifier;

/// A place's name as the interface shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceName<'a> {
    /// The name shown.
    pub text: &'a str,
    /// Its language when it is not the interface's: `en` for a source's Latin spelling shown
    /// to an Arabic reader, so that a screen reader reads it as such.
    pub lang: Option<&'static str>,
    /// The Arabic reader gets the source's spelling for want of an Arabic name.
    pub source_spelling: bool,
    /// Where the Arabic name comes from, when one is shown ([`PlaceLevel::source`]).
    pub from: Option<&'static str>,
}

/// `place` named for `tr`: in Arabic, its name from the gazetteer when it has one
/// ([`crate::core::place_names`]), else the source's spelling, marked; in English, the
/// source's spelling.
pub fn place_name<'a>(tr: Lang, catalog: &'a Catalog, place: &'a Place) -> PlaceName<'a> {
    let source = PlaceName {
        text: &place.name,
        lang: None,
        source_spelling: false,
        from: None,
    };
    if tr != Lang::Ar {
        return source;
    }
    match catalog
        .place_names
        .arabic(&place.name, place.precision, place.lat.zip(place.lon))
    {
        Some(arabic) => PlaceName {
            text: arabic.name,
            lang: None,
            source_spelling: false,
            from: Some(arabic.level.source()),
        },
        None => PlaceName {
            lang: Some("en"),
            source_spelling: true,
            ..source
        },
    }
}

/// "2019-11-12" for a day, "2020-11 (month)" for a month, "2023-01-01 – 2023-11-08 (period)";
/// in Arabic "12 تشرين الثاني 2019".
pub fn date(tr: Lang, event: &Event) -> (String, Option<String>) {
    let range = &event.date;
    let day = |text: &str| match Day::parse(text) {
        Ok(day) => tr.day(day),
        Err(_) => text.to_string(),
    };
    let span = || {
        tr.format(
            "date-range",
            &[
                ("from", Arg::Text(&day(&range.start))),
                ("to", Arg::Text(&day(&range.end))),
            ],
        )
    };
    let month = || {
        let start = Day::parse(&range.start).map(Day::ymd);
        match start {
            Ok((year, month, _)) => tr.month(year, month),
            Err(_) => range.start.get(..7).unwrap_or(&range.start).to_string(),
        }
    };
    match range.precision {
        DatePrecision::Day => (day(&range.start), None),
        DatePrecision::Month => (month(), Some(tr.text("precision-month"))),
        DatePrecision::Year => (
            range.start.get(..4).unwrap_or(&range.start).to_string(),
            Some(tr.text("precision-year")),
        ),
        DatePrecision::Days => (span(), Some(tr.text("precision-days"))),
        DatePrecision::Week => (span(), Some(tr.text("precision-week"))),
        DatePrecision::Period => (span(), Some(tr.text("precision-period"))),
    }
}

/// "36 civilians killed" with range and qualifier; the source's own words are shown beside it.
/// In Arabic, "قتلى من المدنيين: 36 على الأقل": the count after the group, so that no noun
/// has to agree with a number.
pub fn casualty(tr: Lang, c: &Casualty) -> String {
    if tr == Lang::Ar {
        return casualty_ar(tr, c);
    }
    let number = match (c.low, c.best, c.high) {
        (Some(low), Some(best), Some(high)) if low != high => {
            format!("{best} (range {low}–{high})")
        }
        (_, Some(best), _) => best.to_string(),
        _ => String::new(),
    };
    let qualifier = match c.qualifier {
        Qualifier::Exact => "",
        Qualifier::Unspecified => "an unspecified number of",
        other => other.label(),
    };
    // "1 civilian killed", "at least 1 child killed"; "over 1" and the rest stay plural.
    let one = number == "1" && matches!(c.qualifier, Qualifier::Exact | Qualifier::AtLeast);
    let group = if one {
        c.group.label_one()
    } else {
        c.group.label()
    };
    [qualifier, number.as_str(), group, c.outcome.label()]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A casualty figure worded from the Arabic catalogue.
fn casualty_ar(tr: Lang, c: &Casualty) -> String {
    let number = match (c.low, c.best, c.high) {
        (Some(low), Some(best), Some(high)) if low != high => Some(tr.format(
            "casualty-range",
            &[
                ("best", Arg::Text(&best.to_string())),
                ("low", Arg::Text(&low.to_string())),
                ("high", Arg::Text(&high.to_string())),
            ],
        )),
        (_, Some(best), _) => Some(best.to_string()),
        _ => None,
    };
    let qualifier = Arg::Text(c.qualifier.id());
    let amount = match number {
        Some(number) => tr.format(
            "amount",
            &[("qualifier", qualifier), ("n", Arg::Text(&number))],
        ),
        None => tr.format("amount-vague", &[("qualifier", qualifier)]),
    };
    tr.format(
        "casualty-line",
        &[
            ("outcome", Arg::Text(&tr.label("outcome", c.outcome.id()))),
            ("group", Arg::Text(&tr.label("group", c.group.id()))),
            ("amount", Arg::Text(&amount)),
        ],
    )
}

/// A number as its source qualified it, or the source's own words.
pub fn quantity(q: &Quantity) -> String {
    match (&q.wording, q.value) {
        (Some(wording), _) => wording.clone(),
        (None, Some(value)) => format!("{} {value}", q.qualifier.label()),
        (None, None) => q.qualifier.label().to_string(),
    }
}

/// Actors with roles, using the source's own party names when it has them.
pub fn actors(tr: Lang, catalog: &Catalog, row: usize, event: &Event) -> String {
    let dataset = catalog.dataset_of(row);
    let mut parts: Vec<String> = Vec::new();
    for actor in &event.actors {
        let party = actor
            .party
            .and_then(|p| dataset.and_then(|d| d.parties.get(p as usize)))
            .map(|p| p.name.as_str());
        let label = tr.label("actor", actor.actor.id());
        let role = tr.label("role", actor.role.id());
        let text = match party {
            Some(name) if name != actor.actor.label() => tr.format(
                "actor-as-named",
                &[
                    ("actor", Arg::Text(&label)),
                    ("role", Arg::Text(&role)),
                    ("name", Arg::Text(name)),
                ],
            ),
            _ => tr.format(
                "actor-with-role",
                &[("actor", Arg::Text(&label)), ("role", Arg::Text(&role))],
            ),
        };
        if !parts.contains(&text) {
            parts.push(text);
        }
    }
    if parts.is_empty() {
        tr.text("actors-none")
    } else {
        parts.join(if tr == Lang::Ar { "؛ " } else { "; " })
    }
}

/// Publisher names of the event's citations.
pub fn sources(tr: Lang, catalog: &Catalog, row: usize, event: &Event) -> String {
    let Some(dataset) = catalog.dataset_of(row) else {
        return String::new();
    };
    let mut names: Vec<String> = Vec::new();
    for citation in &event.citations {
        let name = dataset
            .source(&citation.source)
            .map(|s| tr.label("pub", s.publisher.id()))
            .unwrap_or_else(|| citation.source.clone());
        let name = match &citation.reported_by {
            Some(by) => tr.format(
                "source-citing",
                &[("name", Arg::Text(&name)), ("by", Arg::Text(by))],
            ),
            None => name,
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(if tr == Lang::Ar { "؛ " } else { "; " })
}
