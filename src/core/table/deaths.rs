//! The deaths rule: how an event's casualty entries become the table's deaths (low, best,
//! high), civilians, children, women and combatants killed, and its casualty flags. Every count
//! reads the columns these fill (totals, timeline, bars, composition, map, figure comparisons,
//! export), so this is the one place a death is counted.

use super::{CHILD_KILLED_ANY, CIVILIAN_KILLED_ANY, INJURED_ANY, KILLED_ANY, WOMAN_KILLED_ANY};
use crate::core::model::{Casualty, Event};
use crate::core::vocab::{CasualtyGroup, Outcome};

/// Deaths of one event as the table stores them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Deaths {
    pub(super) low: u64,
    pub(super) best: u64,
    pub(super) high: u64,
}

fn killed(casualties: &[Casualty]) -> impl Iterator<Item = &Casualty> {
    casualties.iter().filter(|c| c.outcome == Outcome::Killed)
}

/// Whether the record gives a number of deaths: an entry of people killed with a best estimate,
/// 0 included. "Several killed" gives none, and neither does a milestone (never counted). An
/// event without one counts 0 toward every total, which is a lower bound, not a figure: the
/// export leaves its deaths empty.
pub fn states_deaths(event: &Event) -> bool {
    !event.kind.is_milestone() && killed(&event.casualties).any(|c| c.best.is_some())
}

/// Whether the record gives its deaths only as a lower bound: the entry of everyone killed that
/// decides its deaths (as the table reads them), or else one of the groups summed, gives a
/// number qualified "at least" or "over" with no higher estimate (every ACLED event with
/// fatalities: ACLED counts deaths conservatively). Its deaths' high is then that bound, no
/// upper limit.
pub fn states_deaths_at_least(event: &Event) -> bool {
    let lower_bound =
        |c: &&Casualty| c.best.is_some() && c.high.is_none() && c.qualifier.is_lower_bound();
    if !states_deaths(event) {
        return false;
    }
    let total =
        killed(&event.casualties).find(|c| c.group == CasualtyGroup::All && c.best.is_some());
    match total {
        Some(total) => lower_bound(&total),
        None => killed(&event.casualties).any(|c| lower_bound(&c)),
    }
}

/// Whether the record gives a number of civilians killed: a UCDP event (GED's
/// `deaths_civilians`, stated for every event, 0 included, though a 0 is not written as an
/// entry), or an entry for civilians, or for a group counted inside them (children,
/// women...), with a best estimate, 0 included. An ACLED event (its `fatalities` do not say
/// who) gives none.
pub fn states_civilians_killed(event: &Event) -> bool {
    !event.kind.is_milestone()
        && (event.ucdp.is_some()
            || killed(&event.casualties).any(|c| {
                c.best.is_some() && (c.group == CasualtyGroup::Civilians || c.group.is_subgroup())
            }))
}

/// The deaths of one event, best estimates, as every count reads them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Killed {
    pub(super) deaths: Deaths,
    pub(super) civilians: Deaths,
    pub(super) children: u64,
    pub(super) women: u64,
    /// Combatants and ISIS members.
    pub(super) combatants: u64,
}

/// Low, best and high of the killed entries of `group` (a missing low or high is the best).
fn group_deaths(casualties: &[Casualty], group: CasualtyGroup) -> Deaths {
    killed(casualties)
        .filter(|c| c.group == group)
        .fold(Deaths::default(), |sum, c| {
            let best = c.best.unwrap_or(0);
            Deaths {
                low: sum.low.saturating_add(c.low.unwrap_or(best)),
                best: sum.best.saturating_add(best),
                high: sum.high.saturating_add(c.high.unwrap_or(best)),
            }
        })
}

fn plus(a: Deaths, b: Deaths) -> Deaths {
    Deaths {
        low: a.low.saturating_add(b.low),
        best: a.best.saturating_add(b.best),
        high: a.high.saturating_add(b.high),
    }
}

fn larger(a: Deaths, b: Deaths) -> Deaths {
    Deaths {
        low: a.low.max(b.low),
        best: a.best.max(b.best),
        high: a.high.max(b.high),
    }
}

/// The deaths rule, one for every count (totals, timeline, bars, composition, map, figure
/// comparisons and export all read the columns it fills):
///
/// - **Civilians** are the civilians entries, or, when the civilian subgroups (children,
///   women, medical personnel, civil defence, media workers) add up to more, what the
///   subgroups prove: "three children killed" are at least three civilians killed. As a lower
///   bound that never says more than the source: children plus the largest of the adult
///   subgroups (a woman may also be a medic; a child is neither).
/// - **Deaths**: a total over everyone (UCDP's low/best/high) wins when it has a number.
///   Otherwise the groups that do not overlap are summed: civilians as above, combatants, ISIS
///   members, prisoners, people of unknown status and unqualified "people". Civilians known
///   only from subgroups are read as part of a numbered "people" entry when there is one
///   ("200 people, women and children among them"), so they are not added to it twice.
pub(super) fn killed_of(casualties: &[Casualty]) -> Killed {
    use CasualtyGroup as G;
    let of = |group| group_deaths(casualties, group);
    let children = of(G::Children);
    let adults = [
        G::Women,
        G::MedicalPersonnel,
        G::CivilDefence,
        G::MediaWorkers,
    ]
    .into_iter()
    .map(of)
    .fold(Deaths::default(), larger);
    let stated = of(G::Civilians);
    let civilians = larger(stated, plus(children, adults));
    let combatants = plus(of(G::Combatants), of(G::IsisMembers));
    let has_number = |group| killed(casualties).any(|c| c.group == group && c.best.is_some());

    let total = killed(casualties)
        .filter(|c| c.group == G::All)
        .find_map(|c| c.best.map(|best| (c, best)));
    let deaths = match total {
        Some((casualty, best)) => Deaths {
            low: casualty.low.unwrap_or(best),
            best,
            high: casualty.high.unwrap_or(best),
        },
        None => {
            let others = [G::Prisoners, G::People, G::Unknown]
                .into_iter()
                .map(of)
                .fold(combatants, plus);
            let civilians_counted = if has_number(G::People) {
                stated
            } else {
                civilians
            };
            plus(others, civilians_counted)
        }
    };
    Killed {
        deaths,
        civilians,
        children: children.best,
        women: of(G::Women).best,
        combatants: combatants.best,
    }
}

/// The casualty flags of an event's entries ([`KILLED_ANY`], [`CIVILIAN_KILLED_ANY`], ...).
pub(super) fn flags_of(casualties: &[Casualty]) -> u8 {
    casualties.iter().fold(0u8, |flags, c| {
        // "Left no civilian casualties" is recorded as an explicit 0: it must not make the event
        // match "at least one civilian killed". An unnumbered "others" (best None) does.
        if c.best == Some(0) {
            return flags;
        }
        let mut bits = 0;
        match c.outcome {
            Outcome::Killed => {
                bits |= KILLED_ANY;
                // Children, women, medics, rescuers and journalists are counted as civilians
                // (that is what makes them subgroups), so their deaths are civilian deaths.
                if c.group == CasualtyGroup::Civilians || c.group.is_subgroup() {
                    bits |= CIVILIAN_KILLED_ANY;
                }
                if c.group == CasualtyGroup::Children {
                    bits |= CHILD_KILLED_ANY;
                }
                if c.group == CasualtyGroup::Women {
                    bits |= WOMAN_KILLED_ANY;
                }
            }
            Outcome::Injured => bits |= INJURED_ANY,
            _ => {}
        }
        flags | bits
    })
}
