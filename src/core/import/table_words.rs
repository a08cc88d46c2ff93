//! A table's own words in this project's vocabularies, for the mapped import
//! ([`super::mapped`]): the broad actor of a perpetrator's or target's name ([`actor_named`]),
//! the governorate a cell names in either script ([`governorate_named`]), and the broad kind of
//! an incident type ([`kind_of`]). Each reads English and Arabic as Syrian monitors write them,
//! after the rules the ACLED and UCDP importers already know; a name none of them knows falls to
//! "Other named groups", "Other" or no governorate.

use super::acled_actors::actor_for_name;
use super::acled_fields;
use crate::core::vocab::{Actor, EventKind, Governorate};

/// Words of actor names as monitors write them, in English and Arabic, with the broad actor
/// each says; the first found in the lower-cased name wins.
const ACTOR_WORDS: &[(&str, Actor)] = &[
    ("russia", Actor::Russia),
    ("روس", Actor::Russia),
    ("hezbollah", Actor::Hezbollah),
    ("حزب الله", Actor::Hezbollah),
    ("iranian-backed", Actor::IranBacked),
    ("iran", Actor::Iran),
    ("إيران", Actor::Iran),
    ("ايران", Actor::Iran),
    ("إيراني", Actor::Iran),
    ("coalition", Actor::Coalition),
    ("التحالف", Actor::Coalition),
    ("turk", Actor::Turkey),
    ("ترك", Actor::Turkey),
    ("israel", Actor::Israel),
    ("إسرائيل", Actor::Israel),
    ("اسرائيل", Actor::Israel),
    ("islamic state", Actor::Isis),
    ("isis", Actor::Isis),
    ("isil", Actor::Isis),
    ("daesh", Actor::Isis),
    ("داعش", Actor::Isis),
    ("تنظيم الدولة", Actor::Isis),
    ("tahrir al-sham", Actor::Hts),
    ("hts", Actor::Hts),
    ("nusra", Actor::Hts),
    ("تحرير الشام", Actor::Hts),
    ("النصرة", Actor::Hts),
    ("sdf", Actor::Sdf),
    ("syrian democratic forces", Actor::Sdf),
    ("قسد", Actor::Sdf),
    ("سوريا الديمقراطية", Actor::Sdf),
    ("national defence", Actor::ProGovernmentMilitias),
    ("الدفاع الوطني", Actor::ProGovernmentMilitias),
    ("regime", Actor::SyrianGovernment),
    ("syrian army", Actor::SyrianGovernment),
    ("government forces", Actor::SyrianGovernment),
    ("النظام", Actor::SyrianGovernment),
    ("الجيش السوري", Actor::SyrianGovernment),
    ("القوات الحكومية", Actor::SyrianGovernment),
    ("free syrian army", Actor::Opposition),
    ("opposition", Actor::Opposition),
    ("المعارضة", Actor::Opposition),
    ("الجيش الحر", Actor::Opposition),
    ("unknown", Actor::Unknown),
    ("unidentified", Actor::Unknown),
    ("مجهول", Actor::Unknown),
];

/// The broad actor of a name in a reader's table: the vocabulary's own id or name, a UCDP
/// group, a name ACLED's rules know, else the first of [`ACTOR_WORDS`] it holds; "Other named
/// groups" when none.
pub fn actor_named(name: &str) -> Actor {
    let lower = name.trim().to_lowercase();
    Actor::ALL
        .iter()
        .copied()
        .find(|actor| actor.id() == lower || actor.label().to_lowercase() == lower)
        .or_else(|| super::ucdp_actors::actor_for_group(name))
        .or_else(|| actor_for_name(name).filter(|actor| *actor != Actor::Other))
        .or_else(|| {
            ACTOR_WORDS
                .iter()
                .find(|(word, _)| lower.contains(word))
                .map(|(_, actor)| *actor)
        })
        .unwrap_or(Actor::Other)
}

