//! The column-mapping step for a table that is not an ACLED or UCDP export (a monitor's own
//! sheet, any CSV or spreadsheet): which column holds which field of an incident
//! ([`Mapping`]), a first guess from the header's names and the first rows' values
//! ([`guess`]), and the reading of the dates such a table writes ([`parse_date`]).
//!
//! The guess is only shown: the reader sees it beside a preview of the first rows and changes
//! it before anything is imported. A date like `03/04/2019` is never read in an order the
//! reader did not choose: the order is guessed only when the first rows prove it (a `25/03/2019`
//! can only be day first), and otherwise left for the reader to pick ([`DateEvidence`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::table_dates::year_last_numbers;
pub use super::table_dates::{parse_date, western_digits, TableDate};
use crate::core::i18n::{label_key, Said};

/// What a column of the reader's table can hold: the fields of an incident the mapped import
/// fills. Ids are stable snake_case (the page and the worker exchange mappings as JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The row's own id, which must be unique; without it, rows are named `row-N`.
    Id,
    /// The day (or month, or year) the incident happened, or began.
    Date,
    /// The last day, for an incident over a period.
    EndDate,
    /// The place's name (village, town, neighbourhood).
    Place,
    /// The governorate (ACLED `admin1`), in any usual spelling.
    Governorate,
    /// The district (ACLED `admin2`).
    District,
    /// Degrees north (WGS84).
    Latitude,
    /// Degrees east (WGS84).
    Longitude,
    /// Who acted (ACLED `actor1`): the perpetrator. Several names separated by `;`.
    Actor1,
    /// Who was acted on, or the other side (ACLED `actor2`): the target.
    Actor2,
    /// The type of incident as the table names it ("Airstrike", "قصف").
    Kind,
    /// People killed: the one number, or the best estimate beside a low and a high.
    Deaths,
    /// The lowest estimate of people killed.
    DeathsLow,
    /// The highest estimate of people killed.
    DeathsHigh,
    /// Civilians killed, a part of the people killed.
    Civilians,
    /// What happened, in the table's words: the quote every event cites.
    Summary,
    /// Who reported it (an outlet, a monitor, a link).
    Source,
}

impl Field {
    /// Every field, in the order the mapping step lists them.
    pub const ALL: [Field; 17] = [
        Field::Date,
        Field::EndDate,
        Field::Place,
        Field::Governorate,
        Field::District,
        Field::Latitude,
        Field::Longitude,
        Field::Actor1,
        Field::Actor2,
        Field::Kind,
        Field::Deaths,
        Field::DeathsLow,
        Field::DeathsHigh,
        Field::Civilians,
        Field::Summary,
        Field::Source,
        Field::Id,
    ];

