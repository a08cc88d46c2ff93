//! Checking one row of a UCDP GED file: each field read and converted ([`Checker::check`]),
//! with a [`super::RowProblem`] for each one that cannot be mapped (an error: the row is
//! skipped) or is kept with something doubtful (a warning), before the row touches the
//! collection's party and dyad tables.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::ucdp_actors::side_actors;
use super::ucdp_columns::Columns;
use super::ucdp_fields::{
    date_precision, governorate_of_adm1, locate_by_point, location_precision, parse_ged_date,
    GovernorateShapes, Located,
};
use crate::core::date::Day;
use crate::core::i18n::{label_key, Said};
use crate::core::model::{DateRange, Place, UcdpInfo};
use crate::core::validate::SYRIA_BOUNDS;
use crate::core::vocab::Actor;

/// A row outside every governorate polygon further than this from the nearest (in degrees,
/// about 5.6 km) is warned: a point just off a simplified border is not worth a word.
const NEAREST_WARN_DEGREES: f64 = 0.05;

/// One record being read (see `csv_rows::Row`).
pub(super) type Row<'a> = super::csv_rows::Row<'a, Columns>;

/// A row checked and converted, before it touches the shared party and dyad tables, so that a
/// row refused halfway leaves no trace in them.
pub(super) struct Checked<'r> {
    pub(super) ucdp_id: u64,
    pub(super) type_of_violence: u8,
    pub(super) conflict_id: u32,
    pub(super) conflict_name: &'r str,
    pub(super) dyad_id: u32,
    pub(super) dyad_name: &'r str,
    pub(super) side_a: &'r str,
    pub(super) side_b: &'r str,
    pub(super) side_a_actors: Vec<Actor>,
    pub(super) side_b_actors: Vec<Actor>,
    pub(super) date: DateRange,
    pub(super) place: Place,
    /// The country, named in the summary of a row outside Syria.
    pub(super) abroad: Option<&'r str>,
    pub(super) quote: String,
    pub(super) info: UcdpInfo,
}

/// `text` with each HTML character reference (`&#8220;`, `&amp;`) replaced by the character it
/// stands for; borrowed when it holds none. UCDP keeps some headlines as the web pages they
/// came from encoded them: "The &#8220;Islamic State&#8221; kill 35 member…" is SOHR's
/// “Islamic State” headline.
pub(super) fn characters_of(text: &str) -> Cow<'_, str> {
    html_escape::decode_html_entities(text)
}

