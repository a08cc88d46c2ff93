//! The cross counts: per option of every dimension, the rows that fail no other dimension,
//! counted in one pass over the rows' marks ([`super::Filter::marks`]).

use super::{CasualtyFilter, CrossCounts, Dimension, Filter, Mark, Marks};
use crate::core::facet::Facet;
use crate::core::table::EventTable;
use crate::core::vocab::{Actor, Governorate};

/// The cross counts of one open facet (see [`CrossCounts::facets`]), by value id, from the
/// rows' marks ([`Marks::bits`]).
pub fn facet_counts(filter: &Filter, table: &EventTable, marks: &[Mark], facet: Facet) -> Vec<u32> {
    let mut counts = vec![0u32; table.facets[facet.index()].dictionary.len()];
    let bit = Dimension::of_facet(facet).bit();
    for (&mark, ids) in marks.iter().zip(filter.facet_column(table, facet).iter()) {
        if mark & !bit == 0 {
            for &id in ids {
                if let Some(count) = counts.get_mut(id as usize) {
                    *count += 1;
                }
            }
        }
    }
    counts
}

/// Per byte position of a mask column, how many qualifying rows had each byte value. Adding a
/// row is `N` increments whatever its bits, with no branch; the per-bit counts are read off the
/// 256 bins afterwards. This is what keeps cross counting at a few operations per row even for
/// rows with many actors or governorates.
struct ByteBins<const N: usize>([[u32; 256]; N]);

impl<const N: usize> ByteBins<N> {
    fn new() -> Self {
        ByteBins([[0; 256]; N])
    }

    /// Adds `weight` (0 or 1) to the bin of each byte of `value` (of its first `N` bytes, at
    /// most four). Written out byte by byte: in the size-optimised WebAssembly build a loop
    /// here stays a loop, which cost the batch pass a fifth of its time.
    fn add(&mut self, value: u32, weight: u32) {
        let [b0, b1, b2, b3] = value.to_le_bytes();
        let mut add = |position: usize, byte: u8| {
            if let Some(bin) = self
                .0
                .get_mut(position)
                .and_then(|bins| bins.get_mut(usize::from(byte)))
            {
                *bin = bin.wrapping_add(weight);
            }
        };
        add(0, b0);
        if N > 1 {
            add(1, b1);
        }
        if N > 2 {
            add(2, b2);
        }
        if N > 3 {
            add(3, b3);
        }
    }

    /// Adds to `counts[i]` the rows whose value had bit `i` set.
    fn add_bits_to(&self, counts: &mut [u32]) {
        for (position, bins) in self.0.iter().enumerate() {
            for (byte, &rows) in bins.iter().enumerate().filter(|(_, &rows)| rows > 0) {
                for bit in (0..8).filter(|bit| byte >> bit & 1 == 1) {
                    if let Some(count) = counts.get_mut(position * 8 + bit) {
                        *count = count.saturating_add(rows);
                    }
                }
            }
        }
    }

    /// Adds to `counts[v]` the rows whose value was `v` (for one-byte, single-valued columns).
    fn add_values_to(&self, counts: &mut [u32]) {
        if let Some(bins) = self.0.first() {
            for (count, &rows) in counts.iter_mut().zip(bins) {
                *count = count.saturating_add(rows);
            }
        }
    }
}

const ACTOR_BYTES: usize = Actor::ALL.len().div_ceil(8);
const GOVERNORATE_BYTES: usize = Governorate::ALL.len().div_ceil(8);

/// The byte bins of the dimensions held in the table's own columns (actors, kind,
/// governorates, collection, publishers, casualty flags), which both the batch pass and
/// [`tally`] fill row by row and read into a [`CrossCounts`] at the end.
struct DimensionBins {
    actor: ByteBins<ACTOR_BYTES>,
    kind: ByteBins<1>,
    governorate: ByteBins<GOVERNORATE_BYTES>,
    collection: ByteBins<1>,
    publisher: ByteBins<1>,
    flag: ByteBins<1>,
}

