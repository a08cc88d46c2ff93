//! How ACLED's actor names map to the broad actor categories.
//!
//! ACLED names each actor in its own words, with dates and countries in the name ("Military
//! Forces of Syria (2000-2024)", "Civilians (Syria)", "Unidentified Armed Group (Syria)"), and
//! a Syria export holds thousands of them (every clan militia and local brigade). So, unlike
//! the closed UCDP table (`ucdp_actors`), names are matched by rules: [`RULES`] is read
//! in order and the first rule whose text the name starts with (or contains) gives the
//! category. A named actor that no rule fits is [`Actor::Other`] ("Other named groups"), never
//! [`Actor::Unknown`], which means the source itself did not identify the actor (ACLED's
//! "Unidentified ..." names). Every name is also kept as written (a `Party`), so a reader can
//! always filter by ACLED's own name and see where it was grouped.

use crate::core::vocab::Actor;

/// How a rule's text is compared with a name (both in lower case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The name begins with the text.
    Starts,
    /// The text occurs anywhere in the name.
    Contains,
}

/// The rules, first match wins: more specific names come before the general ones they would
/// also match ("Kataib Hezbollah" before "Hezbollah").
pub const RULES: &[(Match, &str, Actor)] = &[
    // ACLED's own word for an actor it cannot name.
    (Match::Starts, "unidentified", Actor::Unknown),
    // Iraqi and other Shia militias that Iran backs, before "hezbollah" and "iraq".
    (Match::Contains, "kataib hezbollah", Actor::IranBacked),
    (Match::Contains, "hezbollah al nujaba", Actor::IranBacked),
    (Match::Contains, "harakat hezbollah", Actor::IranBacked),
    (Match::Contains, "fatemiyoun", Actor::IranBacked),
    (Match::Contains, "zainabiyoun", Actor::IranBacked),
    (Match::Contains, "zeinabiyoun", Actor::IranBacked),
    (
        Match::Contains,
        "kataib sayyid al shuhada",
        Actor::IranBacked,
    ),
    (Match::Contains, "asaib ahl al haq", Actor::IranBacked),
    (
        Match::Contains,
        "popular mobilization forces",
        Actor::IranBacked,
    ),
    (Match::Contains, "hashd al shaabi", Actor::IranBacked),
    (Match::Contains, "hezbollah", Actor::Hezbollah),
    // States. ACLED dates its state forces; both the government until December 2024 and the
    // one after it are "Military Forces of Syria", told apart by the years kept in the name.
    (
        Match::Starts,
        "military forces of syria",
        Actor::SyrianGovernment,
    ),
    (
        Match::Starts,
        "police forces of syria",
        Actor::SyrianGovernment,
    ),
    (
        Match::Starts,
        "government of syria",
        Actor::SyrianGovernment,
    ),
    (Match::Starts, "military forces of russia", Actor::Russia),
    (Match::Starts, "police forces of russia", Actor::Russia),
    // A Russian private military company fighting with Russia's forces.
    (Match::Contains, "wagner group", Actor::Russia),
    (Match::Starts, "military forces of turkey", Actor::Turkey),
    (Match::Starts, "police forces of turkey", Actor::Turkey),
    (Match::Starts, "military forces of israel", Actor::Israel),
    (Match::Starts, "military forces of iran", Actor::Iran),
    (
        Match::Contains,
        "islamic revolutionary guard corps",
        Actor::Iran,
    ),
    (Match::Contains, "irgc", Actor::Iran),
    (
        Match::Starts,
        "military forces of the united states",
        Actor::UnitedStates,
    ),
    (
        Match::Contains,
        "operation inherent resolve",
        Actor::Coalition,
    ),
    (
        Match::Contains,
        "global coalition against daesh",
        Actor::Coalition,
    ),
    (Match::Starts, "military forces of iraq", Actor::Iraq),
    (Match::Starts, "military forces of jordan", Actor::Jordan),
    // Kurdish-led forces of the north-east: the SDF and the groups it is made of.
    (Match::Contains, "syrian democratic forces", Actor::Sdf),
    (Match::Starts, "qsd", Actor::Sdf),
    (Match::Starts, "ypg", Actor::Sdf),
    (Match::Starts, "ypj", Actor::Sdf),
    (Match::Contains, "asayish", Actor::Sdf),
    (Match::Starts, "pkk", Actor::Pkk),
    (Match::Contains, "kurdistan workers party", Actor::Pkk),
    // Jihadist groups.
    (Match::Starts, "islamic state", Actor::Isis),
    (Match::Contains, "hayat tahrir al sham", Actor::Hts),
    (Match::Starts, "hts", Actor::Hts),
    (Match::Contains, "jabhat fateh al sham", Actor::Hts),
    (Match::Contains, "jabhat al nusra", Actor::Hts),
    (Match::Contains, "hurras al din", Actor::OtherJihadist),
    (
        Match::Contains,
        "turkistan islamic party",
        Actor::OtherJihadist,
    ),
    (Match::Contains, "ansar al tawhid", Actor::OtherJihadist),
    (Match::Contains, "al qaeda", Actor::OtherJihadist),
    // Pro-government militias.
    (
        Match::Contains,
        "national defence forces",
        Actor::ProGovernmentMilitias,
    ),
    (Match::Starts, "ndf", Actor::ProGovernmentMilitias),
    (Match::Contains, "shabiha", Actor::ProGovernmentMilitias),
    // Palestinian groups (Liwa al Quds fights for the government, but is Palestinian).
    (Match::Contains, "liwa al quds", Actor::PalestinianFactions),
    (Match::Contains, "pflp", Actor::PalestinianFactions),
    (Match::Starts, "hamas", Actor::PalestinianFactions),
    // The armed opposition.
    (Match::Contains, "syrian national army", Actor::Opposition),
    (Match::Starts, "sna", Actor::Opposition),
    (Match::Contains, "free syrian army", Actor::Opposition),
    (Match::Starts, "fsa", Actor::Opposition),
    (
        Match::Contains,
        "national front for liberation",
        Actor::Opposition,
    ),
    (Match::Starts, "nlf", Actor::Opposition),
    (Match::Contains, "ahrar al sham", Actor::Opposition),
    (Match::Contains, "jaish al islam", Actor::Opposition),
    (Match::Contains, "jaysh al islam", Actor::Opposition),
    (Match::Contains, "faylaq al sham", Actor::Opposition),
    (Match::Contains, "sultan murad", Actor::Opposition),
    (Match::Contains, "hamza division", Actor::Opposition),
    (Match::Contains, "jaish al izza", Actor::Opposition),
    (Match::Contains, "nour al din al zenki", Actor::Opposition),
    (
        Match::Contains,
        "southern operations room",
        Actor::Opposition,
    ),
    (
        Match::Contains,
        "military operations command",
        Actor::Opposition,
    ),
    // Tribes and clans (ACLED's "... Clan Militia (Syria)", "... Tribal Militia").
    (Match::Contains, "clan militia", Actor::Tribal),
    (Match::Contains, "tribal militia", Actor::Tribal),
    (Match::Contains, "tribe", Actor::Tribal),
    // People: civilians, and protesters (who by ACLED's definition demonstrate without
    // violence). Rioters use violence, so they stay Other.
    (Match::Starts, "civilians", Actor::Civilians),
    (Match::Starts, "protesters", Actor::Civilians),
    // The groups ACLED lists beside civilians to say who they were ("Women (Syria)",
    // "Health Workers (Syria)", "Kurdish Ethnic Group (Syria)"): civilians of that group.
    (Match::Starts, "women (", Actor::Civilians),
    (Match::Starts, "children (", Actor::Civilians),
    (Match::Starts, "health workers", Actor::Civilians),
    (Match::Starts, "journalists", Actor::Civilians),
    (Match::Starts, "aid workers", Actor::Civilians),
    (Match::Starts, "refugees/idps", Actor::Civilians),
    (Match::Starts, "students", Actor::Civilians),
    (Match::Starts, "teachers", Actor::Civilians),
    (Match::Starts, "farmers", Actor::Civilians),
    (Match::Contains, "ethnic group", Actor::Civilians),
    (Match::Contains, "religious group", Actor::Civilians),
    (Match::Contains, "muslim group", Actor::Civilians),
    (Match::Contains, "christian group", Actor::Civilians),
];