/// Checks rows, remembering across them what a row is checked against: the ids seen, and the
/// unknown groups and countries outside Syria already warned.
pub(super) struct Checker<'a> {
    shapes: &'a GovernorateShapes,
    /// Today's date: a year after next year is a typo.
    today: Day,
    /// Each UCDP id kept, with its row, to name the first row of a duplicate.
    pub(super) seen: HashMap<u64, u64>,
    /// Groups outside the table of Syrian groups, warned on their first row.
    unknown_groups: HashSet<String>,
    /// Countries other than Syria, warned on their first row.
    countries_abroad: HashSet<String>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(shapes: &'a GovernorateShapes, today: Day) -> Self {
        Checker {
            shapes,
            today,
            seen: HashMap::new(),
            unknown_groups: HashSet::new(),
            countries_abroad: HashSet::new(),
        }
    }

    /// The row's fields checked and converted, or `None` with its errors in `fields`.
    pub(super) fn check<'r>(&mut self, fields: &mut Row<'r>) -> Option<Checked<'r>> {
        let c = fields.columns;
        let today = self.today;

        let ucdp_id = whole(fields, c.id, Unit::None);
        if let Some(first) = ucdp_id.and_then(|id| self.seen.get(&id)) {
            let text = fields.text(c.id);
            fields.error_said(
                c.id,
                text,
                Said::new("problem-same-id").arg("first", first.to_string()),
            );
        }
        let type_of_violence = code(fields, c.type_of_violence, 3);
        let conflict_id = narrow(fields, c.conflict_new_id);
        let dyad_id = narrow(fields, c.dyad_new_id);
        let conflict_name = fields.verbatim(c.conflict_name);
        let dyad_name = fields.verbatim(c.dyad_name);
        let side_a = required_verbatim(fields, c.side_a);
        let side_b = required_verbatim(fields, c.side_b);
        let side_a_actors = self.side(fields, c.side_a, side_a);
        let side_b_actors = self.side(fields, c.side_b, side_b);

        let date_prec = code(fields, c.date_prec, 5);
        let start = date(fields, c.date_start, today);
        let end = date(fields, c.date_end, today);
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                let text = fields.text(c.date_end);
                fields.error_said(
                    c.date_end,
                    text,
                    Said::new("problem-ucdp-before-start").arg("start", start.to_string()),
                );
            }
        }

        let where_prec = code(fields, c.where_prec, 7);
        let lat = fields.coordinate(c.latitude, 90.0);
        let lon = fields.coordinate(c.longitude, 180.0);
        let event_clarity = narrow(fields, c.event_clarity);
        let number_of_sources = narrow(fields, c.number_of_sources);
        let deaths = [
            c.deaths_a,
            c.deaths_b,
            c.deaths_civilians,
            c.deaths_unknown,
            c.low,
            c.best,
            c.high,
        ]
        .map(|index| whole(fields, index, Unit::Deaths));

        let where_coordinates = fields.verbatim(c.where_coordinates);
        let adm_1 = fields.verbatim(c.adm_1);
        let adm_2 = fields.verbatim(c.adm_2);
        let country = fields.optional(c.country);
        let country_id = fields.optional(c.country_id);
        let source_article = fields.verbatim(c.source_article);
        let source_office = fields.verbatim(c.source_office);
        let source_date = fields.verbatim(c.source_date);
        let source_headline = fields.verbatim(c.source_headline);
        let source_original = fields.verbatim(c.source_original);

        if fields.has_errors() {
            return None;
        }
        let (ucdp_id, type_of_violence, conflict_id, dyad_id) =
            (ucdp_id?, type_of_violence?, conflict_id?, dyad_id?);
        let (date_prec, start, end, where_prec) = (date_prec?, start?, end?, where_prec?);
        let (lat, lon, event_clarity, number_of_sources) =
            (lat?, lon?, event_clarity?, number_of_sources?);
        let [deaths_a, deaths_b, deaths_civilians, deaths_unknown, low, best, high] = deaths;
        let (deaths_a, deaths_b, deaths_civilians, deaths_unknown) =
            (deaths_a?, deaths_b?, deaths_civilians?, deaths_unknown?);
        let (low, best, high) = (low?, best?, high?);

        let best_text = fields.text(c.best);
        if !(low..=high).contains(&best) {
            fields.warn_said(
                c.best,
                best_text,
                Said::new("problem-ucdp-best-outside")
                    .arg("low", low.to_string())
                    .arg("high", high.to_string()),
            );
        }
        let parts = [deaths_a, deaths_b, deaths_civilians, deaths_unknown]
            .iter()
            .try_fold(0u64, |sum, part| sum.checked_add(*part));
        if parts != Some(best) {
            fields.warn_said(c.best, best_text, Said::new("problem-ucdp-best-not-sum"));
        }

        let area = [adm_1, country, country_id];
        let (place, abroad) = self.place(fields, area, where_prec, lat, lon)?;
        // The quote is read, copied and searched: the characters the headline's HTML
        // character references stand for, not the references. The headline as UCDP gives it
        // is kept only when it held some.
        let headline = characters_of(source_headline);
        let headline_as_given =
            matches!(headline, Cow::Owned(_)).then(|| source_headline.to_string());
        let quote = if !source_headline.is_empty() {
            headline.into_owned()
        } else if !source_article.is_empty() {
            characters_of(source_article).into_owned()
        } else {
            fields.warn_said(c.source_headline, "", Said::new("problem-ucdp-no-headline"));
            format!(
                "[UCDP gives no source headline or article for this event: {side_a} and \
                 {side_b} at {where_coordinates}]"
            )
        };
        let date = DateRange {
            start: start.to_string(),
            end: end.to_string(),
            precision: date_precision(date_prec)?,
        };
        let info = UcdpInfo {
            id: ucdp_id,
            type_of_violence,
            dyad: 0, // Set once the dyad is interned.
            event_clarity,
            date_prec,
            where_prec,
            where_coordinates: where_coordinates.to_string(),
            adm_1: non_empty(adm_1),
            number_of_sources,
            source_office: non_empty(source_office),
            source_date: non_empty(source_date),
            source_article: non_empty(source_article),
            source_original: (source_original != source_office)
                .then(|| source_original.to_string()),
            source_headline: headline_as_given,
            deaths_a,
            deaths_b,
            deaths_civilians,
            deaths_unknown,
            low,
            best,
            high,
        };
        let place = Place {
            name: where_coordinates.to_string(),
            district: non_empty(adm_2),
            ..place
        };
        Some(Checked {
            ucdp_id,
            type_of_violence,
            conflict_id,
            conflict_name,
            dyad_id,
            dyad_name,
            side_a,
            side_b,
            side_a_actors: side_a_actors?,
            side_b_actors: side_b_actors?,
            date,
            place,
            abroad,
            quote,
            info,
        })
    }

    /// A side's actors; a group outside the table of UCDP's Syrian groups is warned on the
    /// first row that names it. `None` when the side is empty (an error already).
    fn side(&mut self, fields: &mut Row<'_>, index: usize, side: &str) -> Option<Vec<Actor>> {
        if side.trim().is_empty() {
            return None;
        }
        let (actors, unknown) = side_actors(side);
        for group in unknown {
            if self.unknown_groups.insert(group.to_string()) {
                let (known, _) = side_actors(group);
                let said = Said::new("problem-ucdp-unknown-group");
                let said = match known.first() {
                    Some(actor) => said.arg_key("label", label_key("actor", actor.id())),
                    None => said.arg("label", ""),
                };
                fields.warn_said(index, group, said);
            }
        }
        Some(actors)
    }

    /// The row's place without its name and district (its governorate, point and precision)
    /// and, for a row outside Syria, its country; `None` with an error in `fields`.
    /// `area` is the row's `adm_1`, `country` and `country_id` (empty when the file has no
    /// such column).
    fn place<'r>(
        &mut self,
        fields: &mut Row<'r>,
        area: [&'r str; 3],
        where_prec: u8,
        lat: f64,
        lon: f64,
    ) -> Option<(Place, Option<&'r str>)> {
        let c = fields.columns;
        let [adm_1, country, country_id] = area;
        let adm_1_governorate = governorate_of_adm1(adm_1);
        let in_box = SYRIA_BOUNDS.contains(lat, lon);
        let in_syria = if !country.is_empty() {
            country.eq_ignore_ascii_case("Syria")
                || country.eq_ignore_ascii_case("Syrian Arab Republic")
        } else if !country_id.is_empty() {
            country_id == "652"
        } else {
            adm_1_governorate.is_some() || in_box
        };
        let located = match adm_1_governorate {
            _ if !in_syria => Located::Abroad,
            Some(governorate) => Located::Adm1(governorate),
            None => {
                if !adm_1.is_empty() {
                    fields.warn_said(c.adm_1, adm_1, Said::new("problem-ucdp-adm1-unknown"));
                }
                locate_by_point(self.shapes, where_prec, lon, lat)
            }
        };
        if let Located::Nearest(governorate, degrees) = located {
            if degrees > NEAREST_WARN_DEGREES {
                fields.warn_said(
                    c.latitude,
                    &format!("{lat}, {lon}"),
                    Said::new("problem-ucdp-nearest")
                        .arg("degrees", format!("{degrees:.2}"))
                        .arg_key("governorate", label_key("gov", governorate.id())),
                );
            }
        }
        let point = match located {
            Located::Abroad => {
                let name = if country.is_empty() {
                    country_id
                } else {
                    country
                };
                if self.countries_abroad.insert(name.to_string()) {
                    let index = c.country.or(c.country_id).unwrap_or(c.latitude);
                    fields.warn_said(index, name, Said::new("problem-ucdp-abroad"));
                }
                None
            }
            _ if in_box => Some((lat, lon)),
            _ => {
                fields.warn_said(
                    c.latitude,
                    &format!("{lat}, {lon}"),
                    Said::new("problem-outside-syria-placed"),
                );
                None
            }
        };
        let precision = location_precision(where_prec)?;
        let abroad = (located == Located::Abroad)
            .then_some(country)
            .filter(|c| !c.is_empty());
        Some((
            Place {
                name: String::new(),
                governorate: located.governorate(),
                district: None,
                lat: point.map(|(lat, _)| lat),
                lon: point.map(|(_, lon)| lon),
                precision,
                gazetteer: None,
            },
            abroad,
        ))
    }
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

