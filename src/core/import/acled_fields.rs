//! How single ACLED fields map to the model: `event_date`, `time_precision`, `geo_precision`,
//! `admin1`, `event_type` and `sub_event_type`. Each table is one constant with the reason for
//! its choices beside it; `docs/acled-import.md` gives the same tables in prose.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::core::date::Day;
use crate::core::i18n::Said;
use crate::core::model::{DatePrecision, LocationPrecision};
use crate::core::vocab::{EventKind, Governorate, Role};

/// The earliest year accepted in `event_date`: ACLED's data starts in 1997, so anything before
/// 1900 is a typo (ACLED's API once served "0025" for 2025).
pub const FIRST_YEAR: i32 = 1900;

/// The months' names, lower case, January first.
pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// ACLED's `event_date`: `2023-01-31` (current exports and the API) or `31 January 2023`, also
/// written `31-January-2023` or with the month's first three letters (older Data Export Tool
/// downloads). `31/01/2023` is refused, as is any date with slashes: whether the day or the
/// month comes first cannot be told from the text, and a guess would move events silently.
///
/// # Errors
/// A sentence: not a date, an impossible day (`2023-02-30`), or a year before [`FIRST_YEAR`] or
/// after next year, which is named as a likely typo.
pub fn parse_event_date(text: &str, today: Day) -> Result<Day, Said> {
    let text = text.trim();
    if text.contains('/') {
        return Err(Said::new("problem-acled-slashes"));
    }
    let (year, month, day) =
        split_date(text).ok_or_else(|| Said::new("problem-acled-not-a-date"))?;
    let (this_year, _, _) = today.ymd();
    if year < FIRST_YEAR {
        let guess = if year < 100 {
            let recent = 2000 + year;
            let guess = if recent <= this_year + 1 {
                recent
            } else {
                1900 + year
            };
            Some(guess)
        } else {
            None
        };
        let said = match guess {
            Some(guess) => Said::new("problem-year-before-guess").arg("guess", guess.to_string()),
            None => Said::new("problem-year-before"),
        };
        return Err(said
            .arg("year", format!("{year:04}"))
            .arg("first", FIRST_YEAR.to_string()));
    }
    if year > this_year + 1 {
        return Err(Said::new("problem-year-after")
            .arg("year", year.to_string())
            .arg("next", (this_year + 1).to_string()));
    }
    Day::from_ymd(year, month, day).map_err(|error| error.said())
}

