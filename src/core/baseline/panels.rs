//! The four panels whose sums are integers, added up together: the headline totals, the
//! composition of the dead, the bar charts' sums per key and the map's points.
//!
//! Every view shows all four for the same rows, and the rows summed (the rows given, the rows
//! left out, or the rows that came and went: [`super::Baseline`]) are the same for each. Summed
//! one panel after the other, each walked that list again and read a row's columns again
//! (the deaths, the flags and the kind are read by three of them), at a million rows in
//! WebAssembly about 2 ms a panel when a third of the rows changed. One walk that adds each
//! row to the four panels' sums reads the list once and a row's columns while they are in
//! the cache. Each panel's own reducer still holds its counting rule: this one only calls
//! them in turn.

use std::sync::Arc;

use crate::core::aggregate::{Composition, CompositionOf, GroupOf, GroupSums, Totals, TotalsOf};
use crate::core::baseline::{Reduce, BATCH};
use crate::core::map_layers::{MapOf, MapSums};

/// The four panels' reducers over the rows of one table: the bar charts' must add per key
/// (a [`crate::core::aggregate::key_reducer`]) and the map's must leave the governorates'
/// values to those keys' sums, as [`super::Baseline::map_layers`] takes them.
pub(crate) struct PanelsOf<'a> {
    pub totals: TotalsOf<'a>,
    pub composition: CompositionOf<'a>,
    pub keys: GroupOf<'a>,
    pub map: MapOf<'a>,
}

/// The four panels' sums over the same rows, each as its own reducer makes it. The bar
/// charts' and the map's are shared (thousands of keys and cells): every panel of a view is
/// given the same sums, and a copy is a reference until it is added to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PanelSums {
    pub totals: Totals,
    pub composition: Composition,
    pub keys: Arc<GroupSums>,
    pub map: Arc<MapSums>,
}

impl Reduce for PanelsOf<'_> {
    type Sums = PanelSums;

    fn zero(&self) -> PanelSums {
        PanelSums {
            totals: self.totals.zero(),
            composition: self.composition.zero(),
            keys: Arc::new(self.keys.zero()),
            map: Arc::new(self.map.zero()),
        }
    }

    fn add(&self, sums: &mut PanelSums, row: usize) {
        self.totals.add(&mut sums.totals, row);
        self.composition.add(&mut sums.composition, row);
        self.keys.add(Arc::make_mut(&mut sums.keys), row);
        self.map.add(Arc::make_mut(&mut sums.map), row);
    }

    /// A batch of rows at a time, each panel's reducer in its own loop over the batch: each
    /// loop is as tight as when the panel is summed alone, and the batch's columns that two
    /// panels read are in the cache for the second.
    fn add_rows(&self, sums: &mut PanelSums, rows: &[u32]) {
        let (keys, map) = (Arc::make_mut(&mut sums.keys), Arc::make_mut(&mut sums.map));
        for batch in rows.chunks(BATCH) {
            self.totals.add_rows(&mut sums.totals, batch);
            self.composition.add_rows(&mut sums.composition, batch);
            self.keys.add_rows(keys, batch);
            self.map.add_rows(map, batch);
        }
    }

    fn remove(&self, whole: &PanelSums, part: &PanelSums) -> PanelSums {
        PanelSums {
            totals: self.totals.remove(&whole.totals, &part.totals),
            composition: self
                .composition
                .remove(&whole.composition, &part.composition),
            keys: Arc::new(self.keys.remove(&whole.keys, &part.keys)),
            map: Arc::new(self.map.remove(&whole.map, &part.map)),
        }
    }
}