impl DimensionBins {
    fn new() -> Self {
        DimensionBins {
            actor: ByteBins::new(),
            kind: ByteBins::new(),
            governorate: ByteBins::new(),
            collection: ByteBins::new(),
            publisher: ByteBins::new(),
            flag: ByteBins::new(),
        }
    }

    /// Adds one row: its `[actors, kind, governorates, collection, publishers, flags]`, each
    /// with the `weight` (0 or 1) its dimension gives the row.
    fn add(&mut self, values: [u32; 6], weight: impl Fn(Dimension) -> u32) {
        let [actors, kind, governorates, collection, publishers, flags] = values;
        self.actor.add(actors, weight(Dimension::Actor));
        self.kind.add(kind, weight(Dimension::Kind));
        self.governorate
            .add(governorates, weight(Dimension::Governorate));
        self.collection
            .add(collection, weight(Dimension::Collection));
        self.publisher.add(publishers, weight(Dimension::Publisher));
        self.flag.add(flags, weight(Dimension::Casualty));
    }

    /// Adds the binned rows to the counts of those dimensions in `counts`; the casualty
    /// options' counts are set.
    fn add_to(&self, counts: &mut CrossCounts) {
        self.actor.add_bits_to(&mut counts.actor);
        self.kind.add_values_to(&mut counts.kind);
        self.governorate.add_bits_to(&mut counts.governorate);
        self.collection.add_values_to(&mut counts.collection);
        self.publisher.add_bits_to(&mut counts.publisher);
        let mut flag_counts = [0u32; 8];
        self.flag.add_bits_to(&mut flag_counts);
        for (count, option) in counts.casualty.iter_mut().zip(CasualtyFilter::ALL) {
            let bit = option.flag().trailing_zeros() as usize;
            *count = flag_counts.get(bit).copied().unwrap_or(0);
        }
    }
}

/// Cross-filter counts for every option of every faceted dimension (see [`CrossCounts`]), in
/// one pass over the rows after the per-dimension marking. A row failing no dimension counts for
/// the options it has in every dimension; a row failing exactly one dimension counts only for
/// that dimension's options (it would be shown if that dimension's selection changed); a row
/// failing two or more counts nowhere. Each row adds a 0 or 1 weight per dimension rather than
/// branching on these cases. The actor counts read the column of the filter's role.
pub fn cross_counts(filter: &Filter, table: &EventTable) -> CrossCounts {
    cross_counts_of(filter, table, &filter.marks(table))
}

/// [`cross_counts`] from marks already computed by `filter.marks(table)`.
pub fn cross_counts_of(filter: &Filter, table: &EventTable, marks: &Marks) -> CrossCounts {
    cross_counts_wanted(filter, table, marks, &[true; Facet::COUNT])
}

/// [`cross_counts_of`], counting only the facets `wanted` (by [`Facet::index`]); the counts of
/// the others are left empty. Counting an open facet is a pass over its values, which a reader
/// who has not opened its options does not need.
pub fn cross_counts_wanted(
    filter: &Filter,
    table: &EventTable,
    marks: &Marks,
    wanted: &[bool; Facet::COUNT],
) -> CrossCounts {
    let mut bins = DimensionBins::new();
    let rows = marks
        .0
        .iter()
        .zip(filter.actor_column(table))
        .zip(&table.kind)
        .zip(&table.governorates)
        .zip(&table.collection)
        .zip(&table.publishers)
        .zip(&table.flags);
    for ((((((&mark, &actors), &kind), &governorates), &collection), &publishers), &flags) in rows {
        // 1 when the row fails no dimension other than `dimension`.
        let weight = |dimension: Dimension| u32::from(mark & !dimension.bit() == 0);
        bins.add(
            [
                actors,
                u32::from(kind),
                u32::from(governorates),
                u32::from(collection),
                u32::from(publishers),
                u32::from(flags),
            ],
            weight,
        );
    }
    // The facets' counts are made below: none allocated here.
    let mut counts = CrossCounts::zero_wanted(table, &[false; Facet::COUNT]);
    for facet in Facet::ALL {
        counts.facets[facet.index()] = if wanted[facet.index()] {
            facet_counts(filter, table, marks.bits(), facet)
        } else {
            Vec::new()
        };
    }
    bins.add_to(&mut counts);
    counts
}

