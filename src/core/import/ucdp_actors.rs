//! How UCDP's side names map to the actor vocabulary. A GED side is either one group ("IS") or a
//! coalition that UCDP writes as its groups joined by ", " ("Ahrar al-Sham, HTS, Southern
//! Front"); each group is looked up in [`GROUPS`], spelled exactly as UCDP spells it, and the side
//! stands for the union of its groups' actors.
//!
//! The table is closed on purpose: for the bundled collection a group that is not in it is an
//! error (`dataset import-ucdp` refuses to write the bundle), to be added here by a person,
//! because a wrong actor would put events under the wrong filter and legend. A user's own GED
//! file (a later year, or the whole world) names groups the table cannot know: there
//! [`side_actors`] groups them under [`Actor::Other`] ("Other named groups"; UCDP's
//! "Government of Russia (Soviet Union)" under Russian forces) and says which names it did not
//! know, so the importer can warn once per name. The side keeps UCDP's own name as its party
//! either way.

use crate::core::vocab::Actor;

/// Every group named in the Syria 2016-2019 GED file, as UCDP spells it, with its actor.
pub const GROUPS: &[(&str, Actor)] = &[
    // UCDP codes Russian air support under the Government of Syria; no Russian side is invented.
    ("Government of Syria", Actor::SyrianGovernment),
    ("NDF (Syria)", Actor::ProGovernmentMilitias),
    ("Government of Iran", Actor::Iran),
    ("Hezbollah", Actor::Hezbollah),
    ("Government of Iraq", Actor::Iraq),
    ("Government of Israel", Actor::Israel),
    ("Government of Jordan", Actor::Jordan),
    ("Government of Turkey", Actor::Turkey),
    (
        "Government of United States of America",
        Actor::UnitedStates,
    ),
    ("SDF", Actor::Sdf),
    ("PKK", Actor::Pkk),
    ("IS", Actor::Isis),
    // JFS is the 2016 name of the group that led the January 2017 merger into HTS.
    ("Jabhat Fateh al-Sham", Actor::Hts),
    ("HTS", Actor::Hts),
    // Not HTS: Jaysh Tahrir al-Sham, an FSA-named group fighting Jaysh al-Islam at al-Dumayr in
    // Jan-Apr 2016, nine months before HTS was formed (SOHR: "factions close to the IS").
    ("Tahrir al- Sham Army", Actor::Opposition),
    ("Liwa al-Aqsa", Actor::OtherJihadist),
    ("ETIM", Actor::OtherJihadist),
    ("Ajnad al-Kavkaz", Actor::OtherJihadist),
    ("Tanzim Hurras ad-Din", Actor::OtherJihadist),
    ("al-Qaida", Actor::OtherJihadist),
    ("Jund al-Malahem", Actor::OtherJihadist),
    // Liwa Shuhada al-Yarmouk, the IS-aligned Daraa group that merged into Jaysh Khalid ibn
    // al-Walid in May 2016; UCDP keeps it apart from IS.
    ("Shohadaa al-Yarmouk", Actor::OtherJihadist),
    // UCDP's umbrella for the rebels fighting the government; it cannot be split into groups, so
    // it is not also counted as HTS.
    ("Syrian insurgents", Actor::Opposition),
    ("SNA", Actor::Opposition),
    // "Syria's New Army" in the SOHR headlines (Al-Bukamal, al-Tanf, 2016), not the 2018 SNA.
    ("NSA", Actor::Opposition),
    ("FSA", Actor::Opposition),
    ("National Front for Liberation", Actor::Opposition),
    ("Syrian Liberation Front", Actor::Opposition),
    ("Ahrar al-Sham", Actor::Opposition),
    ("Jaysh al-Islam", Actor::Opposition),
    ("Rahman Corps", Actor::Opposition),
    (
        "Rahman Corps - “Abu al-Joud al-Arbini” faction",
        Actor::Opposition,
    ),
    ("Southern Front", Actor::Opposition),
    ("Sham Legion", Actor::Opposition),
    ("Hamza Division", Actor::Opposition),
    ("13th Division", Actor::Opposition),
    ("23rd Division", Actor::Opposition),
    ("Ahrar al-Sharqiya", Actor::Opposition),
    ("Ajnad al-Sham", Actor::Opposition),
    ("Al-Jabha al-Shamiyyah", Actor::Opposition),
    ("Levant Front", Actor::Opposition),
    ("Al-Sultan Mohammad al-Fatih", Actor::Opposition),
    ("Liwa al-Sultan Murad", Actor::Opposition),
    ("Fatah Halab", Actor::Opposition),
    ("First Regiment", Actor::Opposition),
    ("Fistaqim Kama Umirat", Actor::Opposition),
    ("Furqan Brigades", Actor::Opposition),
    ("Hawar Kilis Operations Room", Actor::Opposition),
    ("Mare' Operations Room", Actor::Opposition),
    // A Turkey-backed faction in Jarabulus (SOHR: "clash between Turkey-loyal factions").
    ("Humat al-Aqida", Actor::Opposition),
    ("Islamic Front", Actor::Opposition),
    ("Jaysh Asoud al-Sharqiya", Actor::Opposition),
    ("Jaysh al Nasr", Actor::Opposition),
    ("Jaysh al-Nukhba", Actor::Opposition),
    ("Jaysh al-Sunna", Actor::Opposition),
    ("Liwa al-Haq Idlib", Actor::Opposition),
    ("Martyr Lieutenant Ahmed Abdou Brigades", Actor::Opposition),
    ("Mujahideen Army", Actor::Opposition),
    ("Northern Hawks Brigade", Actor::Opposition),
    ("Nour al-Din al-Zenki", Actor::Opposition),
    // An anti-SDF cell movement in Raqqa (SOHR: "regional-backed"); no better class fits.
    ("Qawim movement", Actor::Opposition),
    ("SRF", Actor::Opposition),
    // Rebels of the Yarmouk camp area fighting IS beside Aknaf Bait al-Maqdis and Jaysh al-Islam.
    ("Sons of Yarmouk Movement", Actor::Opposition),
    ("Suqour al-Sham Brigades", Actor::Opposition),
    // The opposition's political body: the target of the 2016 Inkhil police station bombing.
    ("Syrian National Coalition", Actor::Opposition),
    ("Tajamu Shuhada al-Sharqiya", Actor::Opposition),
    // A local armed group of Tell Hamis that fought the PKK in 2016; UCDP gives no backer.
    ("Tel Khamis Brigades", Actor::Opposition),
    ("al-Majd Legion", Actor::Opposition),
    ("al-Moutasem Brigade", Actor::Opposition),
    ("Aknaf Bait al-Maqdis", Actor::PalestinianFactions),
    ("PFLP-GC", Actor::PalestinianFactions),
    ("PLO", Actor::PalestinianFactions),
    ("PIJ", Actor::PalestinianFactions),
    // "Army of the Tribes": a tribal force (al-Rukban, Deir ez-Zor), hence Tribal, not Opposition.
    ("Jaysh al-Asha’er", Actor::Tribal),
    ("Wahab clan", Actor::Tribal),
    ("al-Bakkara clan", Actor::Tribal),
    ("al-Nasser clan", Actor::Tribal),
    ("al-Sultan clan", Actor::Tribal),
    // The target side of UCDP's one-sided violence.
    ("Civilians", Actor::Civilians),
];

