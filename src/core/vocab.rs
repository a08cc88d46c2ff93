//! The controlled vocabularies of the model: governorates, actors, roles, event kinds, casualty
//! groups and outcomes, qualifiers, facilities, publishers and figure metrics.
//!
//! Each vocabulary is a closed enum with a stable snake_case id (used in files and URLs) and a
//! display name (used on screen). Closed sets are what make filters, legends and cross-filter
//! counts trustworthy: a value outside the vocabulary is a validation error, not a silent "other".
//! The enums are small and dense so the filter index can hold them as bit positions.

use serde::{Deserialize, Serialize};

/// Declares a vocabulary enum with its id, label, dense index and the list of all members.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = ($id:literal, $label:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $id)] $variant ),+
        }

        impl $name {
            /// Every member, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable id used in files and URLs.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The name shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Position in [`Self::ALL`], used as a bit index by the filter index.
            pub fn index(self) -> usize {
                self as usize
            }

            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            pub fn from_index(index: usize) -> Option<Self> {
                Self::ALL.get(index).copied()
            }
        }
    };
}

vocabulary! {
    /// The 14 governorates, named as in `data/geo/syria_governorates.geojson`.
    pub enum Governorate {
        Damascus = ("Damascus", "Damascus"),
        Aleppo = ("Aleppo", "Aleppo"),
        RifDimashq = ("Rif Dimashq", "Rif Dimashq"),
        Homs = ("Homs", "Homs"),
        Hama = ("Hama", "Hama"),
        Latakia = ("Latakia", "Latakia"),
        Idlib = ("Idlib", "Idlib"),
        AlHasakah = ("Al-Hasakah", "Al-Hasakah"),
        DeirEzZor = ("Deir ez-Zor", "Deir ez-Zor"),
        Tartus = ("Tartus", "Tartus"),
        ArRaqqah = ("Ar-Raqqah", "Ar-Raqqah"),
        Daraa = ("Daraa", "Daraa"),
        AsSuwayda = ("As-Suwayda", "As-Suwayda"),
        Quneitra = ("Quneitra", "Quneitra"),
    }
}

vocabulary! {
    /// Who acted. Broad on purpose: the names a source uses are kept beside it (see
    /// `Party`), and each maps to one or more of these.
    pub enum Actor {
        Russia = ("russia", "Russian forces"),
        SyrianGovernment = ("syrian_government", "Syrian government forces"),
        ProGovernmentMilitias = ("pro_government_militias", "Pro-government militias"),
        IranBacked = ("iran_backed", "Iranian-backed militias"),
        Iran = ("iran", "Iranian forces"),
        Hezbollah = ("hezbollah", "Hezbollah"),
        Coalition = ("coalition", "International Coalition"),
        UnitedStates = ("united_states", "United States forces"),
        Turkey = ("turkey", "Turkish forces"),
        Israel = ("israel", "Israeli forces"),
        Iraq = ("iraq", "Iraqi forces"),
        Jordan = ("jordan", "Jordanian forces"),
        Sdf = ("sdf", "SDF"),
        Pkk = ("pkk", "PKK"),
        Isis = ("isis", "ISIS"),
        Hts = ("hts", "HTS / Jabhat Fateh al-Sham"),
        OtherJihadist = ("other_jihadist", "Other jihadist groups"),
        Opposition = ("opposition", "Armed opposition"),
        PalestinianFactions = ("palestinian_factions", "Palestinian factions"),
        Tribal = ("tribal", "Tribal and clan groups"),
        Civilians = ("civilians", "Civilians"),
        Unknown = ("unknown", "Unidentified"),
        /// A group the source names that none of the categories above fits (an imported file's
        /// local militia, a foreign force not listed): named, so not "Unidentified".
        Other = ("other", "Other named groups"),
    }
}

vocabulary! {
    /// The part an actor played.
    pub enum Role {
        Perpetrator = ("perpetrator", "perpetrator"),
        Target = ("target", "target"),
        /// A side without direction: UCDP's sides of a clash, partners in a joint patrol.
        Participant = ("participant", "participant"),
    }
}

