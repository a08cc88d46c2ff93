//! A synthetic ACLED export for testing and measuring the ACLED importer at scale
//! (`dataset synth N --format acled`): `N` rows in ACLED's current 31-column layout, with the
//! header's UTF-8 byte order mark as ACLED's downloads have it. Written row by row, so a
//! million rows never sit in memory.
//!
//! The rows are made up, deterministic for a seed, and shaped like a Syria export where it
//! matters to an importer: ACLED's event and sub-event types in consistent pairs, its spellings
//! of the governorates ("Idleb", "Rural Damascus", "As-Sweida"), thousands of distinct actor
//! names (state forces, armed groups, numbered brigades, clan militias, unidentified groups),
//! associated actors listed with `; `, notes of about 200 characters that sometimes hold commas,
//! double quotes, line breaks and Arabic, places sometimes named in Arabic, and numeric `inter`
//! codes. Nothing in it is data: the collection it imports into must not be read or cited.

use std::io::{self, Write};

use super::synth::village;
use crate::core::date::Day;

/// The current export layout, in ACLED's order.
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Distinct generated armed-group names, besides the fixed ones.
pub const GROUP_NAMES: usize = 4_000;

/// (event_type, sub_event_type, weight, disorder_type, has a target side)
const TYPES: &[(&str, &str, u64, &str, bool)] = &[
    ("Battles", "Armed clash", 30, "Political violence", false),
    (
        "Battles",
        "Government regains territory",
        2,
        "Political violence",
        false,
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        2,
        "Political violence",
        false,
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        25,
        "Political violence",
        true,
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        15,
        "Political violence",
        true,
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        8,
        "Political violence",
        true,
    ),
    (
        "Explosions/Remote violence",
        "Suicide bomb",
        1,
        "Political violence",
        true,
    ),
    (
        "Explosions/Remote violence",
        "Grenade",
        1,
        "Political violence",
        true,
    ),
    (
        "Violence against civilians",
        "Attack",
        8,
        "Political violence",
        true,
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        3,
        "Political violence",
        true,
    ),
    ("Protests", "Peaceful protest", 6, "Demonstrations", false),
    ("Riots", "Violent demonstration", 1, "Demonstrations", false),
    (
        "Strategic developments",
        "Arrests",
        2,
        "Strategic developments",
        false,
    ),
    (
        "Strategic developments",
        "Looting/property destruction",
        1,
        "Strategic developments",
        false,
    ),
    (
        "Strategic developments",
        "Agreement",
        1,
        "Strategic developments",
        false,
    ),
    (
        "Strategic developments",
        "Disrupted weapons use",
        1,
        "Strategic developments",
        false,
    ),
];

/// ACLED's spellings of the governorates, with a central point (latitude, longitude) and two
/// districts each.
const PLACES: &[(&str, f64, f64, [&str; 2])] = &[
    ("Idleb", 35.85, 36.60, ["Idleb", "Ariha"]),
    ("Aleppo", 36.25, 37.30, ["Jebel Saman", "Al Bab"]),
    ("Rural Damascus", 33.55, 36.45, ["Duma", "Qatana"]),
    ("Damascus", 33.51, 36.29, ["Damascus", "Damascus"]),
    ("Deir ez Zor", 35.20, 40.30, ["Deir ez Zor", "Al Mayadin"]),
    ("Al Hasakeh", 36.55, 40.80, ["Al Hasakeh", "Quamishli"]),
    ("Ar-Raqqa", 35.90, 38.90, ["Ar-Raqqa", "Tell Abiad"]),
    ("Hama", 35.15, 36.80, ["Hama", "As-Suqaylabiyah"]),
    ("Homs", 34.70, 37.30, ["Homs", "Tadmor"]),
    ("Dara", 32.70, 36.15, ["Dara", "Izra"]),
    ("As-Sweida", 32.75, 36.60, ["As-Sweida", "Shahba"]),
    ("Lattakia", 35.60, 35.95, ["Lattakia", "Jablah"]),
    ("Tartous", 34.95, 36.00, ["Tartous", "Banyas"]),
    ("Quneitra", 33.05, 35.85, ["Quneitra", "Fiq"]),
];

/// Actors that appear often, with their `inter` code.
const KNOWN: &[(&str, u8)] = &[
    ("Military Forces of Syria (2000-2024)", 1),
    ("Military Forces of Russia (2000-)", 8),
    ("Military Forces of Turkey (2002-)", 8),
    ("Military Forces of Israel (1948-)", 8),
    ("Military Forces of the United States (2021-)", 8),
    ("Islamic State (Syria)", 2),
    ("Hayat Tahrir al Sham", 2),
    ("QSD: Syrian Democratic Forces", 2),
    ("Syrian National Army", 2),
    ("NDF: National Defence Forces", 3),
    ("Hezbollah", 8),
    ("Unidentified Armed Group (Syria)", 3),
    ("Unidentified Military Forces", 8),
];