/// (year, month, day) of `2023-01-31`, `31 January 2023`, `31-January-2023` or `31 Jan 2023`.
fn split_date(text: &str) -> Option<(i32, u32, u32)> {
    let digits = |part: &str, lengths: &[usize]| {
        (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let parts: Vec<&str> = text.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    if let (Some(year), Some(month), Some(day)) = (
        digits(first, &[4]),
        digits(second, &[2]),
        digits(third, &[2]),
    ) {
        // `2023-01-31` only with its dashes: `2023 01 31` is not a form ACLED writes.
        return (text.len() == 10 && text.as_bytes().get(4) == Some(&b'-'))
            .then(|| Some((i32::try_from(year).ok()?, month, day)))
            .flatten();
    }
    let day = digits(first, &[1, 2])?;
    let year = i32::try_from(digits(third, &[4])?).ok()?;
    let name = second.to_lowercase();
    let month = MONTHS
        .iter()
        .position(|full| *full == name || (name.len() == 3 && full.starts_with(&name)))?;
    Some((year, u32::try_from(month).ok()? + 1, day))
}

/// ACLED's `time_precision`: 1 the day is known, 2 the source gives the week (ACLED codes one
/// day of it), 3 only the month. `None` for any other code.
pub fn date_precision(time_precision: &str) -> Option<DatePrecision> {
    Some(match time_precision.trim() {
        "1" => DatePrecision::Day,
        "2" => DatePrecision::Week,
        "3" => DatePrecision::Month,
        _ => return None,
    })
}

/// ACLED's `geo_precision`, read from its codebook: 1 the source names the town (or a part
/// of it) and the town's point is given, so `exact`; 2 the source says "near" a town or names
/// a small part of a region, and the nearest town's point is given, so `near`; 3 the source
/// names only a larger region, and ACLED gives a stand-in point (usually the provincial
/// capital), so `governorate`, which keeps that point off the map's dots (the app draws only
/// exact and near points). `None` for any other code.
pub fn location_precision(geo_precision: &str) -> Option<LocationPrecision> {
    Some(match geo_precision.trim() {
        "1" => LocationPrecision::Exact,
        "2" => LocationPrecision::Near,
        "3" => LocationPrecision::Governorate,
        _ => return None,
    })
}

/// Spellings of the 14 governorates, as keys ([`place_key`]: letters only, lower case, no
/// accents, no leading article): ACLED's ("Idleb", "Rural Damascus", "Deir ez Zor", "Al
/// Hasakeh", "Dara", "As-Sweida", "Lattakia", "Tartous", "Ar-Raqqa"), UCDP's, this project's
/// own ids and the common transliterations.
const GOVERNORATES: &[(&str, Governorate)] = &[
    ("damascus", Governorate::Damascus),
    ("dimashq", Governorate::Damascus),
    ("aleppo", Governorate::Aleppo),
    ("halab", Governorate::Aleppo),
    ("ruraldamascus", Governorate::RifDimashq),
    ("damascuscountryside", Governorate::RifDimashq),
    ("rifdimashq", Governorate::RifDimashq),
    ("rifdamascus", Governorate::RifDimashq),
    ("reefdimashq", Governorate::RifDimashq),
    ("homs", Governorate::Homs),
    ("hims", Governorate::Homs),
    ("hama", Governorate::Hama),
    ("hamah", Governorate::Hama),
    ("latakia", Governorate::Latakia),
    ("lattakia", Governorate::Latakia),
    ("latakiya", Governorate::Latakia),
    ("ladhiqiyah", Governorate::Latakia),
    ("idlib", Governorate::Idlib),
    ("idleb", Governorate::Idlib),
    ("hasakah", Governorate::AlHasakah),
    ("hasakeh", Governorate::AlHasakah),
    ("hasaka", Governorate::AlHasakah),
    ("hassakeh", Governorate::AlHasakah),
    ("hassakah", Governorate::AlHasakah),
    ("deirezzor", Governorate::DeirEzZor),
    ("deirazzor", Governorate::DeirEzZor),
    ("deirezzour", Governorate::DeirEzZor),
    ("dayrazzawr", Governorate::DeirEzZor),
    ("deirezor", Governorate::DeirEzZor),
    ("derezzor", Governorate::DeirEzZor),
    ("tartus", Governorate::Tartus),
    ("tartous", Governorate::Tartus),
    ("raqqa", Governorate::ArRaqqah),
    ("raqqah", Governorate::ArRaqqah),
    ("daraa", Governorate::Daraa),
    ("dara", Governorate::Daraa),
    ("deraa", Governorate::Daraa),
    ("sweida", Governorate::AsSuwayda),
    ("suwayda", Governorate::AsSuwayda),
    ("suwaida", Governorate::AsSuwayda),
    ("sweyda", Governorate::AsSuwayda),
    ("quneitra", Governorate::Quneitra),
    ("qunaytirah", Governorate::Quneitra),
    ("qunaitra", Governorate::Quneitra),
];

/// Arabic articles as transliterations write them before a name ("Al Hasakeh", "Ar-Raqqa").
const ARTICLES: [&str; 8] = ["al", "ar", "as", "ad", "el", "at", "az", "ash"];

/// A place name reduced to compare spellings: accents removed, letters and digits only, lower
/// case, a trailing "governorate" or "province" dropped. "As-Sweida" and "as sweida" are
/// both `assweida`.
pub fn place_key(name: &str) -> String {
    let key: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    ["governorate", "province"]
        .iter()
        .find_map(|suffix| key.strip_suffix(suffix))
        .map_or(key.clone(), str::to_string)
}

/// The governorate an ACLED `admin1` names, whatever its spelling (case, accents, hyphens,
/// spaces and a leading article do not matter); `None` for a name outside Syria.
pub fn governorate(admin1: &str) -> Option<Governorate> {
    let key = place_key(admin1);
    let find = |key: &str| {
        GOVERNORATES
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, governorate)| *governorate)
    };
    find(&key).or_else(|| {
        ARTICLES
            .iter()
            .find_map(|article| key.strip_prefix(article).and_then(find))
    })
}

/// ACLED's six event types, with the roles of the two sides (`actor1` with `assoc_actor_1`,
/// `actor2` with `assoc_actor_2`):
/// - violence against civilians and explosions/remote violence have a direction (ACLED puts
///   the side that acted first and the side acted on, often civilians, second), so
///   perpetrator and target;
/// - battles are fights between two armed sides, which ACLED lists in no order of blame, so
///   both are participants (as UCDP's sides of a clash);
/// - protests, riots and strategic developments name who took part, not who attacked whom.
pub const EVENT_TYPES: &[(&str, Role, Role)] = &[
    ("Battles", Role::Participant, Role::Participant),
    (
        "Violence against civilians",
        Role::Perpetrator,
        Role::Target,
    ),
    (
        "Explosions/Remote violence",
        Role::Perpetrator,
        Role::Target,
    ),
    ("Protests", Role::Participant, Role::Participant),
    ("Riots", Role::Participant, Role::Participant),
    (
        "Strategic developments",
        Role::Participant,
        Role::Participant,
    ),
];