    /// The field's stable id, as in JSON: `date`, `end_date`, `actor1`.
    pub fn id(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Date => "date",
            Field::EndDate => "end_date",
            Field::Place => "place",
            Field::Governorate => "governorate",
            Field::District => "district",
            Field::Latitude => "latitude",
            Field::Longitude => "longitude",
            Field::Actor1 => "actor1",
            Field::Actor2 => "actor2",
            Field::Kind => "kind",
            Field::Deaths => "deaths",
            Field::DeathsLow => "deaths_low",
            Field::DeathsHigh => "deaths_high",
            Field::Civilians => "civilians",
            Field::Summary => "summary",
            Field::Source => "source",
        }
    }

    /// The field's name in the mapping step.
    pub fn label(self) -> &'static str {
        match self {
            Field::Id => "Row id",
            Field::Date => "Date (or start date)",
            Field::EndDate => "End date",
            Field::Place => "Place",
            Field::Governorate => "Governorate",
            Field::District => "District",
            Field::Latitude => "Latitude",
            Field::Longitude => "Longitude",
            Field::Actor1 => "Perpetrator (actor 1)",
            Field::Actor2 => "Target or other side (actor 2)",
            Field::Kind => "Type of incident",
            Field::Deaths => "Deaths (one number or best estimate)",
            Field::DeathsLow => "Deaths, low estimate",
            Field::DeathsHigh => "Deaths, high estimate",
            Field::Civilians => "Civilians killed",
            Field::Summary => "Description (quoted)",
            Field::Source => "Source (reported by)",
        }
    }

    /// Header names that say this field, compared as [`name_key`] reduces them; a name equal
    /// to one of them is this field.
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Id => &[
                "id",
                "eventid",
                "incidentid",
                "recordid",
                "ref",
                "reference",
                "uid",
                "eventidcnty",
            ],
            Field::Date => &[
                "date",
                "eventdate",
                "datestart",
                "startdate",
                "day",
                "incidentdate",
                "dateofincident",
                "datefrom",
                "from",
                "التاريخ",
                "تاريخ",
                "تاريخالحادثة",
            ],
            Field::EndDate => &[
                "enddate",
                "dateend",
                "dateto",
                "to",
                "until",
                "تاريخالنهاية",
            ],
            Field::Place => &[
                "location",
                "place",
                "placename",
                "village",
                "town",
                "city",
                "locality",
                "site",
                "area",
                "wheredescription",
                "المكان",
                "الموقع",
                "القرية",
                "المدينة",
                "البلدة",
            ],
            Field::Governorate => &[
                "governorate",
                "province",
                "admin1",
                "adm1",
                "muhafaza",
                "governorateprovince",
                "المحافظة",
                "محافظة",
            ],
            Field::District => &["district", "admin2", "adm2", "mantiqa", "المنطقة", "منطقة"],
            Field::Latitude => &["latitude", "lat", "y", "خطالعرض"],
            Field::Longitude => &["longitude", "lon", "lng", "long", "x", "خطالطول"],
            Field::Actor1 => &[
                "actor1",
                "actor",
                "perpetrator",
                "perpetrators",
                "attacker",
                "responsible",
                "responsibleparty",
                "sidea",
                "الجهةالمسؤولة",
                "الفاعل",
                "الجاني",
                "المسؤول",
            ],
            Field::Actor2 => &[
                "actor2",
                "target",
                "targets",
                "sideb",
                "victimgroup",
                "الهدف",
            ],
            Field::Kind => &[
                "type",
                "eventtype",
                "kind",
                "category",
                "typeofattack",
                "attacktype",
                "incidenttype",
                "typeofincident",
                "violationtype",
                "subeventtype",
                "النوع",
                "نوعالهجوم",
                "نوعالحادثة",
                "نوعالانتهاك",
            ],
            Field::Deaths => &[
                "deaths",
                "killed",
                "fatalities",
                "dead",
                "best",
                "totaldeaths",
                "numberkilled",
                "death",
                "totalkilled",
                "القتلى",
                "عددالقتلى",
                "الضحايا",
                "عددالضحايا",
            ],
            Field::DeathsLow => &["low", "deathslow", "lowestimate", "minkilled", "minimum"],
            Field::DeathsHigh => &["high", "deathshigh", "highestimate", "maxkilled", "maximum"],
            Field::Civilians => &[
                "civilians",
                "civiliandeaths",
                "civilianskilled",
                "deathscivilians",
                "civiliansdead",
                "القتلىالمدنيين",
                "المدنيين",
                "قتلىمدنيين",
            ],
            Field::Summary => &[
                "notes",
                "description",
                "summary",
                "details",
                "narrative",
                "text",
                "incident",
                "الوصف",
                "التفاصيل",
                "ملاحظات",
            ],
            Field::Source => &[
                "source",
                "sources",
                "reportedby",
                "sourceoriginal",
                "sourceurl",
                "link",
                "url",
                "المصدر",
            ],
        }
    }

    /// Parts of a header name that say this field when no name says it whole ("Civilians
    /// killed" is civilians, "Date of attack" a date). Tried in [`Field::ALL`] order after
    /// [`CONTAINS_FIRST`].
    fn name_parts(self) -> &'static [&'static str] {
        match self {
            Field::Date => &["date", "تاريخ"],
            Field::EndDate => &[],
            Field::Place => &["village", "location", "place", "town"],
            Field::Governorate => &["governorate", "province", "محافظ"],
            Field::District => &["district"],
            Field::Actor1 => &["perpetrat", "actor", "الجهة"],
            Field::Kind => &["type", "نوع"],
            Field::Deaths => &["killed", "death", "fatalit", "قتل", "قتيل"],
            Field::Civilians => &["civilian", "مدني"],
            Field::Summary => &["descri", "note", "summar", "وصف"],
            Field::Source => &["source", "مصدر"],
            _ => &[],
        }
    }
}

