//! Building an [`Engine`] in stages, so that a page can build the engine of a large table
//! between frames (while a file joins) instead of in one task as its explorer is first drawn:
//! at a million rows the whole build held the page's thread for some 160 ms. The stages are
//! the rows sorted by first day, by last day, each row's date bucket with the longest date
//! range, and the first counts. [`Engine::new`] runs the same stages at once.

use super::{rows_by, Engine, RefreshBy, BATCH_SHARE};
use crate::core::facet::Facet;
use crate::core::filter::{date_counts, CrossCounts, Filter, Marks};
use crate::core::table::EventTable;

/// An [`Engine`] being built for one table, a stage a [`EngineBuild::step`]; give every step
/// and [`EngineBuild::finish`] that same table.
pub struct EngineBuild<F> {
    buckets: usize,
    bucket_of: F,
    /// The next stage, 0 to [`STAGES`].
    stage: usize,
    by_start: Vec<u32>,
    by_end: Vec<u32>,
    bucket: Vec<u32>,
    longest: i32,
}

/// Stages in all: see the module docs.
const STAGES: usize = 3;

impl<F: Fn(i32) -> Option<usize>> EngineBuild<F> {
    /// The build of an engine with no filter. `bucket_of` gives a row's date bucket from its
    /// first day (`None` for none), and `buckets` how many there are.
    pub fn new(buckets: usize, bucket_of: F) -> EngineBuild<F> {
        EngineBuild {
            buckets,
            bucket_of,
            stage: 0,
            by_start: Vec::new(),
            by_end: Vec::new(),
            bucket: Vec::new(),
            longest: 0,
        }
    }

    /// Runs the next stage but the last (some tens of milliseconds at a million rows in
    /// WebAssembly); `true` once only [`EngineBuild::finish`] is left.
    pub fn step(&mut self, table: &EventTable) -> bool {
        let rows = u32::try_from(table.len()).unwrap_or(u32::MAX);
        match self.stage {
            0 => self.by_start = rows_by(&table.start, rows),
            1 => self.by_end = rows_by(&table.end, rows),
            2 => {
                let (buckets, bucket_of) = (self.buckets, &self.bucket_of);
                self.bucket = table
                    .start
                    .iter()
                    .map(|&day| {
                        bucket_of(day)
                            .filter(|&b| b < buckets)
                            .and_then(|b| u32::try_from(b).ok())
                            .unwrap_or(u32::MAX)
                    })
                    .collect();
                self.longest = table
                    .start
                    .iter()
                    .zip(&table.end)
                    .map(|(&start, &end)| end.saturating_sub(start))
                    .max()
                    .unwrap_or(0);
            }
            _ => return true,
        }
        self.stage += 1;
        self.stage >= STAGES
    }

    /// The engine: any stages left, then the first counts (every row passes the empty
    /// filter), taken in the batch passes.
    pub fn finish(mut self, table: &EventTable) -> Engine {
        while !self.step(table) {}
        let mut engine = Engine {
            filter: Filter::default(),
            marks: Vec::new(),
            counts: CrossCounts::zero(table),
            dates: vec![0; self.buckets],
            bucket: self.bucket,
            by_start: self.by_start,
            by_end: self.by_end,
            batch_share: BATCH_SHARE,
            refresh_by: RefreshBy::Fewer,
            longest: self.longest,
            wanted: [true; Facet::COUNT],
            cleared: Default::default(),
            lists: Default::default(),
            every_date: Vec::new(),
        };
        let marks = Marks::from_bits(vec![0; table.len()]);
        let bucket = &engine.bucket;
        engine.every_date = date_counts(&marks, self.buckets, |row| {
            bucket.get(row).map(|&b| b as usize)
        });
        engine.recount(table, marks);
        engine
    }
}
