//! How much memory loading the bundled collections takes: the peak while the files are read and
//! validated, and what stays once the catalog (records, event table, text index) is built.
//! Counted by a global allocator that tracks live bytes, natively; WebAssembly's linear memory
//! grows to the peak and never shrinks, so the peak is what the browser tab keeps. Pointers are
//! 8 bytes here and 4 in wasm32, so these figures are a little above the browser's.
//!
//! The files are read as the app reads them: line by line from a copy in pieces held outside
//! (the browser's memory), which is not counted.
//!
//! Then it says what the catalog keeps, part by part, in bytes an event and in all: the records
//! (each event's compact JSON, packed in blocks), each column of the table, the text index's parts and the other
//! indexes. Each part is counted as the bytes freed when
//! it is dropped, so the parts add up to what the catalog keeps.
//!
//! Run: `cargo run --release --example load_memory [FILE...]` (default: the bundled files).
//! Prints figures; asserts nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use std::sync::Arc;

use incident_explorer::core::catalog::Catalog;
use incident_explorer::core::validate;

/// The system allocator, counting live bytes and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator with the same arguments; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: same layout as asked of us.
        unsafe { System.alloc(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as a change of size, as an allocator that resizes in place would hold it
        // (WebAssembly's does when it can, and always when shrinking).
        if new_size >= layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: forwarded with the caller's pointer, layout and size.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        files = vec![
            "public/data/curated.json".to_string(),
            "public/data/ucdp.json".to_string(),
        ];
    }
    // The app reads each collection from its gzip copy, which holds it in pieces, decompressed
    // in the browser's memory, copying a line at a time into its own: the copies are made
    // here first and not counted.
    let mut copies = Vec::new();
    let mut file_bytes = 0;
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{file}: {error}");
                std::process::exit(1);
            }
        };
        file_bytes += bytes.len();
        let pieces = validate::load(file, &bytes)
            .map_err(|problems| format!("rejected ({} problems)", problems.len()))
            .and_then(|loaded| {
                validate::write_in_pieces(loaded.dataset, validate::EVENTS_PER_PIECE)
                    .map_err(|error| error.to_string())
            });
        match pieces {
            Ok(pieces) => copies.push(pieces),
            Err(error) => {
                eprintln!("{file}: {error}");
                std::process::exit(1);
            }
        }
    }
    let start = LIVE.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let mut loaded = Vec::new();
    for (file, copy) in files.iter().zip(&copies) {
        // Counted first, as the page counts the lines of its copy, so the reader knows how
        // many pieces come.
        let lines: Vec<&[u8]> = copy
            .split(|&b| b == b'\n')
            .filter(|line| !line.is_empty())
            .collect();
        match validate::load_lines(file, lines.into_iter().map(<[u8]>::to_vec)) {
            Ok(one) => loaded.push(one),
            Err(problems) => {
                eprintln!("{file}: rejected ({} problems)", problems.len());
                std::process::exit(1);
            }
        }
    }
    let records = LIVE.load(Ordering::Relaxed) - start;
    let parse_peak = PEAK.load(Ordering::Relaxed) - start;
    let mut catalog = Catalog::new(loaded);
    let retained = LIVE.load(Ordering::Relaxed) - start;
    let peak = PEAK.load(Ordering::Relaxed) - start;
    println!("files:                 {:>8.1} MB", mb(file_bytes));
    println!("events:                {:>8}", catalog.table.len());
    println!("peak while reading:    {:>8.1} MB", mb(parse_peak));
    println!("peak while loading:    {:>8.1} MB", mb(peak));
    println!("records after parsing: {:>8.1} MB", mb(records));
    println!("retained (catalog):    {:>8.1} MB", mb(retained));
    println!(
        "  of which the table and its indexes: {:.1} MB",
        mb(retained - records)
    );
    let index = catalog.table.text_index.heap_parts();
    parts(&mut catalog, &index);
}

/// The bytes freed by `drop`.
fn freed(drop: impl FnOnce()) -> usize {
    let before = LIVE.load(Ordering::Relaxed);
    drop();
    before.saturating_sub(LIVE.load(Ordering::Relaxed))
}

/// Prints one part: bytes an event and in all.
fn line(label: &str, bytes: usize, events: usize) {
    let each = bytes as f64 / events.max(1) as f64;
    println!("  {label:<36} {each:>8.1} B/event {:>9.2} MB", mb(bytes));
}

/// Drops the catalog part by part, printing what each held; `index` is the text index's own
/// account of its parts, taken before.
fn parts(catalog: &mut Catalog, index: &[(&'static str, usize)]) {
    let events = catalog.table.len();
    println!("kept, part by part:");
    let mut all = 0;
    println!(" records");
    let text: usize = catalog
        .datasets
        .iter()
        .map(|dataset| dataset.events.heap_bytes())
        .sum();
    let records = freed(|| {
        for dataset in catalog.datasets.iter_mut().filter_map(Arc::get_mut) {
            drop(std::mem::take(&mut dataset.events));
        }
    });
    all += records;
    line(
        &format!("events, packed ({:.1} MB held)", mb(text)),
        records,
        events,
    );
    let rest = freed(|| drop(std::mem::take(&mut catalog.datasets)));
    all += rest;
    line("collections' sources, parties, figures", rest, events);
    line("records in all", all, events);

    println!(" table");
    let table = &mut catalog.table;
    let mut all = 0;
    let mut part = |label: &str, bytes: usize| {
        all += bytes;
        line(label, bytes, events);
    };
    macro_rules! column {
        ($($field:ident),+) => {
            $(part(stringify!($field), freed(|| drop(std::mem::take(&mut table.$field))));)+
        };
    }
    column!(
        start,
        end,
        precision,
        collection,
        publishers,
        kind,
        actors_any,
        actors_perpetrator,
        lead_actor,
        governorates,
        lat,
        lon,
        location_precision,
        deaths_low,
        deaths_best,
        deaths_high,
        civilians_killed,
        children_killed,
        women_killed,
        combatants_killed,
        flags,
        search_text,
        locations,
        collection_ids
    );
    for (facet, name) in ["party", "event type", "district", "place", "source"]
        .iter()
        .enumerate()
    {
        let bytes = freed(|| {
            if let Some(facet) = table.facets.get_mut(facet) {
                drop(std::mem::take(facet));
            }
        });
        part(&format!("facet: {name}"), bytes);
    }
    part(
        "map cells",
        freed(|| drop(std::mem::take(&mut table.map_cells))),
    );
    part(
        "sort orders (made when a list asks)",
        freed(|| drop(std::mem::take(&mut table.sort_orders))),
    );
    for &(name, bytes) in index {
        line(&format!("text index: {name}"), bytes, events);
    }
    part(
        "text index in all",
        freed(|| drop(std::mem::take(&mut table.text_index))),
    );
    line("table and indexes in all", all, events);
}