/// Fields whose name parts are looked for before the others': "civilians killed" holds
/// "killed" too, and "end date" holds "date".
const CONTAINS_FIRST: [Field; 2] = [Field::Civilians, Field::EndDate];

/// How a date written with numbers only orders its day, month and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `2019-03-04`, `2019/03/04`: the order of every year-first date.
    YearMonthDay,
    /// `04/03/2019` is 4 March 2019 (Syria, Europe, most of the world).
    DayMonthYear,
    /// `03/04/2019` is 4 March 2019 (the United States).
    MonthDayYear,
}

impl DateOrder {
    /// The orders a reader can pick for year-last dates.
    pub const YEAR_LAST: [DateOrder; 2] = [DateOrder::DayMonthYear, DateOrder::MonthDayYear];

    /// The order's name, with what it makes of `03/04/2019`.
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::YearMonthDay => "year, month, day",
            DateOrder::DayMonthYear => "day/month/year: 03/04/2019 is 3 April 2019",
            DateOrder::MonthDayYear => "month/day/year: 03/04/2019 is 4 March 2019",
        }
    }
}

/// Which column holds which field, and the order of numeric dates: what the reader confirms in
/// the mapping step and the import then follows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// The column (0-based, in header order) of each field the table has.
    pub columns: BTreeMap<Field, usize>,
    /// How to read dates like `03/04/2019`; `None` until proven by the rows or chosen.
    #[serde(default)]
    pub date_order: Option<DateOrder>,
}

impl Mapping {
    /// The column of `field`, if the table has it.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }

    /// What keeps this mapping from being imported, one sentence each; empty when it can be.
    /// `needs_order` says whether the date columns hold dates like `03/04/2019`
    /// ([`DateEvidence::needs_order`]); `width` is the header's number of columns.
    pub fn missing(&self, needs_order: bool, width: usize) -> Vec<Said> {
        let mut missing = Vec::new();
        if self.column(Field::Date).is_none() {
            missing.push(Said::new("mapping-missing-date"));
        }
        if needs_order && self.date_order.is_none() {
            missing.push(Said::new("mapping-missing-order"));
        }
        let has = |field| self.column(field).is_some();
        if has(Field::Latitude) != has(Field::Longitude) {
            missing.push(Said::new("mapping-missing-coordinates"));
        }
        if ![
            Field::Place,
            Field::Governorate,
            Field::District,
            Field::Latitude,
        ]
        .into_iter()
        .any(has)
        {
            missing.push(Said::new("mapping-missing-where"));
        }
        let field_key = |field: Field| label_key("map-field", field.id());
        let mut used: BTreeMap<usize, Field> = BTreeMap::new();
        for (&field, &column) in &self.columns {
            if column >= width {
                missing
                    .push(Said::new("mapping-no-such-column").arg_key("field", field_key(field)));
            } else if let Some(other) = used.insert(column, field) {
                missing.push(
                    Said::new("mapping-column-twice")
                        .arg_key("first", field_key(other))
                        .arg_key("second", field_key(field)),
                );
            }
        }
        missing
    }
}