vocabulary! {
    /// What happened.
    pub enum EventKind {
        Airstrike = ("airstrike", "Airstrike"),
        Shelling = ("shelling", "Shelling"),
        BarrelBomb = ("barrel_bomb", "Barrel bomb"),
        GuidedMissile = ("guided_missile", "Guided missile"),
        RocketAttack = ("rocket_attack", "Rocket attack"),
        Ied = ("ied", "IED"),
        ChemicalAttack = ("chemical_attack", "Chemical attack"),
        GroundAttack = ("ground_attack", "Ground attack"),
        SecurityOperation = ("security_operation", "Security operation"),
        RaidArrest = ("raid_arrest", "Raid / arrest"),
        Airdrop = ("airdrop", "Airdrop"),
        JointPatrol = ("joint_patrol", "Joint patrol"),
        PrisonerRelease = ("prisoner_release", "Prisoner release"),
        ConvoyReinforcement = ("convoy_reinforcement", "Convoy / reinforcement"),
        Withdrawal = ("withdrawal", "Withdrawal"),
        CeasefireAgreement = ("ceasefire_agreement", "Ceasefire / agreement"),
        PoliticalEvent = ("political_event", "Political event"),
        /// UCDP type of violence 1: fighting where a government is a side.
        StateBasedViolence = ("state_based_violence", "State-based violence (UCDP)"),
        /// UCDP type of violence 2: fighting between organised groups, no government.
        NonStateViolence = ("non_state_violence", "Non-state violence (UCDP)"),
        /// UCDP type of violence 3: an organised group attacking civilians.
        OneSidedViolence = ("one_sided_violence", "One-sided violence (UCDP)"),
        /// A type of event that none of the kinds above fits, such as ACLED's protests, riots
        /// or looting: an incident, not an attack. The collection's own type names are kept in
        /// `Event::event_type` and `Event::sub_event_type`.
        Other = ("other", "Other"),
    }
}

impl EventKind {
    /// Milestones: agreements, ceasefires and political events (talks, conferences, visits).
    /// They are not acts of force, so they are never counted as incidents, deaths or attacks
    /// anywhere (totals, timeline, bars, composition, map, figure comparisons, casualty
    /// filters); the timeline draws them as numbered markers and the list still shows them.
    pub fn is_milestone(self) -> bool {
        matches!(
            self,
            EventKind::CeasefireAgreement | EventKind::PoliticalEvent
        )
    }

    /// Attacks: the kinds that are acts of violence (strikes, shelling, bombs, ground attacks,
    /// UCDP's three types of violence). Patrols, convoys, withdrawals, airdrops, raids,
    /// security operations and prisoner releases are incidents but not attacks, and
    /// milestones are neither. This is what a comparison with a monitor's count of attacks or
    /// massacres counts.
    pub fn is_attack(self) -> bool {
        matches!(
            self,
            EventKind::Airstrike
                | EventKind::Shelling
                | EventKind::BarrelBomb
                | EventKind::GuidedMissile
                | EventKind::RocketAttack
                | EventKind::Ied
                | EventKind::ChemicalAttack
                | EventKind::GroundAttack
                | EventKind::StateBasedViolence
                | EventKind::NonStateViolence
                | EventKind::OneSidedViolence
        )
    }
}

vocabulary! {
    /// Whose casualties.
    pub enum CasualtyGroup {
        /// Everyone: UCDP's total (its low/best/high).
        All = ("all", "all people"),
        Civilians = ("civilians", "civilians"),
        Children = ("children", "children"),
        Women = ("women", "women"),
        MedicalPersonnel = ("medical_personnel", "medical personnel"),
        CivilDefence = ("civil_defence", "civil defence personnel"),
        MediaWorkers = ("media_workers", "media workers"),
        Combatants = ("combatants", "combatants"),
        IsisMembers = ("isis_members", "ISIS members"),
        Prisoners = ("prisoners", "prisoners"),
        People = ("people", "people"),
        /// UCDP's deaths of unknown status.
        Unknown = ("unknown", "unknown status"),
    }
}

impl CasualtyGroup {
    /// Groups counted inside civilians (children, women, medical personnel, civil defence and
    /// media workers are civilians), so totals never add them twice. A subgroup with no
    /// civilians entry of its own still counts toward civilians: "three children killed" are
    /// at least three civilians killed (see `table` for the rule).
    pub fn is_subgroup(self) -> bool {
        matches!(
            self,
            CasualtyGroup::Children
                | CasualtyGroup::Women
                | CasualtyGroup::MedicalPersonnel
                | CasualtyGroup::CivilDefence
                | CasualtyGroup::MediaWorkers
        )
    }

    /// The English name of one of the group, for a count of one: "1 civilian killed", where
    /// [`CasualtyGroup::label`] names the group ("civilians").
    pub fn label_one(self) -> &'static str {
        match self {
            CasualtyGroup::All | CasualtyGroup::People => "person",
            CasualtyGroup::Civilians => "civilian",
            CasualtyGroup::Children => "child",
            CasualtyGroup::Women => "woman",
            CasualtyGroup::MedicalPersonnel => "medical worker",
            CasualtyGroup::CivilDefence => "civil defence worker",
            CasualtyGroup::MediaWorkers => "media worker",
            CasualtyGroup::Combatants => "combatant",
            CasualtyGroup::IsisMembers => "ISIS member",
            CasualtyGroup::Prisoners => "prisoner",
            CasualtyGroup::Unknown => "person of unknown status",
        }
    }
}

vocabulary! {
    /// What happened to them.
    pub enum Outcome {
        Killed = ("killed", "killed"),
        Injured = ("injured", "injured"),
        Arrested = ("arrested", "arrested"),
        Released = ("released", "released"),
        Displaced = ("displaced", "displaced"),
    }
}