/// The field at `index` as the file writes it, which must not be blank (an error otherwise).
fn required_verbatim<'r>(fields: &mut Row<'r>, index: usize) -> &'r str {
    let text = fields.verbatim(index);
    if text.trim().is_empty() {
        fields.error_said(index, text, Said::new("problem-required"));
    }
    text
}

/// What a number counts, which its messages name: "a negative number of deaths" for
/// [`Unit::Deaths`], "a negative number" for [`Unit::None`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    None,
    Deaths,
}

impl Unit {
    /// `plain` for a number, `deaths` for a number of deaths: two message keys.
    fn pick(self, plain: &'static str, deaths: &'static str) -> Said {
        Said::new(match self {
            Unit::None => plain,
            Unit::Deaths => deaths,
        })
    }
}

/// A required whole number of 0 or more; `None` with an error naming `unit`.
fn whole(fields: &mut Row<'_>, index: usize, unit: Unit) -> Option<u64> {
    let text = fields.required(index);
    if text.is_empty() {
        return None;
    }
    match text.parse::<u64>() {
        // The table counts in 32 bits: a larger number could not be summed exactly.
        Ok(value) if value > u64::from(u32::MAX) => {
            let said = unit.pick("problem-ucdp-over-limit", "problem-ucdp-over-limit-deaths");
            fields.error_said(index, text, said);
            None
        }
        Ok(value) => Some(value),
        Err(_) => {
            let negative = text
                .strip_prefix('-')
                .is_some_and(|rest| rest.parse::<u64>().is_ok());
            let said = if negative {
                unit.pick("problem-ucdp-negative", "problem-ucdp-negative-deaths")
            } else if text.bytes().all(|b| b.is_ascii_digit()) {
                unit.pick("problem-ucdp-too-large", "problem-ucdp-too-large-deaths")
            } else {
                unit.pick("problem-ucdp-not-whole", "problem-ucdp-not-whole-deaths")
            };
            fields.error_said(index, text, said);
            None
        }
    }
}