/// The lower-case form rules compare: apostrophes and hyphens as spaces, runs of spaces as
/// one, so "Hay'at Tahrir al-Sham" and "Hayat Tahrir al Sham" meet.
fn comparable(name: &str) -> String {
    let spaced: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘' | 'ʼ'))
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    spaced
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The broad category of one ACLED actor name ([`RULES`], first match; [`Actor::Other`]
/// when none fits). An empty name has no category: `None`.
pub fn actor_for_name(name: &str) -> Option<Actor> {
    let name = comparable(name);
    if name.is_empty() {
        return None;
    }
    let actor = RULES
        .iter()
        .find(|(how, text, _)| match how {
            Match::Starts => name.starts_with(text),
            Match::Contains => name.contains(text),
        })
        .map_or(Actor::Other, |(_, _, actor)| *actor);
    Some(actor)
}

/// The names in an ACLED actor field: `assoc_actor_1` and `assoc_actor_2` may list several,
/// separated by `;`. Each is trimmed; empty ones are dropped.
pub fn names(field: &str) -> impl Iterator<Item = &str> {
    field
        .split(';')
        .map(str::trim)
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_syria_names_fall_under_their_categories() {
        let cases = [
            (
                "Military Forces of Syria (2000-2024)",
                Actor::SyrianGovernment,
            ),
            ("Military Forces of Syria (2024-)", Actor::SyrianGovernment),
            (
                "Military Forces of Syria (2000-2024) Air Force",
                Actor::SyrianGovernment,
            ),
            (
                "Police Forces of Syria (2000-2024)",
                Actor::SyrianGovernment,
            ),
            ("Military Forces of Russia (2000-)", Actor::Russia),
            ("Wagner Group", Actor::Russia),
            ("Military Forces of Turkey (2002-)", Actor::Turkey),
            ("Military Forces of Israel (1948-)", Actor::Israel),
            ("Military Forces of Iran (1989-)", Actor::Iran),
            ("IRGC: Islamic Revolutionary Guard Corps", Actor::Iran),
            ("Hezbollah", Actor::Hezbollah),
            ("Kataib Hezbollah", Actor::IranBacked),
            ("Liwa Fatemiyoun", Actor::IranBacked),
            ("Islamic State (Syria)", Actor::Isis),
            ("Hayat Tahrir al Sham", Actor::Hts),
            ("Hay'at Tahrir al-Sham", Actor::Hts),
            ("QSD: Syrian Democratic Forces", Actor::Sdf),
            ("YPG: People's Protection Units", Actor::Sdf),
            ("PKK: Kurdistan Workers Party", Actor::Pkk),
            ("NDF: National Defence Forces", Actor::ProGovernmentMilitias),
            (
                "Military Forces of the United States (2021-)",
                Actor::UnitedStates,
            ),
            ("Operation Inherent Resolve", Actor::Coalition),
            ("Civilians (Syria)", Actor::Civilians),
            ("Protesters (Syria)", Actor::Civilians),
            ("Women (Syria)", Actor::Civilians),
            ("Kurdish Ethnic Group (Syria)", Actor::Civilians),
            ("Unidentified Armed Group (Syria)", Actor::Unknown),
            ("Unidentified Military Forces", Actor::Unknown),
            ("Syrian National Army", Actor::Opposition),
            ("Free Syrian Army", Actor::Opposition),
            ("Hurras al Din", Actor::OtherJihadist),
            ("Al Shaitat Clan Militia (Syria)", Actor::Tribal),
            ("Liwa al Quds", Actor::PalestinianFactions),
            ("Military Forces of Iraq (2020-)", Actor::Iraq),
            ("Military Forces of Jordan (1999-)", Actor::Jordan),
            // Named, but no category fits: Other, never Unknown.
            ("Rioters (Syria)", Actor::Other),
            ("Men of Dignity", Actor::Other),
            ("Military Forces of Ukraine (2019-)", Actor::Other),
        ];
        for (name, expected) in cases {
            assert_eq!(actor_for_name(name), Some(expected), "{name}");
        }
        assert_eq!(actor_for_name("  "), None);
    }

    #[test]
    fn every_rule_can_be_reached() {
        // A rule shadowed by an earlier, more general one would never apply.
        for (position, (_, text, actor)) in RULES.iter().enumerate() {
            assert_eq!(
                actor_for_name(text),
                Some(*actor),
                "rule {position} “{text}” is shadowed by an earlier rule"
            );
            assert_eq!(*text, comparable(text), "rule texts are in comparable form");
        }
    }

    #[test]
    fn associated_actors_split_at_semicolons() {
        let listed: Vec<&str> =
            names("Civilians (Syria); Women (Syria);  ; Health Workers (Syria)").collect();
        assert_eq!(
            listed,
            [
                "Civilians (Syria)",
                "Women (Syria)",
                "Health Workers (Syria)"
            ]
        );
        assert_eq!(names("").count(), 0);
    }
}
