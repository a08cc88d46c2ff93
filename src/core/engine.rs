//! The incremental engine: the filter's per-row marks, the cross counts and a date histogram
//! kept up to date from one filter to the next, so that a change costs what it changes.
//!
//! The ideas are crossfilter's. Rows are kept sorted by first and by last day; moving the date
//! window visits only the rows between the old and the new edge (a one-day brush touches a
//! day's rows, not the table), and only the rows whose marks changed update the counts: a row
//! counts for a dimension's options when it fails no other dimension, so the rows that came
//! to pass the date add their options where that now holds, and those that came to fail it
//! take theirs away, each list counted in one batch. The visits read rows out of order, each
//! far dearer than a row of a pass over the table, so a move that reaches more than one row
//! in [`BATCH_SHARE`] (a jump of the window) makes its lists in one pass instead, as a toggle
//! does; or, when the new window holds more than half the rows, is evaluated afresh.
//!
//! Any other dimension's change (a toggle) is one pass that recomputes that dimension's bit
//! and lists the rows that matter; that dimension's own counts stand, and every other count
//! takes the rows whose bit changed, or is counted afresh from the rows passing that
//! dimension, whichever are fewer, both in batch over the listed rows. The date histogram
//! stands through a move of the date window (it leaves the date out). Two or more dimensions
//! at once are evaluated afresh. A filter that constrains nothing (every filter cleared) takes
//! the counts kept from the first such evaluation, per actor role: a clear costs a copy. One
//! that constrains only the date takes the date histogram of every row, kept from the build.
//!
//! Everything it holds equals what [`Filter::marks`], [`cross_counts`] and [`date_counts`]
//! compute from scratch, which the tests check over random tables and random sequences of
//! filters.
//!
//! [`cross_counts`]: super::filter::cross_counts
//! [`date_counts`]: super::filter::date_counts

use super::facet::Facet;
use super::filter::counts::{counted_in, tally};
use super::filter::{
    cross_counts_wanted, date_counts, facet_counts, ActorRole, CrossCounts, DateMatch, Dimension,
    Filter, Mark, Marks,
};
use super::table::EventTable;

mod build;
mod row_classes;
use super::filter::lanes::rows_of;
pub use build::EngineBuild;
use row_classes::RowClasses;

/// Past one row in this many, a move of the date window is updated from one pass over the
/// table, as a toggle is, rather than by visiting the rows it reaches.
pub const BATCH_SHARE: usize = 32;

/// Past one row in this many visited, [`Engine::latest`] takes the passing rows from one pass
/// over the marks rather than walking on by first day.
pub const LATEST_WALK_SHARE: usize = 16;

/// How a change of one dimension other than the date updates the other dimensions' counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefreshBy {
    /// From the changed rows or afresh, whichever reads fewer rows.
    Fewer,
    /// Always afresh from the rows passing the changed dimension (for the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    Afresh,
    /// Always from the changed rows (for the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    Changes,
}

/// The engine's state for one table; every call takes that same table.
#[derive(Debug, Clone)]
pub struct Engine {
    filter: Filter,
    marks: Vec<Mark>,
    counts: CrossCounts,
    /// Per date bucket, the rows failing no dimension but the date.
    dates: Vec<u32>,
    /// Each row's date bucket (`u32::MAX`: none).
    bucket: Vec<u32>,
    /// Rows by first day, and by last day, ascending.
    by_start: Vec<u32>,
    by_end: Vec<u32>,
    /// [`BATCH_SHARE`], or 0 to visit the rows a move of the date window reaches however
    /// many they are.
    batch_share: usize,
    /// How a change of one dimension updates the counts ([`RefreshBy::Fewer`] but in tests).
    refresh_by: RefreshBy,
    /// The longest date range of a row, in days (last day minus first).
    longest: i32,
    /// Per [`Facet`], whether its cross counts are kept (all, at first): see
    /// [`Engine::want_facet`].
    wanted: [bool; Facet::COUNT],
    /// Per [`ActorRole::ALL`] index, the cross counts (every facet counted) and the date
    /// counts of a filter that constrains nothing, kept from the first such evaluation:
    /// clearing the filters then costs a copy, not a pass over the table.
    cleared: [Option<(CrossCounts, Vec<u32>)>; ActorRole::ALL.len()],
    /// Room for [`Engine::refresh`]'s lists of rows (those passing the changed dimension, or
    /// those that came to pass it and those that came to fail it), kept from one change to the
    /// next so that a toggle does not allocate them again. What they hold between changes
    /// means nothing.
    lists: [Vec<u32>; 2],
    /// Per date bucket, every row: the date counts of any filter that constrains no dimension
    /// but the date.
    every_date: Vec<u32>,
}

