//! The explorer's engine as an engine of the shared filtering benchmark (`../shared/bench`, its
//! README gives the file format, the op script and the checksum): a thin wasm-bindgen wrapper
//! over the core's incremental [`Engine`] on an `EventTable`. No second engine: the benchmark's
//! columns are laid into the table's columns, and its ops become the app's filters.
//!
//! Built for the browser by `scripts/bench-engine.sh` (wasm32, then wasm-bindgen for the web);
//! `bench/engine/` holds the page around it. On other targets this program does nothing.
//!
//! Mapping: `day` (days since 2011-03-01) is the event's one-day date; `actor`, `kind` and
//! `governorate` are vocabulary indexes (one actor per row, in any role); `civilian_deaths > 0`
//! sets the civilians-killed flag, which the `civ` toggle filters on, as the app's casualty
//! filter does. A day range `lo <= day < hi` is the date filter `[lo, hi - 1]`.

use wasm_bindgen::prelude::*;

use incident_explorer::core::date::Day;
use incident_explorer::core::engine::Engine;
use incident_explorer::core::filter::{CasualtyFilter, Filter};
use incident_explorer::core::table::{EventTable, CIVILIAN_KILLED_ANY};

/// The first day of the benchmark's day numbers.
const FIRST_DAY: (i32, u32, u32) = (2011, 3, 1);
/// Rows of the top list every op reads.
const TOP: usize = 50;
/// Option counts the benchmark reads: its actors, kinds and governorates.
const ACTORS: usize = 16;
const KINDS: usize = 20;
const GOVERNORATES: usize = 14;

/// The engine over one loaded file.
#[wasm_bindgen]
pub struct BenchEngine {
    table: EventTable,
    engine: Engine,
    /// The day number of 2011-03-01 in the table's [`Day`] numbering.
    first_day: i32,
    months: usize,
}

/// A file the engine cannot read.
fn invalid(message: &str) -> JsError {
    JsError::new(&format!("not an INCD v1 file: {message}"))
}

#[wasm_bindgen]
impl BenchEngine {
    /// Reads an `INCD` version 1 file (16-byte header, then the columns `day` u16, `deaths`
    /// u16, `civilian_deaths` u16, `actor` u8, `kind` u8, `governorate` u8, little-endian).
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<BenchEngine, JsError> {
        let word = |at: usize| -> Result<u32, JsError> {
            let slice = bytes.get(at..at + 4).ok_or_else(|| invalid("too short"))?;
            let array: [u8; 4] = slice.try_into().map_err(|_| invalid("too short"))?;
            Ok(u32::from_le_bytes(array))
        };
        if word(0)? != 0x4443_4e49 || word(4)? != 1 {
            return Err(invalid("wrong magic or version"));
        }
        let n = word(8)? as usize;
        if bytes.len() < 16 + 9 * n {
            return Err(invalid("shorter than its row count says"));
        }
        let u16s = |column: usize| {
            let start = 16 + 2 * n * column;
            bytes[start..start + 2 * n]
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        };
        let u8s = |column: usize| &bytes[16 + 6 * n + n * column..16 + 6 * n + n * (column + 1)];
        let (year, month, day) = FIRST_DAY;
        let first_day = Day::from_ymd(year, month, day)
            .map_err(|_| invalid("first day"))?
            .0;

        let mut table = EventTable {
            collection_ids: vec!["bench".to_string()],
            ..EventTable::default()
        };
        for day in u16s(0) {
            let day = first_day + i32::from(day);
            table.start.push(day);
            table.end.push(day);
        }
        table.deaths_best = u16s(1).map(u32::from).collect();
        table.civilians_killed = u16s(2).map(u32::from).collect();
        table.flags = table
            .civilians_killed
            .iter()
            .map(|&civilians| {
                if civilians > 0 {
                    CIVILIAN_KILLED_ANY
                } else {
                    0
                }
            })
            .collect();
        table.actors_any = u8s(0).iter().map(|&a| 1u32 << (a % 32)).collect();
        table.actors_perpetrator = table.actors_any.clone();
        table.kind = u8s(1).to_vec();
        table.governorates = u8s(2).iter().map(|&g| 1u16 << (g % 16)).collect();
        table.collection = vec![0; n];
        table.publishers = vec![0; n];

        let last = table.start.iter().max().map_or(0, |&d| d - first_day);
        let month_of_day: Vec<u32> = (0..=last)
            .map(|offset| {
                let (y, m, _) = Day(first_day + offset).ymd();
                u32::try_from((y - 2011) * 12 + m as i32 - 3).unwrap_or(0)
            })
            .collect();
        let months = month_of_day.last().map_or(0, |&m| m as usize + 1);
        let engine = Engine::new(&table, months, |day| {
            let offset = usize::try_from(day - first_day).ok()?;
            month_of_day.get(offset).map(|&m| m as usize)
        });
        Ok(BenchEngine {
            table,
            engine,
            first_day,
            months,
        })
    }

    pub fn rows(&self) -> u32 {
        u32::try_from(self.table.len()).unwrap_or(u32::MAX)
    }

    /// The day filter `lo <= day < hi`.
    pub fn set_days(&mut self, lo: u32, hi: u32) {
        let day = |d: u32| Day(self.first_day + i32::try_from(d).unwrap_or(i32::MAX));
        let mut filter = self.engine.filter().clone();
        filter.from = Some(day(lo));
        filter.to = Some(day(hi.saturating_sub(1)));
        self.engine.set_filter(&self.table, filter);
    }

    /// The whole selection of `dim` (`actor`, `kind`, `governorate` or `civ`); empty for none.
    pub fn set_values(&mut self, dim: &str, set: &[u8]) {
        let mask = set.iter().fold(0u32, |m, &v| m | 1u32 << (v % 32));
        let mut filter = self.engine.filter().clone();
        match dim {
            "actor" => filter.actors = mask,
            "kind" => filter.kinds = mask,
            "governorate" => filter.governorates = u16::try_from(mask).unwrap_or(u16::MAX),
            "civ" => filter.casualty = set.contains(&1).then_some(CasualtyFilter::CiviliansKilled),
            _ => {}
        }
        self.engine.set_filter(&self.table, filter);
    }

    /// Removes every filter.
    pub fn clear(&mut self) {
        self.engine.set_filter(&self.table, Filter::default());
    }

    /// What the benchmark reads after every change, flat: the month counts (ignoring the day
    /// filter) from month 0, then the actor, kind and governorate counts (each ignoring its
    /// own filter), then the days of the top rows, latest first. `months()` says where the
    /// months end.
    pub fn read(&self) -> Vec<u32> {
        let cross = self.engine.cross_counts();
        let mut out = self.engine.date_counts().to_vec();
        out.extend(cross.actor.iter().take(ACTORS));
        out.extend(cross.kind.iter().take(KINDS));
        out.extend(cross.governorate.iter().take(GOVERNORATES));
        out.extend(
            self.engine
                .latest(&self.table, TOP)
                .iter()
                .filter_map(|&row| {
                    let day = self.table.start.get(row as usize)? - self.first_day;
                    u32::try_from(day).ok()
                }),
        );
        out
    }

    /// How many month counts [`Self::read`] starts with.
    pub fn months(&self) -> u32 {
        u32::try_from(self.months).unwrap_or(u32::MAX)
    }
}

fn main() {}
