//! The groups that add up rows with integer sums: the headline totals, the bars by actor,
//! kind and governorate, and the composition of the dead. Each is a [`Reduce`]: one row's
//! contribution, summed over the rows given or, when most rows are given, taken from the
//! whole table's sums ([`crate::core::baseline`]). Sums are integers, wrapping, so both ways
//! give the same numbers.

use super::bar_keys::BarKeys;
use super::{cell, Metric, Values};
use crate::core::baseline::{sum_all, sum_rows, Reduce};
use crate::core::table::WOMAN_KILLED_ANY;
use crate::core::table::{
    EventTable, CHILD_KILLED_ANY, CIVILIANS_STATED, DEATHS_AT_LEAST, DEATHS_STATED,
};
use crate::core::vocab::{Actor, EventKind, Governorate};

/// Headline numbers over the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Every row given, milestones included: the length of the list the totals head.
    pub events: u32,
    /// How many of `events` are milestones (agreements, ceasefires, political events): listed,
    /// but never counted as incidents by the charts, the map or a figure comparison.
    pub milestones: u32,
    pub deaths_low: u64,
    pub deaths_best: u64,
    pub deaths_high: u64,
    pub civilians_killed: u64,
    /// Events counted (milestones aside) whose record gives no number of deaths: they add 0 to
    /// the sums above, which are then a lower bound.
    pub without_deaths: u32,
    /// Events counted whose record gives no number of civilians killed (an ACLED event).
    pub without_civilians: u32,
    /// Events counted whose record gives its deaths only as a lower bound ("at least": every
    /// ACLED event with fatalities): `deaths_high` is no upper limit where there are any.
    pub deaths_at_least: u32,
    /// Events counted whose source gives a best estimate outside its own low–high range (UCDP
    /// does for about a hundred Syrian events: ucdp:219459 is low 177, best 142, high 177), so
    /// the summed best estimate may fall outside the summed range.
    pub best_outside_range: u32,
}

impl Totals {
    /// Events counted toward deaths: every row but the milestones.
    pub fn counted(&self) -> u32 {
        self.events.saturating_sub(self.milestones)
    }
}

/// The totals' reducer: the deaths columns summed, milestones and missing numbers counted.
pub struct TotalsOf<'a> {
    table: &'a EventTable,
    values: Values<'a>,
}

impl<'a> TotalsOf<'a> {
    /// The totals' reducer over rows of `table`.
    pub(crate) fn new(table: &'a EventTable) -> TotalsOf<'a> {
        TotalsOf {
            table,
            values: Values::new(table, Metric::Events),
        }
    }
}

impl Reduce for TotalsOf<'_> {
    type Sums = Totals;

    fn zero(&self) -> Totals {
        Totals::default()
    }

    fn add(&self, totals: &mut Totals, row: usize) {
        let table = self.table;
        let at = |column: &[u32]| cell(column, row);
        // Milestones carry zero deaths in the table, so plain sums already leave them out.
        totals.deaths_low = totals.deaths_low.wrapping_add(at(&table.deaths_low));
        totals.deaths_best = totals.deaths_best.wrapping_add(at(&table.deaths_best));
        totals.deaths_high = totals.deaths_high.wrapping_add(at(&table.deaths_high));
        totals.civilians_killed = totals
            .civilians_killed
            .wrapping_add(at(&table.civilians_killed));
        if self.values.is_milestone(row) {
            totals.milestones = totals.milestones.wrapping_add(1);
        } else if let Some(&flags) = table.flags.get(row) {
            let without_deaths = u32::from(flags & DEATHS_STATED == 0);
            let without_civilians = u32::from(flags & CIVILIANS_STATED == 0);
            totals.without_deaths = totals.without_deaths.wrapping_add(without_deaths);
            totals.without_civilians = totals.without_civilians.wrapping_add(without_civilians);
            let at_least = u32::from(flags & DEATHS_AT_LEAST != 0);
            totals.deaths_at_least = totals.deaths_at_least.wrapping_add(at_least);
            let best = at(&table.deaths_best);
            let outside = u32::from(best < at(&table.deaths_low) || best > at(&table.deaths_high));
            totals.best_outside_range = totals.best_outside_range.wrapping_add(outside);
        }
    }