const SOURCES: &[&str] = &[
    "SOHR",
    "Syrian Arab News Agency",
    "Step News Agency; SOHR",
    "Deir Ezzor 24",
    "North Press Agency",
    "Enab Baladi",
    "Suwayda 24",
];

const ARABIC_PLACES: &[&str] = &[
    "معرة النعمان",
    "الميادين",
    "سراقب",
    "دوما",
    "منبج",
    "تلبيسة",
];
const ARABIC_NOTES: &[&str] = &[
    "وفق مصادر محلية، سقط قتلى وجرحى.",
    "قصف مدفعي على أطراف البلدة.",
    "اشتباكات متقطعة استمرت حتى المساء.",
];

/// A small deterministic generator (xorshift64*, seeded through splitmix64).
pub(super) struct Random(u64);

impl Random {
    pub(super) fn new(seed: u64) -> Random {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Random((z ^ (z >> 31)) | 1)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `percent` / 100.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(usize::try_from(self.below(items.len() as u64)).ok()?)
    }

    /// One of `items`, each as likely as its `weight`; `None` when there are none.
    pub(super) fn weighted<'a, T>(
        &mut self,
        items: &'a [T],
        weight: impl Fn(&T) -> u64,
    ) -> Option<&'a T> {
        let total: u64 = items.iter().map(&weight).sum();
        let mut roll = self.below(total);
        items.iter().find(|item| {
            let w = weight(item);
            if roll < w {
                true
            } else {
                roll -= w;
                false
            }
        })
    }
}

/// Generated armed-group name `index` (one of [`GROUP_NAMES`]), with its `inter` code.
pub fn group_name(index: usize) -> (String, u8) {
    const UNITS: [&str; 6] = [
        "Brigade",
        "Battalion",
        "Regiment",
        "Division",
        "Squadron",
        "Front",
    ];
    const WORDS: [&str; 16] = [
        "al Fath",
        "al Nasr",
        "Ahrar",
        "al Tawhid",
        "Suqur",
        "al Haq",
        "Ansar",
        "al Furqan",
        "Shuhada",
        "al Qadisiya",
        "Usud",
        "al Ezz",
        "al Sham",
        "Halab",
        "al Badia",
        "al Jazira",
    ];
    let n = index % GROUP_NAMES;
    // Four kinds of name, each from its own quarter of the indexes, so every name is distinct.
    let m = n / 4;
    let word = WORDS[m % WORDS.len()];
    let unit = UNITS[m % UNITS.len()];
    let number = m / WORDS.len() + 1;
    match n % 4 {
        0 => (
            format!("Military Forces of Syria (2000-2024) {}th {unit}", m + 1),
            1,
        ),
        1 => (format!("Liwa {word} {number}"), 2),
        2 => (
            format!("{} Clan Militia (Syria)", village(n).replace(' ', "-")),
            4,
        ),
        _ => (format!("{word} Operations Room {number}"), 3),
    }
}