/// The roles of the `actor1` side and the `actor2` side for an `event_type` (case does not
/// matter); `None` for a type ACLED does not have.
pub fn roles(event_type: &str) -> Option<(Role, Role)> {
    let event_type = event_type.trim();
    EVENT_TYPES
        .iter()
        .find(|(name, _, _)| name.eq_ignore_ascii_case(event_type))
        .map(|(_, first, second)| (*first, *second))
}

/// ACLED's sub-event types (with their event type) and the broad kind each is grouped under.
/// Only acts of armed force become attack kinds ([`EventKind::is_attack`]); only agreements
/// become milestones (never counted as incidents); everything else is [`EventKind::Other`],
/// and ACLED's own names stay on the event either way.
pub const SUB_EVENT_TYPES: &[(&str, &str, EventKind)] = &[
    // Battles: fighting between armed groups, whoever gains ground.
    ("Battles", "Armed clash", EventKind::GroundAttack),
    (
        "Battles",
        "Government regains territory",
        EventKind::GroundAttack,
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        EventKind::GroundAttack,
    ),
    // Explosions/Remote violence: by the weapon.
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        EventKind::Airstrike,
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        EventKind::Shelling,
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        EventKind::Ied,
    ),
    // A suicide bomb is an improvised explosive device carried or driven to the target.
    ("Explosions/Remote violence", "Suicide bomb", EventKind::Ied),
    (
        "Explosions/Remote violence",
        "Chemical weapon",
        EventKind::ChemicalAttack,
    ),
    // A grenade is thrown at close range: an attack on the ground.
    (
        "Explosions/Remote violence",
        "Grenade",
        EventKind::GroundAttack,
    ),
    // Violence against civilians.
    (
        "Violence against civilians",
        "Attack",
        EventKind::GroundAttack,
    ),
    // People seized, not an armed attack: grouped with raids and arrests.
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        EventKind::RaidArrest,
    ),
    // Grave, but not what a monitor's count of attacks or massacres counts; kept as ACLED
    // names it.
    (
        "Violence against civilians",
        "Sexual violence",
        EventKind::Other,
    ),
    // Protests and riots are incidents, not attacks, even with force against protesters.
    ("Protests", "Peaceful protest", EventKind::Other),
    ("Protests", "Protest with intervention", EventKind::Other),
    (
        "Protests",
        "Excessive force against protesters",
        EventKind::Other,
    ),
    ("Riots", "Violent demonstration", EventKind::Other),
    ("Riots", "Mob violence", EventKind::Other),
    // Strategic developments: only agreements are milestones.
    (
        "Strategic developments",
        "Agreement",
        EventKind::CeasefireAgreement,
    ),
    ("Strategic developments", "Arrests", EventKind::RaidArrest),
    // Weapons seized, bombs defused, missiles intercepted.
    (
        "Strategic developments",
        "Disrupted weapons use",
        EventKind::SecurityOperation,
    ),
    // One side leaves and another takes over without fighting.
    (
        "Strategic developments",
        "Non-violent transfer of territory",
        EventKind::Withdrawal,
    ),
    (
        "Strategic developments",
        "Headquarters or base established",
        EventKind::Other,
    ),
    (
        "Strategic developments",
        "Looting/property destruction",
        EventKind::Other,
    ),
    (
        "Strategic developments",
        "Change to group/activity",
        EventKind::Other,
    ),
    ("Strategic developments", "Other", EventKind::Other),
];