/// The dimensions a row with `mark` counts for in the cross counts, one bit each as in the
/// marks: every dimension when it fails none, the one it fails when it fails one, none when it
/// fails two or more. A row counts for a dimension's options when it fails no other dimension.
pub(crate) fn counted_in(mark: Mark) -> Mark {
    let none_failed = Mark::from(mark == 0);
    let one_failed = Mark::from(mark & mark.wrapping_sub(1) == 0);
    (none_failed * Mark::MAX) | (one_failed * mark)
}

/// Per option of each dimension, how many of `rows` count for it: a row adds 1 to every
/// option it has in each dimension whose bit `dimensions(row)` sets (see [`Dimension::bit`]),
/// and to nothing in the others. The counts are sized as [`CrossCounts::zero`]'s, the facets'
/// only where `wanted` (by [`Facet::index`]; the others empty). The actor and actor-name
/// columns are those of `filter`'s role. Rows past the table add nothing.
///
/// This is [`cross_counts_wanted`]'s pass over a list of rows instead of the whole table: a
/// change that reaches a few rows counts those, and the engine adds or takes the result from
/// the counts it keeps.
pub(crate) fn tally(
    filter: &Filter,
    table: &EventTable,
    rows: &[u32],
    dimensions: impl Fn(usize) -> Mark,
    wanted: &[bool; Facet::COUNT],
) -> CrossCounts {
    let mut bins = DimensionBins::new();
    let actors = filter.actor_column(table);
    let mut counts = CrossCounts::zero_wanted(table, wanted);
    let columns = Facet::ALL.map(|facet| filter.facet_column(table, facet));
    // The facets to count: those wanted whose dictionary holds a value (an empty one has no
    // option to count, and its rows no value to visit; one not wanted is empty).
    let mut facets: Mark = 0;
    for facet in Facet::ALL {
        if !counts.facets[facet.index()].is_empty() {
            facets |= Dimension::of_facet(facet).bit();
        }
    }
    // The columns as slices held here: read through the table, each would be looked up again
    // for every row, the bins' writes being possibly to the table for all the compiler knows.
    let (kind, governorates, collection, publishers, flags) = (
        table.kind.as_slice(),
        table.governorates.as_slice(),
        table.collection.as_slice(),
        table.publishers.as_slice(),
        table.flags.as_slice(),
    );
    let len = table.len();
    for &row in rows {
        let row = row as usize;
        if row >= len {
            continue;
        }
        let counted = dimensions(row);
        // 1 when the row counts for `dimension`.
        let weight = |dimension: Dimension| u32::from(counted & dimension.bit() != 0);
        let at = |column: &[u8]| u32::from(column.get(row).copied().unwrap_or(0));
        bins.add(
            [
                actors.get(row).copied().unwrap_or(0),
                at(kind),
                u32::from(governorates.get(row).copied().unwrap_or(0)),
                at(collection),
                at(publishers),
                at(flags),
            ],
            weight,
        );
        if counted & facets == 0 {
            continue;
        }
        for facet in Facet::ALL {
            if counted & facets & Dimension::of_facet(facet).bit() == 0 {
                continue;
            }
            let counts = &mut counts.facets[facet.index()];
            for &id in columns[facet.index()].row(row) {
                if let Some(count) = counts.get_mut(id as usize) {
                    *count = count.wrapping_add(1);
                }
            }
        }
    }
    bins.add_to(&mut counts);
    counts
}