/// Writes `rows` made-up rows (see the module docs) as ACLED's CSV to `out`, with a BOM
/// before the header; the same `seed` writes the same bytes.
///
/// # Errors
/// Whatever writing to `out` fails with.
pub fn write<W: Write>(out: W, rows: usize, seed: u64) -> io::Result<()> {
    let mut out = out;
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let mut random = Random::new(seed);
    let first_day = Day::from_ymd(2017, 1, 1).unwrap_or_default();
    let mut record: Vec<String> = Vec::with_capacity(COLUMNS.len());
    for index in 0..rows {
        record.clear();
        let &(event_type, sub_event_type, _, disorder_type, directed) =
            random.weighted(TYPES, |t| t.2).unwrap_or(&TYPES[0]);
        let day = Day(first_day.0 + i32::try_from(random.below(8 * 365)).unwrap_or(0));
        let time_precision = match random.below(100) {
            0..=84 => "1",
            85..=94 => "2",
            _ => "3",
        };
        let (actor1, inter1) = actor(&mut random, event_type);
        let assoc_actor_1 = if random.chance(15) {
            group_name(usize::try_from(random.below(GROUP_NAMES as u64)).unwrap_or(0)).0
        } else {
            String::new()
        };
        let (actor2, assoc_actor_2, inter2) =
            if event_type == "Violence against civilians" || (directed && random.chance(40)) {
                let assoc = match random.below(4) {
                    0 => "Women (Syria); Children (Syria)".to_string(),
                    1 => "Health Workers (Syria)".to_string(),
                    _ => String::new(),
                };
                ("Civilians (Syria)".to_string(), assoc, 7)
            } else if event_type == "Protests"
                || event_type == "Riots"
                || (directed && random.chance(30))
            {
                // No second side: protests, riots, strikes whose target ACLED does not name.
                (String::new(), String::new(), 0)
            } else {
                let (name, inter) = actor(&mut random, event_type);
                (name, String::new(), inter)
            };
        let (actor1, inter1) = match event_type {
            "Protests" => ("Protesters (Syria)".to_string(), 6),
            "Riots" => ("Rioters (Syria)".to_string(), 5),
            _ => (actor1, inter1),
        };
        let interaction = if inter2 == 0 {
            u16::from(inter1) * 10
        } else {
            u16::from(inter1.min(inter2)) * 10 + u16::from(inter1.max(inter2))
        };
        let &(admin1, lat0, lon0, districts) = random.pick(PLACES).unwrap_or(&PLACES[0]);
        let admin2 = districts[usize::from(random.chance(50))];
        let location = if random.chance(5) {
            random
                .pick(ARABIC_PLACES)
                .copied()
                .unwrap_or_default()
                .to_string()
        } else {
            village(index)
        };
        let jitter = |random: &mut Random| (random.below(4000) as f64 - 2000.0) / 10_000.0;
        let latitude = lat0 + jitter(&mut random);
        let longitude = lon0 + jitter(&mut random);
        let fatalities = match (event_type, random.below(100)) {
            ("Protests" | "Strategic developments", _) => 0,
            (_, 0..=49) => 0,
            (_, 50..=89) => random.below(4) + 1,
            (_, 90..=98) => random.below(20) + 1,
            _ => random.below(120) + 1,
        };
        let notes = notes(
            &mut random,
            day,
            sub_event_type,
            &actor1,
            &location,
            fatalities,
        );
        let fields: [String; 31] = [
            format!("SYR{}", index + 1),
            day.to_string(),
            day.ymd().0.to_string(),
            time_precision.to_string(),
            disorder_type.to_string(),
            event_type.to_string(),
            sub_event_type.to_string(),
            actor1,
            assoc_actor_1,
            inter1.to_string(),
            actor2,
            assoc_actor_2,
            if inter2 == 0 {
                String::new()
            } else {
                inter2.to_string()
            },
            interaction.to_string(),
            if event_type == "Violence against civilians" {
                "Civilian targeting".to_string()
            } else {
                String::new()
            },
            "760".to_string(),
            "Middle East".to_string(),
            "Syria".to_string(),
            admin1.to_string(),
            admin2.to_string(),
            if random.chance(70) {
                location.clone()
            } else {
                String::new()
            },
            location,
            format!("{latitude:.4}"),
            format!("{longitude:.4}"),
            (random.below(3) + 1).to_string(),
            random
                .pick(SOURCES)
                .copied()
                .unwrap_or_default()
                .to_string(),
            "National".to_string(),
            notes,
            fatalities.to_string(),
            String::new(),
            (1_600_000_000 + index).to_string(),
        ];
        record.extend(fields);
        writer.write_record(&record)?;
    }
    writer.flush()
}

/// An actor for one side: a well-known one half the time, else a generated group.
fn actor(random: &mut Random, event_type: &str) -> (String, u8) {
    if event_type == "Violence against civilians" && random.chance(30) {
        return ("Unidentified Armed Group (Syria)".to_string(), 3);
    }
    if random.chance(50) {
        let (name, inter) = random.pick(KNOWN).copied().unwrap_or(KNOWN[0]);
        (name.to_string(), inter)
    } else {
        group_name(usize::try_from(random.below(GROUP_NAMES as u64)).unwrap_or(0))
    }
}

/// About 200 characters of notes; sometimes with a quoted phrase, a line break or Arabic.
fn notes(
    random: &mut Random,
    day: Day,
    sub_event_type: &str,
    actor1: &str,
    location: &str,
    fatalities: u64,
) -> String {
    let (year, month, date) = day.ymd();
    let mut text = format!(
        "On {date} {} {year}, {actor1} were reported in an event coded as {}, in and around \
         {location}, according to local sources, {} killed",
        MONTH_NAMES[usize::try_from(month).unwrap_or(1).saturating_sub(1) % 12],
        sub_event_type.to_lowercase(),
        match fatalities {
            0 => "with no one".to_string(),
            1 => "with one person".to_string(),
            n => format!("with {n} people"),
        }
    );
    if random.chance(20) {
        text.push_str(", in what residents called \"the worst day this month\"");
    }
    if random.chance(15) {
        text.push_str(".\nSome sources gave a higher toll");
    }
    if random.chance(10) {
        text.push_str(". ");
        text.push_str(random.pick(ARABIC_NOTES).copied().unwrap_or_default());
    } else {
        text.push('.');
    }
    text
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_same_seed_writes_the_same_bytes() {
        let mut first = Vec::new();
        let mut second = Vec::new();
        let mut other = Vec::new();
        assert!(write(&mut first, 50, 7).is_ok());
        assert!(write(&mut second, 50, 7).is_ok());
        assert!(write(&mut other, 50, 8).is_ok());
        assert_eq!(first, second);
        assert_ne!(first, other);
        assert!(first.starts_with("\u{FEFF}event_id_cnty,event_date,".as_bytes()));
    }

    #[test]
    fn group_names_are_thousands() {
        let names: HashSet<String> = (0..GROUP_NAMES).map(|i| group_name(i).0).collect();
        assert!(names.len() > GROUP_NAMES * 9 / 10, "{}", names.len());
    }
}