vocabulary! {
    /// How a number was qualified by its source.
    pub enum Qualifier {
        Exact = ("exact", "exactly"),
        AtLeast = ("at_least", "at least"),
        Over = ("over", "over"),
        About = ("about", "about"),
        Nearly = ("nearly", "nearly"),
        /// A vague plural without a number: "several", "tens of", "dozens".
        Several = ("several", "several"),
        /// Said to have happened, with no amount at all: "injuring others".
        Unspecified = ("unspecified", "unspecified"),
    }
}

impl Qualifier {
    /// Whether a number so qualified is a floor, not an estimate: "at least", "over".
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::AtLeast | Qualifier::Over)
    }
}

vocabulary! {
    /// Facilities that an attack hit, or that a figure counts attacks on.
    pub enum Facility {
        VitalFacilities = ("vital_facilities", "vital civilian facilities"),
        Mosque = ("mosque", "mosques"),
        Educational = ("educational", "educational facilities"),
        Medical = ("medical", "medical facilities"),
        Market = ("market", "markets"),
        Residential = ("residential", "residential buildings"),
        MilitaryBase = ("military_base", "military base"),
        Prison = ("prison", "prison"),
        Vehicle = ("vehicle", "vehicle"),
        Camp = ("camp", "camp"),
        OilField = ("oil_field", "oil field"),
        Airport = ("airport", "airport"),
    }
}

vocabulary! {
    /// Who published a source.
    pub enum Publisher {
        Sohr = ("sohr", "Syrian Observatory for Human Rights (SOHR)"),
        Snhr = ("snhr", "Syrian Network for Human Rights (SNHR)"),
        AlJazeera = ("al_jazeera", "Al Jazeera"),
        Ucdp = ("ucdp", "Uppsala Conflict Data Program (UCDP)"),
        Acled = ("acled", "Armed Conflict Location & Event Data (ACLED)"),
        Other = ("other", "Other"),
    }
}

vocabulary! {
    /// What a reported figure counts.
    pub enum Metric {
        CiviliansKilled = ("civilians_killed", "civilians killed"),
        ChildrenKilled = ("children_killed", "children killed"),
        WomenKilled = ("women_killed", "women killed"),
        CiviliansInjured = ("civilians_injured", "civilians injured"),
        ChildrenInjured = ("children_injured", "children injured"),
        WomenInjured = ("women_injured", "women injured"),
        Massacres = ("massacres", "massacres"),
        AttacksOnFacilities = ("attacks_on_facilities", "attacks on facilities"),
        ClusterMunitionAttacks = ("cluster_munition_attacks", "cluster munition attacks"),
        IncendiaryAttacks = ("incendiary_attacks", "incendiary weapon attacks"),
        ChemicalAttacks = ("chemical_attacks", "chemical attacks"),
        BarrelBombs = ("barrel_bombs", "barrel bombs dropped"),
        NailMissileAttacks = ("nail_missile_attacks", "nail-filled missile attacks"),
        GuidedMissileAttacks = ("guided_missile_attacks", "guided missile attacks"),
        MedicalPersonnelKilled = ("medical_personnel_killed", "medical personnel killed"),
        CivilDefenceKilled = ("civil_defence_killed", "civil defence personnel killed"),
        MediaWorkersKilled = ("media_workers_killed", "media workers killed"),
        Displaced = ("displaced", "people displaced"),
        Attacks = ("attacks", "attacks"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_indexes_are_dense() {
        for (position, actor) in Actor::ALL.iter().enumerate() {
            assert_eq!(Actor::from_id(actor.id()), Some(*actor));
            assert_eq!(actor.index(), position);
        }
        for governorate in Governorate::ALL {
            assert_eq!(Governorate::from_id(governorate.id()), Some(*governorate));
        }
        assert_eq!(Governorate::ALL.len(), 14);
    }

    #[test]
    fn bitmask_vocabularies_fit_their_masks() {
        // The filter index keeps actors in a u32 and governorates in a u16.
        assert!(Actor::ALL.len() <= 32);
        assert!(Governorate::ALL.len() <= 16);
        assert!(EventKind::ALL.len() <= 32);
    }

    #[test]
    fn milestones_are_never_attacks() {
        for kind in EventKind::ALL {
            assert!(!(kind.is_milestone() && kind.is_attack()), "{kind:?}");
        }
        assert!(EventKind::PoliticalEvent.is_milestone());
        assert!(!EventKind::JointPatrol.is_attack() && !EventKind::JointPatrol.is_milestone());
    }

    #[test]
    fn serde_uses_the_ids() {
        let json = serde_json::to_string(&Actor::SyrianGovernment).unwrap_or_default();
        assert_eq!(json, "\"syrian_government\"");
        let parsed: Result<Governorate, _> = serde_json::from_str("\"Deir ez-Zor\"");
        assert_eq!(parsed.ok(), Some(Governorate::DeirEzZor));
    }
}