/// The first `rows` rows (at most `column`'s) in ascending order of their value in `column`,
/// rows of one value in row order: each row sorted as one number (the value with its sign bit
/// flipped, then the row), which is some times faster than comparing rows by their values.
fn rows_by(column: &[i32], rows: u32) -> Vec<u32> {
    let mut keys: Vec<u64> = column
        .iter()
        .zip(0..rows)
        .map(|(&value, row)| (u64::from(value as u32 ^ 0x8000_0000) << 32) | u64::from(row))
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|key| key as u32).collect()
}

impl Engine {
    /// An engine with no filter. `bucket_of` gives a row's date bucket from its first day
    /// (`None` for none), and `buckets` how many there are. [`EngineBuild`]'s stages, run at
    /// once.
    pub fn new(
        table: &EventTable,
        buckets: usize,
        bucket_of: impl Fn(i32) -> Option<usize>,
    ) -> Engine {
        EngineBuild::new(buckets, bucket_of).finish(table)
    }

    /// The filter now applied.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Applies `filter`, updating only what its changes reach.
    pub fn set_filter(&mut self, table: &EventTable, filter: Filter) {
        let old = std::mem::replace(&mut self.filter, filter);
        let changed: Vec<Dimension> = Dimension::ALL
            .iter()
            .copied()
            .filter(|&d| !same(&old, &self.filter, d))
            .collect();
        // A new actor role reads another column for the actor options, and two or more
        // dimensions at once reach most rows: both are evaluated afresh, as is a filter that
        // constrains nothing, whose counts are kept.
        let cleared = !changed.is_empty() && !constrains(&self.filter);
        if old.actor_role != self.filter.actor_role || changed.len() > 1 || cleared {
            self.rebuild(table);
            return;
        }
        match changed.first() {
            // Another way of matching dates moves no edge: every row's date is read again.
            Some(Dimension::Date) if old.date_match != self.filter.date_match => {
                self.refresh(table, Dimension::Date);
            }
            Some(Dimension::Date) => self.move_dates(table, old.date_bounds()),
            Some(&dimension) => self.refresh(table, dimension),
            None => {}
        }
    }

    /// The rows that pass every dimension, ascending.
    pub fn rows(&self) -> Vec<u32> {
        super::filter::unmarked_rows(&self.marks)
    }

    /// The rows that fail `dimension` and pass every other, ascending: what that dimension
    /// alone leaves out of the view (a pass over the marks, no row read).
    pub fn rows_failing_only(&self, dimension: Dimension) -> Vec<u32> {
        let bit = dimension.bit();
        self.marks
            .iter()
            .zip(0u32..)
            .filter(|&(&mark, _)| mark == bit)
            .map(|(_, row)| row)
            .collect()
    }

    /// Keeps the cross counts of `facet`, or stops keeping them (its counts are then empty).
    /// Counting a facet costs a pass over its values on every change that reaches many rows:
    /// the explorer keeps only the facets whose options are open on screen. Taking one up
    /// again counts it afresh from the current marks.
    pub fn want_facet(&mut self, table: &EventTable, facet: Facet, wanted: bool) {
        let at = facet.index();
        if self.wanted[at] == wanted {
            return;
        }
        self.wanted[at] = wanted;
        self.counts.facets[at] = if wanted {
            facet_counts(&self.filter, table, &self.marks, facet)
        } else {
            Vec::new()
        };
    }

    /// The cross counts of the current filter.
    pub fn cross_counts(&self) -> &CrossCounts {
        &self.counts
    }

    /// Per date bucket, the rows failing no dimension other than the date.
    pub fn date_counts(&self) -> &[u32] {
        &self.dates
    }

    /// Up to `count` passing rows, latest first day first (ties: latest last day, then the
    /// lower row), as [`super::aggregate::sorted_page`] orders them by date.
    ///
    /// Walking the rows back from the window's end by first day finds them soon when many rows
    /// pass; when few do (a rare actor in a rare kind), the walk would read most of the table
    /// out of order, a cache miss a row. Past one row in [`LATEST_WALK_SHARE`] it stops, and
    /// one pass over the marks lists the passing rows to choose from instead.
    pub fn latest(&self, table: &EventTable, count: usize) -> Vec<u32> {
        let budget = self.marks.len() / LATEST_WALK_SHARE + count;
        self.latest_walking(table, count, budget)
            .unwrap_or_else(|| self.latest_by_pass(table, count))
    }