/// The broad kind of a `sub_event_type` (case does not matter); `None` for a sub-event type
/// not in [`SUB_EVENT_TYPES`].
pub fn kind(sub_event_type: &str) -> Option<EventKind> {
    let sub_event_type = sub_event_type.trim();
    SUB_EVENT_TYPES
        .iter()
        .find(|(_, name, _)| name.eq_ignore_ascii_case(sub_event_type))
        .map(|(_, _, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Day {
        Day::from_ymd(2026, 6, 1).unwrap_or_default()
    }

    fn date(text: &str) -> Result<String, String> {
        parse_event_date(text, today())
            .map(|day| day.to_string())
            .map_err(|said| said.english())
    }

    #[test]
    fn both_date_styles_read_the_same_day() {
        for text in [
            "2023-01-31",
            "31 January 2023",
            "31-January-2023",
            "31 jan 2023",
            " 31 January 2023 ",
        ] {
            assert_eq!(date(text), Ok("2023-01-31".into()), "{text}");
        }
        assert_eq!(date("1 March 2020"), Ok("2020-03-01".into()));
    }

    #[test]
    fn doubtful_dates_are_errors_that_say_why() {
        let error = |text: &str| date(text).err().unwrap_or_default();
        assert!(error("31/01/2023").contains("slashes"));
        assert!(error("2023-02-30").contains("has no day 30"));
        assert!(error("30 February 2023").contains("has no day 30"));
        assert!(
            error("0025-01-31").contains("typo for 2025"),
            "{}",
            error("0025-01-31")
        );
        assert!(error("1850-01-31").contains("before 1900"));
        assert!(error("2205-01-31").contains("after 2027"));
        assert!(error("2023-1-31").contains("not a date"));
        assert!(error("31 Janvier 2023").contains("not a date"));
        assert!(error("").contains("not a date"));
        assert_eq!(date("2027-12-31"), Ok("2027-12-31".into()));
    }

    #[test]
    fn precisions_follow_the_codebook() {
        let dates: Vec<_> = ["1", "2", "3", "4", ""].map(date_precision).into();
        assert_eq!(
            dates,
            [
                Some(DatePrecision::Day),
                Some(DatePrecision::Week),
                Some(DatePrecision::Month),
                None,
                None
            ]
        );
        let places: Vec<_> = ["1", "2", "3", "0"].map(location_precision).into();
        assert_eq!(
            places,
            [
                Some(LocationPrecision::Exact),
                Some(LocationPrecision::Near),
                Some(LocationPrecision::Governorate),
                None
            ]
        );
    }

    #[test]
    fn acled_spellings_name_the_fourteen_governorates() {
        let acled = [
            ("Idleb", Governorate::Idlib),
            ("Rural Damascus", Governorate::RifDimashq),
            ("Deir ez Zor", Governorate::DeirEzZor),
            ("Al Hasakeh", Governorate::AlHasakah),
            ("Dara", Governorate::Daraa),
            ("As-Sweida", Governorate::AsSuwayda),
            ("Lattakia", Governorate::Latakia),
            ("Tartous", Governorate::Tartus),
            ("Ar-Raqqa", Governorate::ArRaqqah),
            ("Quneitra", Governorate::Quneitra),
            ("Aleppo", Governorate::Aleppo),
            ("Hama", Governorate::Hama),
            ("Homs", Governorate::Homs),
            ("Damascus", Governorate::Damascus),
        ];
        for (name, expected) in acled {
            assert_eq!(governorate(name), Some(expected), "{name}");
        }
        let mut all: Vec<_> = acled.iter().map(|(_, g)| *g).collect();
        all.sort();
        assert_eq!(all, Governorate::ALL.to_vec());
        // The vocabulary's own names, and other writings of the same.
        for governorate_id in Governorate::ALL {
            assert_eq!(governorate(governorate_id.id()), Some(*governorate_id));
        }
        for (name, expected) in [
            ("AR RAQQA", Governorate::ArRaqqah),
            ("as sweida", Governorate::AsSuwayda),
            ("Dar'a", Governorate::Daraa),
            ("Deir-ez-Zor", Governorate::DeirEzZor),
            ("Dēr ez Zōr", Governorate::DeirEzZor),
            ("Hamah Governorate", Governorate::Hama),
            ("Al-Hasakah", Governorate::AlHasakah),
        ] {
            assert_eq!(governorate(name), Some(expected), "{name}");
        }
        for outside in ["Baghdad", "Beirut", "", "Nineveh", "Alborz"] {
            assert_eq!(governorate(outside), None, "{outside}");
        }
    }

    #[test]
    fn every_sub_event_type_has_a_known_event_type_and_agreements_alone_are_milestones() {
        for (event_type, sub_event_type, kind_of) in SUB_EVENT_TYPES {
            assert!(roles(event_type).is_some(), "{event_type}");
            assert_eq!(kind(sub_event_type), Some(*kind_of));
            assert_eq!(
                kind_of.is_milestone(),
                *sub_event_type == "Agreement",
                "{sub_event_type}"
            );
            if *event_type == "Protests" || *event_type == "Riots" {
                assert!(!kind_of.is_attack(), "{sub_event_type}");
            }
        }
        assert_eq!(kind("air/drone strike"), Some(EventKind::Airstrike));
        assert_eq!(kind("Something new"), None);
        assert_eq!(
            roles("violence against civilians"),
            Some((Role::Perpetrator, Role::Target))
        );
        assert_eq!(
            roles("Battles"),
            Some((Role::Participant, Role::Participant))
        );
    }
}