    fn remove(&self, whole: &Totals, part: &Totals) -> Totals {
        Totals {
            events: whole.events.wrapping_sub(part.events),
            milestones: whole.milestones.wrapping_sub(part.milestones),
            deaths_low: whole.deaths_low.wrapping_sub(part.deaths_low),
            deaths_best: whole.deaths_best.wrapping_sub(part.deaths_best),
            deaths_high: whole.deaths_high.wrapping_sub(part.deaths_high),
            civilians_killed: whole.civilians_killed.wrapping_sub(part.civilians_killed),
            without_deaths: whole.without_deaths.wrapping_sub(part.without_deaths),
            without_civilians: whole.without_civilians.wrapping_sub(part.without_civilians),
            deaths_at_least: whole.deaths_at_least.wrapping_sub(part.deaths_at_least),
            best_outside_range: whole
                .best_outside_range
                .wrapping_sub(part.best_outside_range),
        }
    }
}

/// The totals of `rows`, in one pass over their columns.
pub fn totals(table: &EventTable, rows: &[u32]) -> Totals {
    totals_from(table, rows, |reduce| {
        sum_rows(reduce, None, table.len(), rows)
    })
}

/// The totals of `rows`, their sums made by `sum` with the totals' reducer (the sums over
/// `rows`, made however the caller can: [`crate::core::baseline::Baseline`]).
pub(crate) fn totals_from(
    table: &EventTable,
    rows: &[u32],
    sum: impl FnOnce(&TotalsOf<'_>) -> Totals,
) -> Totals {
    let reduce = TotalsOf::new(table);
    Totals {
        // Every row given, even one out of range (which adds nothing else).
        events: u32::try_from(rows.len()).unwrap_or(u32::MAX),
        ..sum(&reduce)
    }
}

/// A bar chart's dimension: what its bars are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// A bar per actor named in any role (an event counts for each).
    Actor,
    /// A bar per event kind (one each).
    Kind,
    /// A bar per governorate among the event's places (an event counts for each).
    Governorate,
}

impl Group {
    /// Every group, in [`Group::index`] order.
    pub const ALL: [Group; 3] = [Group::Actor, Group::Kind, Group::Governorate];

    /// Its position in [`Group::ALL`].
    pub fn index(self) -> usize {
        match self {
            Group::Actor => 0,
            Group::Kind => 1,
            Group::Governorate => 2,
        }
    }

    /// How many bars it can have: the size of its vocabulary.
    pub fn members(self) -> usize {
        match self {
            Group::Actor => Actor::ALL.len(),
            Group::Kind => EventKind::ALL.len(),
            Group::Governorate => Governorate::ALL.len(),
        }
    }
}

/// A bar chart's reducer: the metric's value added to each member the row has.
pub struct GroupOf<'a> {
    table: &'a EventTable,
    group: Group,
    values: Values<'a>,
    /// The table's bar keys, when the sums are kept per key rather than per byte.
    keys: Option<&'a BarKeys>,
}

impl<'a> GroupOf<'a> {
    /// How `group` adds up rows of `table` under `metric`: per key of `keys` when given (the
    /// keys of every row of `table`), else per byte of the rows' member masks.
    fn new(
        table: &'a EventTable,
        group: Group,
        metric: Metric,
        keys: Option<&'a BarKeys>,
    ) -> GroupOf<'a> {
        GroupOf {
            table,
            group,
            values: Values::new(table, metric),
            keys: keys.filter(|keys| keys.cover(table)),
        }
    }
}

/// A group's running sums, kept per set of members rather than per member, and read per
/// member by [`GroupOf::members`].
///
/// With the table's [`BarKeys`], a bin per key: the sum of the values of the rows with that
/// key (milestones included; their keys are left out when the sums are read). Otherwise, for
/// each byte position of the members' mask (the kind's index for [`Group::Kind`]) and each
/// value that byte takes, the sum of the rows' values (milestones adding 0). Either way adding
/// a row has no branch on how many members it has, and the per-member sums are wrapping
/// integer sums of the same terms as adding each row's value to each of its members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSums {
    group: Group,
    /// A bin per key, or 256 bins per byte position, position after position.
    bins: Vec<u64>,
}