    /// [`Engine::latest`] by walking the rows by first day; `None` once it has visited more
    /// than `budget` rows without finding `count`.
    fn latest_walking(&self, table: &EventTable, count: usize, budget: usize) -> Option<Vec<u32>> {
        let mut found: Vec<u32> = Vec::with_capacity(count);
        let start_of = |row: u32| table.start.get(row as usize).copied();
        // Rows that begin after the window fail it: start below them. Rows that begin more
        // than the longest range before it end before it: stop above them.
        let (from, to) = self.filter.date_bounds();
        let mut at = self
            .by_start
            .partition_point(|&row| start_of(row).is_none_or(|start| start <= to));
        let floor = from.saturating_sub(self.longest);
        let stop = self
            .by_start
            .partition_point(|&row| start_of(row).is_none_or(|start| start < floor));
        let mut visited = 0usize;
        while at > stop && found.len() < count {
            if visited > budget {
                return None;
            }
            // One run of rows with the same first day, passing ones sorted by the tie-break.
            let day = start_of(self.by_start[at - 1]);
            let mut run_start = at - 1;
            while run_start > stop && start_of(self.by_start[run_start - 1]) == day {
                run_start -= 1;
            }
            visited += at - run_start;
            let mut run: Vec<u32> = self.by_start[run_start..at]
                .iter()
                .copied()
                .filter(|&row| self.marks.get(row as usize) == Some(&0))
                .collect();
            run.sort_by(|&a, &b| {
                let end = |row: u32| table.end.get(row as usize).copied();
                end(b).cmp(&end(a)).then(a.cmp(&b))
            });
            found.extend(run.into_iter().take(count - found.len()));
            at = run_start;
        }
        Some(found)
    }

    /// [`Engine::latest`] from one pass over the marks: the passing rows, of which the first
    /// `count` in the order are chosen, then sorted.
    fn latest_by_pass(&self, table: &EventTable, count: usize) -> Vec<u32> {
        let mut rows = self.rows();
        let day = |column: &[i32], row: u32| column.get(row as usize).copied().unwrap_or(i32::MIN);
        let order = |&a: &u32, &b: &u32| {
            (day(&table.start, b), day(&table.end, b), a).cmp(&(
                day(&table.start, a),
                day(&table.end, a),
                b,
            ))
        };
        if rows.len() > count {
            rows.select_nth_unstable_by(count, order);
            rows.truncate(count);
        }
        rows.sort_unstable_by(order);
        rows
    }

