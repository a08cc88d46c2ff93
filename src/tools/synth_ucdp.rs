//! A synthetic UCDP GED file for testing and measuring the UCDP importer at scale
//! (`dataset synth N --format ucdp`): `N` rows in the 49-column layout of GED 23.1 to 25.1,
//! with or without the header row (Candidate 24.0.1 was published without one). Written row by
//! row, so a million rows never sit in memory.
//!
//! The rows are made up, deterministic for a seed, and shaped like a Syria extract where it
//! matters to an importer: UCDP's conflicts and dyads with their sides (one of them a
//! coalition), its three types of violence in consistent dyads (one-sided violence against
//! "Civilians"), UCDP's spelling of the governorates in `adm_1` ("Idlib Governorate", sometimes
//! in lower case), rows located only to the country with UCDP's country point and no `adm_1`,
//! `date_start`/`date_end` with a time of day appended, deaths whose four parts add up to
//! `best` between `low` and `high`, and source headlines that sometimes hold commas, double
//! quotes, line breaks and Arabic. Nothing in it is data: the collection it imports into must
//! not be read or cited.

use std::io::{self, Write};

use super::synth::village;
use super::synth_acled::Random;
use crate::core::date::Day;
use crate::core::import::ucdp::GED_49;

/// One dyad: (conflict_new_id, conflict_name, dyad_new_id, side_a_new_id, side_a,
/// side_b_new_id, side_b, type_of_violence, gwnoa, weight). The dyad's name is
/// "side_a - side_b", as UCDP writes it.
type DyadRow = (
    u32,
    &'static str,
    u32,
    u32,
    &'static str,
    u32,
    &'static str,
    u8,
    &'static str,
    u64,
);

const DYADS: &[DyadRow] = &[
    (
        299,
        "Syria: Government",
        11973,
        118,
        "Government of Syria",
        4456,
        "Syrian insurgents",
        1,
        "652",
        30,
    ),
    (
        299,
        "Syria: Government",
        13628,
        118,
        "Government of Syria",
        234,
        "IS",
        1,
        "652",
        14,
    ),
    (
        299,
        "Syria: Government",
        15412,
        118,
        "Government of Syria",
        5836,
        "HTS",
        1,
        "652",
        10,
    ),
    (
        299,
        "Syria: Government",
        15874,
        118,
        "Government of Syria",
        6311,
        "Ahrar al-Sham, HTS, Southern Front",
        1,
        "652",
        3,
    ),
    (
        11345,
        "Turkey: Kurdistan",
        811,
        104,
        "Government of Turkey",
        323,
        "PKK",
        1,
        "640",
        4,
    ),
    (13902, "IS - SDF", 14902, 234, "IS", 5741, "SDF", 2, "", 8),
    (
        14630,
        "HTS - Syrian insurgents",
        15630,
        5836,
        "HTS",
        4456,
        "Syrian insurgents",
        2,
        "",
        4,
    ),
    (
        13770,
        "SNA - SDF",
        14770,
        6524,
        "SNA",
        5741,
        "SDF",
        2,
        "",
        4,
    ),
    (
        406,
        "Government of Syria - Civilians",
        519,
        118,
        "Government of Syria",
        1,
        "Civilians",
        3,
        "652",
        12,
    ),
    (
        10920,
        "IS - Civilians",
        11920,
        234,
        "IS",
        1,
        "Civilians",
        3,
        "",
        7,
    ),
    (
        14811,
        "HTS - Civilians",
        15811,
        5836,
        "HTS",
        1,
        "Civilians",
        3,
        "",
        2,
    ),
    (
        15012,
        "SDF - Civilians",
        16012,
        5741,
        "SDF",
        1,
        "Civilians",
        3,
        "",
        2,
    ),
];