/// A header name reduced to compare: lower case, letters and digits only (any script), an
/// Arabic name's letters kept as they are.
pub fn name_key(name: &str) -> String {
    name.trim_start_matches('\u{FEFF}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The mapping the header's names and the sample rows suggest (see the module docs). Each
/// field gets at most one column and each column at most one field; the date order is set
/// only when the sample proves it.
pub fn guess(header: &[String], sample: &[Vec<String>]) -> Mapping {
    let keys: Vec<String> = header.iter().map(|name| name_key(name)).collect();
    let mut mapping = Mapping::default();
    let mut taken = vec![false; header.len()];
    let mut assign = |mapping: &mut Mapping, field: Field, column: usize| {
        if !mapping.columns.contains_key(&field) && !taken.get(column).copied().unwrap_or(true) {
            mapping.columns.insert(field, column);
            if let Some(slot) = taken.get_mut(column) {
                *slot = true;
            }
        }
    };
    // Whole names first, then parts of names.
    for (column, key) in keys.iter().enumerate() {
        if let Some(field) = Field::ALL
            .into_iter()
            .find(|f| f.names().contains(&key.as_str()))
        {
            assign(&mut mapping, field, column);
        }
    }
    let by_parts = CONTAINS_FIRST.into_iter().chain(
        Field::ALL
            .into_iter()
            .filter(|f| !CONTAINS_FIRST.contains(f)),
    );
    for field in by_parts {
        let parts = field.name_parts();
        for (column, key) in keys.iter().enumerate() {
            let says = parts.iter().any(|part| key.contains(part))
                || (field == Field::EndDate && key.contains("end") && key.contains("date"));
            if says {
                assign(&mut mapping, field, column);
            }
        }
    }
    // A date column the header does not name: the first whose values are dates.
    if mapping.column(Field::Date).is_none() {
        let is_dates = |column: usize| {
            let values: Vec<&str> = column_values(sample, column).collect();
            !values.is_empty()
                && values
                    .iter()
                    .all(|value| parse_date(value, Some(DateOrder::DayMonthYear), None).is_ok())
        };
        if let Some(column) = (0..header.len()).find(|&column| is_dates(column)) {
            assign(&mut mapping, Field::Date, column);
        }
    }
    let evidence = DateEvidence::of(&mapping, sample);
    mapping.date_order = evidence.proven;
    mapping
}

/// The columns the reader chose by hand in the mapping step, by the header's name, and the
/// date order they chose: kept when the step shows another table (another sheet, another
/// header row) wherever that table has a column of the same name ([`HandChoices::apply`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandChoices {
    /// Each field the reader set by hand, with the name of the column chosen.
    pub columns: BTreeMap<Field, String>,
    /// The date order chosen by hand.
    pub date_order: Option<DateOrder>,
}

impl HandChoices {
    /// Notes that the reader chose column `column` (named `name`), or none, for `field`; a
    /// field set to "not in this table" is guessed afresh on another table.
    pub fn choose(&mut self, field: Field, column: Option<&str>) {
        match column {
            Some(name) => self.columns.insert(field, name.to_string()),
            None => self.columns.remove(&field),
        };
    }

    /// The mapping for a table with `header` and `sample` rows, whose own guess is `guess`:
    /// each field chosen by hand keeps its column where `header` has a column of that name
    /// (written the same, else the same as [`name_key`] reduces it), and takes that column
    /// from any field guessed on it; every other field is as guessed. The date order is the
    /// one the rows prove under this mapping, else the one chosen by hand.
    pub fn apply(&self, header: &[String], sample: &[Vec<String>], guess: &Mapping) -> Mapping {
        let mut mapping = guess.clone();
        for (&field, name) in &self.columns {
            let key = name_key(name);
            let found = header
                .iter()
                .position(|candidate| candidate.trim() == name.trim())
                .or_else(|| {
                    header
                        .iter()
                        .position(|candidate| name_key(candidate) == key)
                });
            let Some(column) = found else {
                continue;
            };
            mapping
                .columns
                .retain(|other, taken| *other == field || *taken != column);
            mapping.columns.insert(field, column);
        }
        mapping.date_order = DateEvidence::of(&mapping, sample)
            .proven
            .or(self.date_order);
        mapping
    }
}

/// The non-empty values of `column` in `rows`, trimmed.
fn column_values(rows: &[Vec<String>], column: usize) -> impl Iterator<Item = &str> {
    rows.iter()
        .filter_map(move |row| row.get(column))
        .map(|value| value.trim())
        .filter(|value| !value.is_empty())
}

/// What the sample rows say about the order of numeric dates in the mapped date columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateEvidence {
    /// Some date is written year last with numbers only (`03/04/2019`), so the order matters.
    pub needs_order: bool,
    /// The one order every such date can be read in, when some date rules the other out
    /// (`25/03/2019` is day first); `None` when both fit every date, or neither does.
    pub proven: Option<DateOrder>,
    /// A date the order was proven by, for the reader to see ("25/03/2019").
    pub example: Option<(usize, usize)>,
}