/// How many bytes of a row's member mask `group` reads: its members, eight a byte.
fn mask_bytes(group: Group) -> usize {
    match group {
        Group::Kind => 1,
        Group::Actor | Group::Governorate => group.members().div_ceil(8),
    }
}

impl GroupSums {
    /// The sums per member, in vocabulary order, of bins per byte position.
    fn members_of_bytes(&self) -> Vec<u64> {
        let mut sums = vec![0u64; self.group.members()];
        for (position, bins) in self.bins.chunks(256).enumerate() {
            for (byte, &sum) in bins.iter().enumerate().filter(|(_, &sum)| sum != 0) {
                if self.group == Group::Kind {
                    if let Some(member) = sums.get_mut(byte) {
                        *member = member.wrapping_add(sum);
                    }
                    continue;
                }
                for bit in (0..8).filter(|bit| byte >> bit & 1 == 1) {
                    if let Some(member) = sums.get_mut(position * 8 + bit) {
                        *member = member.wrapping_add(sum);
                    }
                }
            }
        }
        sums
    }
}

impl GroupOf<'_> {
    /// The sums per member of `sums`, in vocabulary order.
    pub fn members(&self, sums: &GroupSums) -> Vec<u64> {
        let Some(keys) = self.keys else {
            return sums.members_of_bytes();
        };
        let mut members = vec![0u64; self.group.members()];
        let mut add = |member: usize, sum: u64| {
            if let Some(total) = members.get_mut(member) {
                *total = total.wrapping_add(sum);
            }
        };
        for (key, &sum) in sums.bins.iter().enumerate().filter(|(_, &sum)| sum != 0) {
            let Some(set) = keys.set(key) else { continue };
            // A milestone's value is 0: its rows were summed only for want of a branch.
            if self.values.is_milestone_kind(set.kind) {
                continue;
            }
            match self.group {
                Group::Kind => add(usize::from(set.kind), sum),
                Group::Actor => for_bits(set.actors, |member| add(member, sum)),
                Group::Governorate => {
                    for_bits(u32::from(set.governorates), |member| add(member, sum));
                }
            }
        }
        members
    }
}

/// Calls `each` with the index of every set bit of `mask`, lowest first.
pub(crate) fn for_bits(mut mask: u32, mut each: impl FnMut(usize)) {
    while mask != 0 {
        each(mask.trailing_zeros() as usize);
        mask &= mask - 1;
    }
}

impl Reduce for GroupOf<'_> {
    type Sums = GroupSums;

    fn zero(&self) -> GroupSums {
        let bins = match self.keys {
            Some(keys) => keys.len(),
            None => 256 * mask_bytes(self.group),
        };
        GroupSums {
            group: self.group,
            bins: vec![0; bins],
        }
    }

    fn add(&self, sums: &mut GroupSums, row: usize) {
        if let Some(keys) = self.keys {
            // One addition to the row's key; a milestone's is left out when the sums are read.
            let bin = keys.of(row).and_then(|key| sums.bins.get_mut(key));
            if let Some(bin) = bin {
                *bin = bin.wrapping_add(self.values.count_any(row));
            }
            return;
        }
        let value = self.values.count(row);
        let mask = match self.group {
            Group::Actor => self.table.actors_any.get(row).copied().unwrap_or(0),
            Group::Governorate => u32::from(self.table.governorates.get(row).copied().unwrap_or(0)),
            Group::Kind => match self.table.kind.get(row) {
                Some(&kind) => u32::from(kind),
                None => return,
            },
        };
        for (position, bins) in (0u32..).zip(sums.bins.chunks_mut(256)) {
            let byte = mask.checked_shr(8 * position).unwrap_or(0) & 0xFF;
            if let Some(bin) = bins.get_mut(byte as usize) {
                *bin = bin.wrapping_add(value);
            }
        }
    }

    fn remove(&self, whole: &GroupSums, part: &GroupSums) -> GroupSums {
        GroupSums {
            group: self.group,
            bins: whole
                .bins
                .iter()
                .zip(&part.bins)
                .map(|(&w, &p)| w.wrapping_sub(p))
                .collect(),
        }
    }
}