    /// Moves the date window from `old` to the filter's, the way of matching unchanged. Only
    /// rows whose day that `to` is tested on lies between the old and new `to`, or whose day
    /// that `from` is tested on lies between the old and new `from`, can change: matching by
    /// overlap tests `to` on the first day and `from` on the last, matching within the window
    /// the other way round.
    fn move_dates(&mut self, table: &EventTable, old: (i32, i32)) {
        let window = self.filter.date_bounds();
        let (from, to) = window;
        let date_match = self.filter.date_match;
        let bit = Dimension::Date.bit();
        // The rows that came to pass the date and those that came to fail it, of those that
        // count somewhere: their counts are taken in one batch at the end, a column at a time.
        let (mut gained, mut lost) = (Vec::new(), Vec::new());
        let mut visit = |marks: &mut [Mark], row: u32| {
            let at = row as usize;
            let (Some(&start), Some(&end)) = (table.start.get(at), table.end.get(at)) else {
                return;
            };
            let fails = date_match.fails((start, end), window);
            let Some(mark) = marks.get_mut(at) else {
                return;
            };
            let before = *mark;
            let after = (before & !bit) | (Mark::from(fails) * bit);
            if after != before {
                *mark = after;
                if counted_in(after & !bit) & !bit != 0 {
                    if fails {
                        lost.push(row);
                    } else {
                        gained.push(row);
                    }
                }
            }
        };
        let (old_from, old_to) = old;
        // The index and column of the day tested on `to`, and those of the day tested on `from`.
        let (by_start, by_end) = ((&self.by_start, &table.start), (&self.by_end, &table.end));
        let ((to_index, to_column), (from_index, from_column)) = match date_match {
            DateMatch::Overlap => (by_start, by_end),
            DateMatch::Within => (by_end, by_start),
        };
        // The rows of `index` whose value in `column` is at most `edge`, and those below it.
        let up_to = |index: &[u32], column: &[i32], edge: i32| {
            index.partition_point(|&r| column.get(r as usize).is_none_or(|&v| v <= edge))
        };
        let below = |index: &[u32], column: &[i32], edge: i32| {
            index.partition_point(|&r| column.get(r as usize).is_none_or(|&v| v < edge))
        };
        // How many rows the move visits at most; past the share, update in batch.
        let reach = |index: &[u32], column: &[i32], a: i32, b: i32| {
            up_to(index, column, a.max(b)) - up_to(index, column, a.min(b).saturating_sub(1))
        };
        let visits =
            reach(to_index, to_column, old_to, to) + reach(from_index, from_column, old_from, from);
        if self.too_many(visits, table) {
            // The batch update counts the rows in the new window again; past half the table
            // (a window flipped to the other half of the years), one pass counting every row
            // at once costs less. A row may fail both `to` and `from` (matching within the
            // window), so `inside` may fall short of the rows passing: an estimate, for the
            // choice alone.
            let after = to_index.len() - up_to(to_index, to_column, to);
            let before = below(from_index, from_column, from);
            let inside = table.len().saturating_sub(after + before);
            if inside.saturating_mul(2) > table.len() {
                self.rebuild(table);
            } else {
                self.refresh(table, Dimension::Date);
            }
            return;
        }
        // Rows whose day tested on `to` is in (lo, hi] switch sides of `to`; rows whose day
        // tested on `from` is in [lo, hi) switch sides of `from`.
        let mut switched = Vec::new();
        if old_to != to {
            let (lo, hi) = (old_to.min(to), old_to.max(to));
            let first = up_to(to_index, to_column, lo);
            let last = up_to(to_index, to_column, hi);
            switched.push(to_index.get(first..last).unwrap_or_default());
        }
        if old_from != from {
            let (lo, hi) = (old_from.min(from), old_from.max(from));
            let first = below(from_index, from_column, lo);
            let last = below(from_index, from_column, hi);
            switched.push(from_index.get(first..last).unwrap_or_default());
        }
        for &row in switched.into_iter().flatten() {
            visit(&mut self.marks, row);
        }
        self.shift_counts(table, Dimension::Date, (&gained, &lost));
    }

    /// Recomputes `dimension`'s bit of every row (one pass of the filter with that dimension
    /// alone), then updates the counts from the rows that matter, without a pass over the
    /// table: `dimension`'s own counts stand (they read the other dimensions' bits, which
    /// have not changed), and every other count either takes the rows whose bit changed
    /// (added where the row now passes `dimension`, taken away where it now fails it) or is
    /// counted afresh from the rows that now pass `dimension`, whichever are fewer. Rows failing
    /// two or more other dimensions count nowhere either way, and are left out of both.
    fn refresh(&mut self, table: &EventTable, dimension: Dimension) {
        let alone = only(&self.filter, dimension);
        let fresh = alone.marks(table);
        let bit = dimension.bit();
        let classes = RowClasses::update(&mut self.marks, fresh.bits(), bit);
        let afresh = match self.refresh_by {
            RefreshBy::Fewer => classes.passing_len < classes.gained_len + classes.lost_len,
            RefreshBy::Afresh => true,
            RefreshBy::Changes => false,
        };
        // Only the lists the update reads are made, from the classes' words.
        let mut lists = std::mem::take(&mut self.lists);
        let [first, second] = &mut lists;
        if afresh {
            rows_of(&classes.passing, classes.passing_len, first);
            let counted = counted_by(&self.marks, bit);
            let counts = tally(&self.filter, table, first, counted, &self.wanted);
            let dates = self.tally_dates(first, bit);
            for other in Dimension::ALL.iter().copied().filter(|&d| d != dimension) {
                if let (Some(kept), Some(new)) = (
                    options_mut(&mut self.counts, other),
                    options(&counts, other),
                ) {
                    kept.clone_from(new);
                }
            }
            if dimension != Dimension::Date {
                self.dates = dates;
            }
        } else {
            rows_of(&classes.gained, classes.gained_len, first);
            rows_of(&classes.lost, classes.lost_len, second);
            self.shift_counts(table, dimension, (first, second));
        }
        self.lists = lists;
    }