/// A required whole number that fits `T` (a UCDP id of 32 bits, a code of 8); `None` with an
/// error.
fn narrow<T: TryFrom<u64>>(fields: &mut Row<'_>, index: usize) -> Option<T> {
    let value = whole(fields, index, Unit::None)?;
    match T::try_from(value) {
        Ok(value) => Some(value),
        Err(_) => {
            let text = fields.text(index);
            fields.error_said(index, text, Said::new("problem-ucdp-too-large-column"));
            None
        }
    }
}

/// A UCDP code from 1 to `last` (`type_of_violence`, `date_prec`, `where_prec`); `None` with
/// an error.
fn code(fields: &mut Row<'_>, index: usize, last: u8) -> Option<u8> {
    let value = narrow::<u8>(fields, index)?;
    if (1..=last).contains(&value) {
        Some(value)
    } else {
        let text = fields.text(index);
        let said = if last == 3 {
            Said::new("problem-one-two-three")
        } else {
            Said::new("problem-one-to").arg("last", last.to_string())
        };
        fields.error_said(index, text, said);
        None
    }
}

/// A required `date_start` or `date_end`; `None` with an error.
fn date(
    fields: &mut Row<'_>,
    index: usize,
    today: crate::core::date::Day,
) -> Option<crate::core::date::Day> {
    let text = fields.required(index);
    if text.is_empty() {
        return None;
    }
    match parse_ged_date(text, today) {
        Ok(day) => Some(day),
        Err(said) => {
            fields.error_said(index, text, said);
            None
        }
    }
}