/// The sums of `group` under `metric` over some rows, per member in vocabulary order, from
/// what `sum` makes of them with the group's reducer (summed per byte of the members' masks;
/// the keyed way is [`key_reducer`]'s).
pub(crate) fn group_from(
    table: &EventTable,
    group: Group,
    metric: Metric,
    sum: impl FnOnce(&GroupOf<'_>) -> GroupSums,
) -> Vec<u64> {
    let reduce = GroupOf::new(table, group, metric, None);
    reduce.members(&sum(&reduce))
}

/// The reducer of the sums per key of `keys` (the keys of every row of `table`) under
/// `metric`, as [`GroupOf::members`] shares them among a chart's members. They are the same
/// for every [`Group`]: each chart adds a row's value to the row's key, and only
/// [`members_of_keys`] differs. `None` when `keys` are not `table`'s.
pub(crate) fn key_reducer<'a>(
    table: &'a EventTable,
    metric: Metric,
    keys: &'a BarKeys,
) -> Option<GroupOf<'a>> {
    // Any group: with keys, how a row is added does not depend on it.
    let reduce = GroupOf::new(table, Group::Kind, metric, Some(keys));
    reduce.keys.is_some().then_some(reduce)
}

/// The sums of `group` under `metric` per member in vocabulary order, from `sums` per key of
/// `keys` ([`key_reducer`]); `None` when `keys` are not `table`'s.
pub(crate) fn members_of_keys(
    table: &EventTable,
    group: Group,
    metric: Metric,
    keys: &BarKeys,
    sums: &GroupSums,
) -> Option<Vec<u64>> {
    let reduce = GroupOf::new(table, group, metric, Some(keys));
    reduce.keys?;
    Some(reduce.members(sums))
}

/// The sums of `group` under `metric` over every row of `table`, per member in vocabulary
/// order: `whole`'s when it gives them, else summed (per byte, as in [`group_from`]).
pub(crate) fn group_of_all_from<'w>(
    table: &EventTable,
    group: Group,
    metric: Metric,
    whole: impl FnOnce(&GroupOf<'_>) -> Option<&'w GroupSums>,
) -> Vec<u64> {
    let reduce = GroupOf::new(table, group, metric, None);
    match whole(&reduce) {
        Some(sums) => reduce.members(sums),
        None => reduce.members(&sum_all(&reduce, table.len())),
    }
}

/// The sums of `group` under `metric` over `rows`, per member in vocabulary order (what
/// [`ranked`] makes bars of), in one pass over the rows.
pub fn group_sums(table: &EventTable, rows: &[u32], group: Group, metric: Metric) -> Vec<u64> {
    group_from(table, group, metric, |reduce| {
        sum_rows(reduce, None, table.len(), rows)
    })
}

/// The bars of `members` from their sums (vocabulary order): sorted descending by value (ties
/// in vocabulary order), zeros dropped. Sums past 2^53 round to the nearest `f64`.
pub fn ranked<T: Copy>(members: &[T], sums: &[u64]) -> Vec<(T, f64)> {
    let mut ranked: Vec<(T, f64)> = members
        .iter()
        .copied()
        .zip(sums)
        .filter(|(_, &v)| v > 0)
        .map(|(member, &v)| (member, v as f64))
        .collect();
    // Stable sort keeps vocabulary order among equal values.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
}

/// Value per actor. An event counts in full for every actor it names, in any role, so these
/// bars overlap and do not add up to the total, unlike the stacked timeline, where each event
/// sits under one actor only.
pub fn by_actor(table: &EventTable, rows: &[u32], metric: Metric) -> Vec<(Actor, f64)> {
    let sums = group_sums(table, rows, Group::Actor, metric);
    ranked(Actor::ALL, &sums)
}