    /// Updates the counts of every dimension but `dimension` (the date histogram included,
    /// unless `dimension` is the date) after `dimension`'s bit changed in the rows of
    /// `gained` (which came to pass it) and `lost` (which came to fail it), the marks already
    /// new: the counts of the rows of `gained` are added, those of `lost` taken away, each
    /// list counted in one batch.
    fn shift_counts(
        &mut self,
        table: &EventTable,
        dimension: Dimension,
        changed: (&[u32], &[u32]),
    ) {
        let (gained, lost) = changed;
        let bit = dimension.bit();
        let counted = counted_by(&self.marks, bit);
        let up = tally(&self.filter, table, gained, counted, &self.wanted);
        let down = tally(&self.filter, table, lost, counted, &self.wanted);
        for other in Dimension::ALL.iter().copied().filter(|&d| d != dimension) {
            if let (Some(kept), Some(up), Some(down)) = (
                options_mut(&mut self.counts, other),
                options(&up, other),
                options(&down, other),
            ) {
                shift(kept, up, down);
            }
        }
        if dimension != Dimension::Date {
            let (up_dates, down_dates) =
                (self.tally_dates(gained, bit), self.tally_dates(lost, bit));
            shift(&mut self.dates, &up_dates, &down_dates);
        }
    }

    /// Per date bucket, how many of `rows` fail no dimension but the date and `ignored` (a
    /// dimension's bit: the row counts whether it passes that dimension or not).
    fn tally_dates(&self, rows: &[u32], ignored: Mark) -> Vec<u32> {
        let mut dates = vec![0u32; self.dates.len()];
        if dates.is_empty() {
            return dates;
        }
        let others = !(Dimension::Date.bit() | ignored);
        for &row in rows {
            let row = row as usize;
            let counts = self.marks.get(row).is_some_and(|&mark| mark & others == 0);
            let bucket = self.bucket.get(row).copied().unwrap_or(u32::MAX);
            if let (true, Some(count)) = (counts, dates.get_mut(bucket as usize)) {
                *count = count.wrapping_add(1);
            }
        }
        dates
    }

    /// Whether a move of the date window reaching `rows` rows is cheaper updated in batch.
    fn too_many(&self, rows: usize, table: &EventTable) -> bool {
        self.batch_share > 0 && rows.saturating_mul(self.batch_share) > table.len()
    }

    /// Evaluates the filter afresh in batch passes: the marks, the cross counts, the dates.
    /// A filter that constrains nothing takes the counts kept from the last such evaluation.
    fn rebuild(&mut self, table: &EventTable) {
        if constrains(&self.filter) {
            let marks = self.filter.marks(table);
            self.recount(table, marks);
            return;
        }
        let role = ActorRole::ALL
            .iter()
            .position(|&role| role == self.filter.actor_role)
            .unwrap_or(0);
        self.marks.clear();
        self.marks.resize(table.len(), 0);
        let kept = match self.cleared.get_mut(role) {
            Some(Some(kept)) => kept.clone(),
            Some(slot) => {
                // Every facet counted once, so that any facet taken up later is in the copy.
                let marks = Marks::from_bits(vec![0; table.len()]);
                let counts =
                    cross_counts_wanted(&self.filter, table, &marks, &[true; Facet::COUNT]);
                slot.insert((counts, self.every_date.clone())).clone()
            }
            None => {
                let marks = self.filter.marks(table);
                self.recount(table, marks);
                return;
            }
        };
        (self.counts, self.dates) = kept;
        for facet in Facet::ALL {
            if !self.wanted[facet.index()] {
                self.counts.facets[facet.index()] = Vec::new();
            }
        }
    }

    /// Takes `marks` as the rows' marks and counts them afresh, in batch passes.
    fn recount(&mut self, table: &EventTable, marks: Marks) {
        self.counts = cross_counts_wanted(&self.filter, table, &marks, &self.wanted);
        let dates_alone = Dimension::ALL
            .iter()
            .all(|&d| d == Dimension::Date || !self.filter.is_active(d));
        if dates_alone && self.every_date.len() == self.dates.len() {
            // Every row fails nothing but the date (a window jumped, no other filter).
            self.dates.clone_from(&self.every_date);
        } else if !self.dates.is_empty() {
            let bucket = &self.bucket;
            self.dates = date_counts(&marks, self.dates.len(), |row| {
                bucket.get(row).map(|&b| b as usize)
            });
        }
        self.marks = marks.into_bits();
    }
}

/// Per row of `marks`, the dimensions other than the one of `bit` that it counts for.
fn counted_by(marks: &[Mark], bit: Mark) -> impl Fn(usize) -> Mark + Copy + '_ {
    move |row| counted_in(marks.get(row).map_or(Mark::MAX, |&m| m & !bit)) & !bit
}