/// Arabic names of the governorates, as Syrian sources write them (with or without the
/// article, and "محافظة" before it removed by [`governorate_named`]).
const ARABIC_GOVERNORATES: [(&str, Governorate); 14] = [
    ("دمشق", Governorate::Damascus),
    ("حلب", Governorate::Aleppo),
    ("ريف دمشق", Governorate::RifDimashq),
    ("حمص", Governorate::Homs),
    ("حماة", Governorate::Hama),
    ("اللاذقية", Governorate::Latakia),
    ("إدلب", Governorate::Idlib),
    ("الحسكة", Governorate::AlHasakah),
    ("دير الزور", Governorate::DeirEzZor),
    ("طرطوس", Governorate::Tartus),
    ("الرقة", Governorate::ArRaqqah),
    ("درعا", Governorate::Daraa),
    ("السويداء", Governorate::AsSuwayda),
    ("القنيطرة", Governorate::Quneitra),
];

/// The governorate a cell names: any spelling ACLED, UCDP or the gazetteer use, or its Arabic
/// name (hamza and tāʾ marbūṭa variants, "محافظة" before it, do not matter).
pub fn governorate_named(text: &str) -> Option<Governorate> {
    if text.is_empty() {
        return None;
    }
    acled_fields::governorate(text)
        .or_else(|| super::ucdp_fields::governorate_of_adm1(text))
        .or_else(|| {
            let key = arabic_key(text.trim().trim_start_matches("محافظة").trim());
            ARABIC_GOVERNORATES
                .iter()
                .find(|(name, _)| arabic_key(name) == key)
                .map(|(_, governorate)| *governorate)
        })
}

/// Arabic text reduced to compare spellings: alef forms as bare alef, tāʾ marbūṭa as hāʾ, alef
/// maqṣūra as yāʾ, diacritics and tatweel removed, spaces dropped.
fn arabic_key(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'أ' | 'إ' | 'آ' => Some('ا'),
            'ة' => Some('ه'),
            'ى' => Some('ي'),
            '\u{064B}'..='\u{0652}' | 'ـ' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
}

/// Words of a table's incident types, in order, with the broad kind each says. The first
/// found in the lower-cased type wins: "barrel bomb airstrike" is a barrel bomb.
const KIND_WORDS: &[(&str, EventKind)] = &[
    ("chemical", EventKind::ChemicalAttack),
    ("chlorine", EventKind::ChemicalAttack),
    ("sarin", EventKind::ChemicalAttack),
    ("كيما", EventKind::ChemicalAttack),
    ("barrel", EventKind::BarrelBomb),
    ("برميل", EventKind::BarrelBomb),
    ("براميل", EventKind::BarrelBomb),
    ("guided", EventKind::GuidedMissile),
    ("atgm", EventKind::GuidedMissile),
    ("صاروخ موجه", EventKind::GuidedMissile),
    ("airdrop", EventKind::Airdrop),
    ("air drop", EventKind::Airdrop),
    ("airstrike", EventKind::Airstrike),
    ("air strike", EventKind::Airstrike),
    ("air raid", EventKind::Airstrike),
    ("air/drone", EventKind::Airstrike),
    ("aerial", EventKind::Airstrike),
    ("drone", EventKind::Airstrike),
    ("warplane", EventKind::Airstrike),
    ("helicopter", EventKind::Airstrike),
    ("bombing raid", EventKind::Airstrike),
    ("غارة", EventKind::Airstrike),
    ("غارات", EventKind::Airstrike),
    ("طيران", EventKind::Airstrike),
    ("جوي", EventKind::Airstrike),
    ("rocket", EventKind::RocketAttack),
    ("missile", EventKind::RocketAttack),
    ("صاروخ", EventKind::RocketAttack),
    ("صواريخ", EventKind::RocketAttack),
    ("shell", EventKind::Shelling),
    ("artillery", EventKind::Shelling),
    ("mortar", EventKind::Shelling),
    ("قصف", EventKind::Shelling),
    ("مدفع", EventKind::Shelling),
    ("ied", EventKind::Ied),
    ("car bomb", EventKind::Ied),
    ("explosive", EventKind::Ied),
    ("landmine", EventKind::Ied),
    ("land mine", EventKind::Ied),
    ("عبوة", EventKind::Ied),
    ("مفخخ", EventKind::Ied),
    ("لغم", EventKind::Ied),
    ("انفجار", EventKind::Ied),
    ("patrol", EventKind::JointPatrol),
    ("دورية", EventKind::JointPatrol),
    ("arrest", EventKind::RaidArrest),
    ("detention", EventKind::RaidArrest),
    ("raid", EventKind::RaidArrest),
    ("اعتقال", EventKind::RaidArrest),
    ("مداهمة", EventKind::RaidArrest),
    ("clash", EventKind::GroundAttack),
    ("battle", EventKind::GroundAttack),
    ("ground", EventKind::GroundAttack),
    ("armed attack", EventKind::GroundAttack),
    ("shooting", EventKind::GroundAttack),
    ("اشتباك", EventKind::GroundAttack),
    ("هجوم", EventKind::GroundAttack),
    ("ceasefire", EventKind::CeasefireAgreement),
    ("agreement", EventKind::CeasefireAgreement),
    ("هدنة", EventKind::CeasefireAgreement),
    ("اتفاق", EventKind::CeasefireAgreement),
];