/// Value per event kind; each event has one kind, so these bars add up to the total.
pub fn by_kind(table: &EventTable, rows: &[u32], metric: Metric) -> Vec<(EventKind, f64)> {
    let sums = group_sums(table, rows, Group::Kind, metric);
    ranked(EventKind::ALL, &sums)
}

/// Value per governorate. An event counts in full for every governorate among its places, so,
/// like the actor bars, these can overlap.
pub fn by_governorate(table: &EventTable, rows: &[u32], metric: Metric) -> Vec<(Governorate, f64)> {
    let sums = group_sums(table, rows, Group::Governorate, metric);
    ranked(Governorate::ALL, &sums)
}

/// Who the dead were, best estimates summed over the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Composition {
    pub children: u64,
    pub women: u64,
    /// Civilians neither counted as children nor as women.
    pub other_civilians: u64,
    pub combatants: u64,
    /// Deaths not attributed to civilians or combatants.
    pub unknown: u64,
    /// Events that say children were killed without giving a number: in no count above.
    pub children_without_number: u64,
    /// Events that say women were killed without giving a number: in no count above.
    pub women_without_number: u64,
}

/// The composition's reducer. The differences are taken per event and floored at zero there,
/// so one event whose parts exceed its stated total cannot eat into another event's share.
pub struct CompositionOf<'a> {
    table: &'a EventTable,
}

impl<'a> CompositionOf<'a> {
    /// The composition's reducer over rows of `table`.
    pub(crate) fn new(table: &'a EventTable) -> CompositionOf<'a> {
        CompositionOf { table }
    }
}

impl Reduce for CompositionOf<'_> {
    type Sums = Composition;

    fn zero(&self) -> Composition {
        Composition::default()
    }

    fn add(&self, sum: &mut Composition, row: usize) {
        let table = self.table;
        let at = |column: &[u32]| cell(column, row);
        let children = at(&table.children_killed);
        let women = at(&table.women_killed);
        let civilians = at(&table.civilians_killed);
        let combatants = at(&table.combatants_killed);
        let best = at(&table.deaths_best);
        let flags = table.flags.get(row).copied().unwrap_or(0);
        let said_without_number = |bit: u8, count: u64| u64::from(flags & bit != 0 && count == 0);
        sum.children = sum.children.wrapping_add(children);
        sum.women = sum.women.wrapping_add(women);
        sum.other_civilians = sum
            .other_civilians
            .wrapping_add(civilians.saturating_sub(children + women));
        sum.combatants = sum.combatants.wrapping_add(combatants);
        sum.unknown = sum
            .unknown
            .wrapping_add(best.saturating_sub(civilians + combatants));
        sum.children_without_number = sum
            .children_without_number
            .wrapping_add(said_without_number(CHILD_KILLED_ANY, children));
        sum.women_without_number = sum
            .women_without_number
            .wrapping_add(said_without_number(WOMAN_KILLED_ANY, women));
    }

    fn remove(&self, whole: &Composition, part: &Composition) -> Composition {
        Composition {
            children: whole.children.wrapping_sub(part.children),
            women: whole.women.wrapping_sub(part.women),
            other_civilians: whole.other_civilians.wrapping_sub(part.other_civilians),
            combatants: whole.combatants.wrapping_sub(part.combatants),
            unknown: whole.unknown.wrapping_sub(part.unknown),
            children_without_number: whole
                .children_without_number
                .wrapping_sub(part.children_without_number),
            women_without_number: whole
                .women_without_number
                .wrapping_sub(part.women_without_number),
        }
    }
}

/// Who the dead among `rows` were: per event, the children and women, the other civilians
/// (civilians less both, floored at zero), the combatants and the rest of the best estimate.
pub fn composition(table: &EventTable, rows: &[u32]) -> Composition {
    composition_from(table, |reduce| sum_rows(reduce, None, table.len(), rows))
}

/// The composition of some rows, made by `sum` with the composition's reducer (the sums over
/// those rows, made however the caller can: [`crate::core::baseline::Baseline`]).
pub(crate) fn composition_from(
    table: &EventTable,
    sum: impl FnOnce(&CompositionOf<'_>) -> Composition,
) -> Composition {
    sum(&CompositionOf::new(table))
}