/// The counts of `dimension`'s options in `counts`; `None` for the date and the text, which
/// have none.
fn options(counts: &CrossCounts, dimension: Dimension) -> Option<&Vec<u32>> {
    match dimension {
        Dimension::Actor => Some(&counts.actor),
        Dimension::Kind => Some(&counts.kind),
        Dimension::Governorate => Some(&counts.governorate),
        Dimension::Collection => Some(&counts.collection),
        Dimension::Publisher => Some(&counts.publisher),
        Dimension::Casualty => Some(&counts.casualty),
        Dimension::Date | Dimension::Text => None,
        Dimension::Party
        | Dimension::EventType
        | Dimension::District
        | Dimension::Place
        | Dimension::Source => dimension
            .facet()
            .and_then(|facet| counts.facets.get(facet.index())),
    }
}

/// [`options`], to change.
fn options_mut(counts: &mut CrossCounts, dimension: Dimension) -> Option<&mut Vec<u32>> {
    match dimension {
        Dimension::Actor => Some(&mut counts.actor),
        Dimension::Kind => Some(&mut counts.kind),
        Dimension::Governorate => Some(&mut counts.governorate),
        Dimension::Collection => Some(&mut counts.collection),
        Dimension::Publisher => Some(&mut counts.publisher),
        Dimension::Casualty => Some(&mut counts.casualty),
        Dimension::Date | Dimension::Text => None,
        Dimension::Party
        | Dimension::EventType
        | Dimension::District
        | Dimension::Place
        | Dimension::Source => dimension
            .facet()
            .and_then(|facet| counts.facets.get_mut(facet.index())),
    }
}

/// `kept` plus `up` minus `down`, count by count. Wrapping: the result is a count of rows, so
/// whatever the order the exact value comes out.
fn shift(kept: &mut [u32], up: &[u32], down: &[u32]) {
    for ((count, &up), &down) in kept.iter_mut().zip(up).zip(down) {
        *count = count.wrapping_add(up).wrapping_sub(down);
    }
}

/// Whether `filter` constrains any dimension (else every row passes).
fn constrains(filter: &Filter) -> bool {
    Dimension::ALL.iter().any(|&d| filter.is_active(d))
}

/// Whether two filters ask the same of `dimension`.
fn same(a: &Filter, b: &Filter, dimension: Dimension) -> bool {
    match dimension {
        Dimension::Date => a.date_bounds() == b.date_bounds() && a.date_match == b.date_match,
        Dimension::Actor => a.actors == b.actors && a.actor_role == b.actor_role,
        Dimension::Kind => a.kinds == b.kinds,
        Dimension::Governorate => a.governorates == b.governorates,
        Dimension::Collection => a.collections == b.collections,
        Dimension::Publisher => a.publishers == b.publishers,
        Dimension::Casualty => a.casualty == b.casualty,
        Dimension::Text => a.text == b.text,
        Dimension::Party
        | Dimension::EventType
        | Dimension::District
        | Dimension::Place
        | Dimension::Source => dimension.facet().is_none_or(|facet| {
            let at = facet.index();
            a.facets[at] == b.facets[at] && (facet != Facet::Party || a.actor_role == b.actor_role)
        }),
    }
}

/// `filter` with every dimension but `dimension` cleared.
fn only(filter: &Filter, dimension: Dimension) -> Filter {
    let mut alone = Filter {
        actor_role: filter.actor_role,
        ..Filter::default()
    };
    match dimension {
        Dimension::Date => {
            (alone.from, alone.to, alone.date_match) = (filter.from, filter.to, filter.date_match);
        }
        Dimension::Actor => alone.actors = filter.actors,
        Dimension::Kind => alone.kinds = filter.kinds,
        Dimension::Governorate => alone.governorates = filter.governorates,
        Dimension::Collection => alone.collections = filter.collections,
        Dimension::Publisher => alone.publishers = filter.publishers,
        Dimension::Casualty => alone.casualty = filter.casualty,
        Dimension::Text => alone.text = filter.text.clone(),
        Dimension::Party
        | Dimension::EventType
        | Dimension::District
        | Dimension::Place
        | Dimension::Source => {
            if let Some(facet) = dimension.facet() {
                alone.facets[facet.index()] = filter.facets[facet.index()].clone();
            }
        }
    }
    alone
}

#[cfg(test)]
mod tests;