/// The actor of one group, spelled exactly as UCDP spells it.
pub fn actor_for_group(group: &str) -> Option<Actor> {
    GROUPS
        .iter()
        .find(|(name, _)| *name == group)
        .map(|(_, actor)| *actor)
}

/// The groups a side names: the whole name when the table knows it, otherwise its parts between
/// ", " (a whole-name match first keeps a group whose own name has a comma in one piece).
pub fn groups_of_side(side: &str) -> Vec<&str> {
    if actor_for_group(side).is_some() {
        vec![side]
    } else {
        side.split(", ").collect()
    }
}

/// Every actor a side stands for, de-duplicated, in vocabulary order; or the groups of the side
/// that the table does not know.
pub fn actors_for_side(side: &str) -> Result<Vec<Actor>, Vec<String>> {
    let mut actors = Vec::new();
    let mut unknown = Vec::new();
    for group in groups_of_side(side) {
        match actor_for_group(group) {
            Some(actor) => actors.push(actor),
            None => unknown.push(group.to_string()),
        }
    }
    if !unknown.is_empty() {
        return Err(unknown);
    }
    actors.sort();
    actors.dedup();
    Ok(actors)
}

/// A side's actors for a user's file: the table's actors for the groups it knows, and for each
/// group it does not know [`Actor::Other`], or [`Actor::Russia`] for UCDP's name of the Russian
/// government ("Government of Russia (Soviet Union)"), which a file beyond Syria 2016-2019 may
/// name as a side of its own. Returns the actors (de-duplicated, in vocabulary order) and the
/// unknown groups, as written.
pub fn side_actors(side: &str) -> (Vec<Actor>, Vec<&str>) {
    let mut actors = Vec::new();
    let mut unknown = Vec::new();
    for group in groups_of_side(side) {
        match actor_for_group(group) {
            Some(actor) => actors.push(actor),
            None => {
                unknown.push(group);
                actors.push(if group.starts_with("Government of Russia") {
                    Actor::Russia
                } else {
                    Actor::Other
                });
            }
        }
    }
    actors.sort();
    actors.dedup();
    (actors, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_are_unique_and_never_russian() {
        for (position, (name, actor)) in GROUPS.iter().enumerate() {
            assert!(
                GROUPS[..position].iter().all(|(other, _)| other != name),
                "{name} is listed twice"
            );
            assert_ne!(*actor, Actor::Russia, "{name}");
        }
    }

    #[test]
    fn government_of_syria_is_the_government_only() {
        assert_eq!(
            actors_for_side("Government of Syria"),
            Ok(vec![Actor::SyrianGovernment])
        );
    }

    #[test]
    fn coalition_sides_are_the_union_of_their_groups() {
        assert_eq!(
            actors_for_side("Ahrar al-Sham, HTS, Southern Front"),
            Ok(vec![Actor::Hts, Actor::Opposition])
        );
        assert_eq!(
            actors_for_side("Aknaf Bait al-Maqdis, FSA, Jaysh al-Islam, PFLP-GC, PLO"),
            Ok(vec![Actor::Opposition, Actor::PalestinianFactions])
        );
        assert_eq!(
            actors_for_side("Ahrar al-Sham, Jabhat Fateh al-Sham"),
            Ok(vec![Actor::Hts, Actor::Opposition])
        );
    }

    #[test]
    fn a_faction_name_with_a_dash_is_one_group() {
        assert_eq!(
            actors_for_side("Rahman Corps - “Abu al-Joud al-Arbini” faction"),
            Ok(vec![Actor::Opposition])
        );
    }

    #[test]
    fn unknown_groups_are_errors_not_other() {
        assert_eq!(
            actors_for_side("Ahrar al-Sham, Imaginary Brigade"),
            Err(vec!["Imaginary Brigade".to_string()])
        );
        assert_eq!(
            actors_for_side("Government of Russia"),
            Err(vec!["Government of Russia".to_string()])
        );
    }

    #[test]
    fn a_users_file_groups_unknown_names_under_other_and_names_them() {
        assert_eq!(
            side_actors("Ahrar al-Sham, Imaginary Brigade"),
            (
                vec![Actor::Opposition, Actor::Other],
                vec!["Imaginary Brigade"]
            )
        );
        assert_eq!(
            side_actors("Government of Russia (Soviet Union)"),
            (
                vec![Actor::Russia],
                vec!["Government of Russia (Soviet Union)"]
            )
        );
        assert_eq!(
            side_actors("Government of Syria"),
            (vec![Actor::SyrianGovernment], Vec::<&str>::new())
        );
    }
}