/// The broad kind of a table's incident type: the vocabulary's own id or name, an ACLED
/// sub-event type, else the first of [`KIND_WORDS`] it holds; "Other" when none.
pub fn kind_of(text: &str) -> EventKind {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return EventKind::Other;
    }
    EventKind::ALL
        .iter()
        .copied()
        .find(|kind| kind.id() == lower || kind.label().to_lowercase() == lower)
        .or_else(|| acled_fields::kind(text))
        .or_else(|| {
            KIND_WORDS
                .iter()
                .find(|(word, _)| lower.contains(word))
                .map(|(_, kind)| *kind)
        })
        .unwrap_or(EventKind::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn governorates_are_found_in_either_script() {
        assert_eq!(governorate_named("Idleb"), Some(Governorate::Idlib));
        assert_eq!(governorate_named("ادلب"), Some(Governorate::Idlib));
        assert_eq!(governorate_named("محافظة حماه"), Some(Governorate::Hama));
        assert_eq!(governorate_named("ريف دمشق"), Some(Governorate::RifDimashq));
        assert_eq!(governorate_named("Hatay"), None);
    }

    #[test]
    fn actors_come_from_their_names_in_either_script() {
        assert_eq!(actor_named("Russian forces"), Actor::Russia);
        assert_eq!(actor_named("Government of Syria"), Actor::SyrianGovernment);
        assert_eq!(
            actor_named("Military Forces of Syria (2000-2024)"),
            Actor::SyrianGovernment
        );
        assert_eq!(actor_named("قوات النظام"), Actor::SyrianGovernment);
        assert_eq!(actor_named("الطيران الروسي"), Actor::Russia);
        assert_eq!(actor_named("Unknown"), Actor::Unknown);
        assert_eq!(actor_named("Liwa al-Quds"), Actor::PalestinianFactions);
        assert_eq!(actor_named("Village guard of Kafr Nabl"), Actor::Other);
    }

    #[test]
    fn kinds_come_from_the_types_words() {
        assert_eq!(kind_of("Airstrike"), EventKind::Airstrike);
        assert_eq!(kind_of("Barrel bomb airstrike"), EventKind::BarrelBomb);
        assert_eq!(kind_of("Air/drone strike"), EventKind::Airstrike);
        assert_eq!(kind_of("قصف مدفعي"), EventKind::Shelling);
        assert_eq!(kind_of("غارة جوية"), EventKind::Airstrike);
        assert_eq!(kind_of("Protest"), EventKind::Other);
        assert_eq!(kind_of(""), EventKind::Other);
    }
}