impl DateEvidence {
    /// Looks at the values of the date and end-date columns of `mapping` in `rows`.
    pub fn of(mapping: &Mapping, rows: &[Vec<String>]) -> DateEvidence {
        let mut evidence = DateEvidence::default();
        let (mut day_first, mut month_first) = (true, true);
        let mut example = None;
        for column in [Field::Date, Field::EndDate]
            .into_iter()
            .filter_map(|field| mapping.column(field))
        {
            for (index, value) in rows.iter().enumerate().filter_map(|(index, row)| {
                row.get(column)
                    .map(|value| (index, value.trim()))
                    .filter(|(_, value)| !value.is_empty())
            }) {
                let Some((first, second, _)) = year_last_numbers(value) else {
                    continue;
                };
                evidence.needs_order = true;
                if first > 12 {
                    month_first = false;
                    example.get_or_insert((index, column));
                }
                if second > 12 {
                    day_first = false;
                    example.get_or_insert((index, column));
                }
            }
        }
        if evidence.needs_order {
            evidence.proven = match (day_first, month_first) {
                (true, false) => Some(DateOrder::DayMonthYear),
                (false, true) => Some(DateOrder::MonthDayYear),
                _ => None,
            };
            evidence.example = evidence.proven.and(example);
        }
        evidence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn a_monitors_header_is_guessed_field_by_field() {
        let header = names(&[
            "Date",
            "Governorate",
            "Village",
            "Perpetrator",
            "Type of attack",
            "Killed",
            "Civilians killed",
            "Description",
            "Source",
        ]);
        let mapping = guess(&header, &[]);
        let expected = [
            (Field::Date, 0),
            (Field::Governorate, 1),
            (Field::Place, 2),
            (Field::Actor1, 3),
            (Field::Kind, 4),
            (Field::Deaths, 5),
            (Field::Civilians, 6),
            (Field::Summary, 7),
            (Field::Source, 8),
        ];
        assert_eq!(mapping.columns, expected.into_iter().collect());
        assert!(mapping.missing(false, header.len()).is_empty());
    }

    #[test]
    fn arabic_headers_are_guessed_too() {
        let header = names(&["التاريخ", "المحافظة", "المكان", "عدد القتلى", "المصدر"]);
        let mapping = guess(&header, &[]);
        assert_eq!(mapping.column(Field::Date), Some(0));
        assert_eq!(mapping.column(Field::Governorate), Some(1));
        assert_eq!(mapping.column(Field::Place), Some(2));
        assert_eq!(mapping.column(Field::Deaths), Some(3));
        assert_eq!(mapping.column(Field::Source), Some(4));
    }

    #[test]
    fn an_unnamed_date_column_is_found_by_its_values() {
        let header = names(&["when", "where"]);
        let rows = vec![
            names(&["2019-03-04", "Idlib"]),
            names(&["12/11/2018", "Hama"]),
        ];
        let mapping = guess(&header, &rows);
        assert_eq!(mapping.column(Field::Date), Some(0));
    }

    #[test]
    fn the_date_order_is_guessed_only_when_the_rows_prove_it() {
        let header = names(&["date", "place"]);
        let rows = |dates: &[&str]| -> Vec<Vec<String>> {
            dates.iter().map(|d| names(&[d, "Idlib"])).collect()
        };
        let ambiguous = guess(&header, &rows(&["03/04/2019", "01/02/2019"]));
        assert_eq!(ambiguous.date_order, None);
        assert_eq!(
            ambiguous
                .missing(true, 2)
                .iter()
                .map(Said::english)
                .collect::<Vec<_>>(),
            ["Choose how the dates are written: day/month/year or month/day/year."]
        );
        let day_first = guess(&header, &rows(&["03/04/2019", "25/03/2019"]));
        assert_eq!(day_first.date_order, Some(DateOrder::DayMonthYear));
        let month_first = guess(&header, &rows(&["03/25/2019"]));
        assert_eq!(month_first.date_order, Some(DateOrder::MonthDayYear));
        // Both ruled out: the reader must look.
        let mixed = guess(&header, &rows(&["25/03/2019", "03/25/2019"]));
        assert_eq!(mixed.date_order, None);
        let iso = DateEvidence::of(
            &guess(&header, &rows(&["2019-03-04"])),
            &rows(&["2019-03-04"]),
        );
        assert!(!iso.needs_order);
    }

    #[test]
    fn a_mapping_says_what_it_lacks() {
        let mut mapping = Mapping::default();
        mapping.columns.insert(Field::Latitude, 1);
        mapping.columns.insert(Field::Deaths, 1);
        mapping.columns.insert(Field::Summary, 9);
        let missing: Vec<String> = mapping
            .missing(false, 3)
            .iter()
            .map(Said::english)
            .collect();
        assert!(missing.iter().any(|m| m.contains("the date")));
        assert!(missing.iter().any(|m| m.contains("latitude and longitude")));
        assert!(missing.iter().any(|m| m.contains("both")));
        assert!(missing.iter().any(|m| m.contains("does not have")));
    }

    #[test]
    fn field_ids_are_their_json_names() {
        for field in Field::ALL {
            let json = serde_json::to_string(&field).expect("serialises");
            assert_eq!(json, format!("\"{}\"", field.id()));
        }
    }

    #[test]
    fn a_mapping_travels_as_json() {
        let mapping = guess(&names(&["date", "place", "killed"]), &[]);
        let text = serde_json::to_string(&mapping).expect("serialises");
        assert!(text.contains("\"date\":0"), "{text}");
        let back: Mapping = serde_json::from_str(&text).expect("deserialises");
        assert_eq!(back, mapping);
    }

    #[test]
    fn hand_choices_follow_their_column_names_to_another_table() {
        let first = names(&["Date", "Where", "Notes", "Dead"]);
        let mut hand = HandChoices::default();
        // By hand: the place is "Where", the description "Notes", the deaths "Dead".
        for (field, name) in [
            (Field::Place, "Where"),
            (Field::Summary, "Notes"),
            (Field::Deaths, "Dead"),
        ] {
            assert!(first.iter().any(|n| n == name));
            hand.choose(field, Some(name));
        }
        hand.choose(Field::Deaths, None);
        // Another sheet: "Where" and "notes" are there (one in another case), in other
        // places; "Description" would be guessed as the summary, but "notes" was chosen.
        let second = names(&["Killed", "Description", "notes", "Date", "where"]);
        let guess = guess(&second, &[]);
        assert_eq!(guess.column(Field::Summary), Some(1));
        let kept = hand.apply(&second, &[], &guess);
        let at = |name: &str| second.iter().position(|n| n == name);
        assert_eq!(kept.column(Field::Place), at("where"));
        assert_eq!(kept.column(Field::Summary), at("notes"));
        // Fields not chosen by hand (or set back) are as the new table's guess has them.
        assert_eq!(kept.column(Field::Date), guess.column(Field::Date));
        assert_eq!(kept.column(Field::Deaths), guess.column(Field::Deaths));
        // No column holds two fields.
        let mut columns: Vec<usize> = kept.columns.values().copied().collect();
        columns.sort_unstable();
        columns.dedup();
        assert_eq!(columns.len(), kept.columns.len());
        assert!(kept.missing(false, second.len()).is_empty());
        // A name the new table lacks leaves that field to the guess.
        let third = names(&["Date", "Village"]);
        let third_guess = guess_of(&third);
        assert_eq!(hand.apply(&third, &[], &third_guess), third_guess);
    }

    fn guess_of(header: &[String]) -> Mapping {
        guess(header, &[])
    }
}