/// UCDP's governorate names (`adm_1` without " Governorate"), with a central point (latitude,
/// longitude) well inside the governorate and two districts.
const PLACES: &[(&str, f64, f64, [&str; 2])] = &[
    ("Idlib", 35.75, 36.65, ["Idlib", "Ariha"]),
    ("Aleppo", 36.30, 37.40, ["Jebel Saman", "Al Bab"]),
    ("Rif Dimashq", 33.60, 36.60, ["Duma", "Qatana"]),
    ("Damascus", 33.51, 36.29, ["Damascus", "Damascus"]),
    ("Deir ez Zor", 35.00, 40.30, ["Deir ez Zor", "Al Mayadin"]),
    ("Al Hasakah", 36.50, 40.90, ["Al Hasakah", "Qamishli"]),
    ("Ar Raqqah", 35.95, 38.90, ["Ar Raqqah", "Tell Abiad"]),
    ("Hamah", 35.20, 36.90, ["Hamah", "As Suqaylabiyah"]),
    ("Homs", 34.60, 37.80, ["Homs", "Tadmor"]),
    ("Daraa", 32.75, 36.20, ["Daraa", "Izra"]),
    ("As Suwayda", 32.70, 36.65, ["As Suwayda", "Shahba"]),
    ("Latakia", 35.60, 35.95, ["Latakia", "Jablah"]),
    ("Tartus", 34.95, 36.05, ["Tartus", "Banyas"]),
    ("Quneitra", 33.05, 35.85, ["Quneitra", "Fiq"]),
];

/// UCDP's point for an event located only to Syria (latitude, longitude).
const COUNTRY_POINT: (f64, f64) = (35.0, 38.0);

const OFFICES: &[&str] = &[
    "SOHR",
    "Syrian Arab News Agency",
    "SOHR;Agence France Presse",
    "Syrian Network for Human Rights",
    "Reuters News",
    "BBC Monitoring Middle East",
];

const ARABIC_HEADLINES: &[&str] = &[
    "قصف مدفعي على أطراف البلدة",
    "اشتباكات متقطعة استمرت حتى المساء",
    "مقتل مدنيين في غارة جوية",
];

/// Writes `rows` made-up rows (see the module docs) as a 49-column GED CSV to `out`, with the
/// header row when `header` is true; the same `seed` writes the same bytes.
///
/// # Errors
/// Whatever writing to `out` fails with.
pub fn write<W: Write>(out: W, rows: usize, seed: u64, header: bool) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    if header {
        writer.write_record(GED_49)?;
    }
    let mut random = Random::new(seed);
    let first_day = Day::from_ymd(2017, 1, 1).unwrap_or_default();
    for index in 0..rows {
        let &(
            conflict,
            conflict_name,
            dyad,
            side_a_id,
            side_a,
            side_b_id,
            side_b,
            violence,
            gwnoa,
            _,
        ) = random.weighted(DYADS, |d| d.9).unwrap_or(&DYADS[0]);
        let start = Day(first_day.0 + i32::try_from(random.below(8 * 365)).unwrap_or(0));
        let date_prec: u64 = match random.below(100) {
            0..=79 => 1,
            80..=89 => 2,
            90..=95 => 3,
            96..=98 => 4,
            _ => 5,
        };
        let span = match date_prec {
            1 => 0,
            2 => random.below(3),
            3 => random.below(7),
            _ => random.below(28),
        };
        let end = Day(start.0 + i32::try_from(span).unwrap_or(0));
        let (year, _, _) = start.ymd();

        let country_only = random.chance(2);
        let &(governorate, lat0, lon0, districts) = random.pick(PLACES).unwrap_or(&PLACES[0]);
        let jitter = |random: &mut Random| (random.below(2000) as f64 - 1000.0) / 10_000.0;
        let (latitude, longitude, where_prec, adm_1, adm_2, place) = if country_only {
            let (lat, lon) = COUNTRY_POINT;
            (
                lat,
                lon,
                6,
                String::new(),
                String::new(),
                "Syria".to_string(),
            )
        } else {
            let adm_1 = if random.chance(10) {
                format!("{governorate} governorate")
            } else {
                format!("{governorate} Governorate")
            };
            let district = districts[usize::from(random.chance(50))];
            let where_prec = random.below(5) + 1;
            let place = match where_prec {
                1 | 2 => format!(
                    "{} {}",
                    village(index),
                    if random.chance(70) { "village" } else { "town" }
                ),
                3 => format!("{district} district"),
                _ => format!("{governorate} governorate"),
            };
            (
                lat0 + jitter(&mut random),
                lon0 + jitter(&mut random),
                where_prec,
                adm_1,
                format!("{district} district"),
                place,
            )
        };

        let mut parts = [0u64; 4];
        let toll = match random.below(100) {
            0..=59 => random.below(3) + 1,
            60..=94 => random.below(12) + 1,
            _ => random.below(150) + 1,
        };
        for _ in 0..toll {
            let part = if violence == 3 {
                if random.chance(90) {
                    2
                } else {
                    3
                }
            } else {
                usize::try_from(random.below(4)).unwrap_or(0)
            };
            if let Some(slot) = parts.get_mut(part) {
                *slot += 1;
            }
        }
        let best: u64 = parts.iter().sum();
        let low = best - random.below(best / 3 + 1);
        let high = best + random.below(best / 2 + 2);

        let number_of_sources = random.below(4) + 1;
        let office = random.pick(OFFICES).copied().unwrap_or_default();
        let source_date = start.to_string();
        let headline = headline(&mut random, side_a, side_b, &place, best);
        let article = format!("\"{office},{source_date},{}\"", headline.replace('\n', " "));
        let priogrid =
            ((latitude + 90.0) * 2.0).floor() * 720.0 + ((longitude + 180.0) * 2.0).floor() + 1.0;
        let time = " 00:00:00.000";
        let id = 400_000 + index;
        let fields: [String; 49] = [
            id.to_string(),
            format!("SYR-{year}-{violence}-{dyad}-{}", index % 97),
            year.to_string(),
            u8::from(random.chance(90)).to_string(),
            "Clear".to_string(),
            violence.to_string(),
            conflict.to_string(),
            conflict.to_string(),
            conflict_name.to_string(),
            dyad.to_string(),
            dyad.to_string(),
            format!("{side_a} - {side_b}"),
            side_a_id.to_string(),
            side_a_id.to_string(),
            side_a.to_string(),
            side_b_id.to_string(),
            side_b_id.to_string(),
            side_b.to_string(),
            number_of_sources.to_string(),
            article,
            office.to_string(),
            source_date,
            headline,
            if random.chance(25) {
                "Local sources".to_string()
            } else {
                office.to_string()
            },
            where_prec.to_string(),
            place.clone(),
            if where_prec <= 2 {
                format!("near {place}")
            } else {
                place
            },
            adm_1,
            adm_2,
            format!("{latitude:.6}"),
            format!("{longitude:.6}"),
            format!("POINT ({longitude:.6} {latitude:.6})"),
            format!("{priogrid:.0}"),
            "Syria".to_string(),
            "652".to_string(),
            "Middle East".to_string(),
            (random.below(2) + 1).to_string(),
            date_prec.to_string(),
            format!("{start}{time}"),
            format!("{end}{time}"),
            parts[0].to_string(),
            parts[1].to_string(),
            parts[2].to_string(),
            parts[3].to_string(),
            best.to_string(),
            high.to_string(),
            low.to_string(),
            gwnoa.to_string(),
            String::new(),
        ];
        writer.write_record(&fields)?;
    }
    writer.flush()
}

/// A headline of the kind UCDP quotes; sometimes with a comma, a quoted phrase, a line break or
/// Arabic.
fn headline(random: &mut Random, side_a: &str, side_b: &str, place: &str, best: u64) -> String {
    if random.chance(8) {
        return random
            .pick(ARABIC_HEADLINES)
            .copied()
            .unwrap_or_default()
            .to_string();
    }
    let mut text = format!("{best} killed as {side_a} and {side_b} clash near {place}");
    if random.chance(15) {
        text.push_str(", residents say");
    }
    if random.chance(10) {
        text.push_str(" in \"the heaviest fighting this month\"");
    }
    if random.chance(5) {
        text.push_str("\nUpdated toll");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_writes_the_same_bytes() {
        let mut first = Vec::new();
        let mut second = Vec::new();
        let mut other = Vec::new();
        assert!(write(&mut first, 50, 7, true).is_ok());
        assert!(write(&mut second, 50, 7, true).is_ok());
        assert!(write(&mut other, 50, 8, true).is_ok());
        assert_eq!(first, second);
        assert_ne!(first, other);
        assert!(first.starts_with(b"id,relid,year,active_year,"));
        let mut headerless = Vec::new();
        assert!(write(&mut headerless, 50, 7, false).is_ok());
        assert!(first.ends_with(&headerless));
        assert!(headerless.starts_with(b"400000,"));
    }

    #[test]
    fn every_side_is_in_the_table_of_syrian_groups() {
        use crate::core::import::ucdp_actors::actors_for_side;
        for dyad in DYADS {
            assert!(actors_for_side(dyad.4).is_ok(), "{}", dyad.4);
            assert!(actors_for_side(dyad.6).is_ok(), "{}", dyad.6);
        }
    }
}
