//! `dataset`: builds and checks the collection files the app loads.
//!
//! ```text
//! dataset check FILE...            validate dataset files; one line per problem, exit 1 if any
//! dataset build [--check]          data/curated/*.json -> public/data/curated.json
//! dataset import FILE [OUT] [--column FIELD=COLUMN]... [--date-order dmy|mdy] [--sheet NAME]
//!                                  a user's file (an ACLED export, a UCDP GED CSV with or
//!                                  without its header row, any other CSV or a workbook, read
//!                                  with the guessed columns changed by the flags: see
//!                                  `tools::table_args`) -> a collection file OUT (default
//!                                  target/<stem>.json); prints the counts and every row problem
//! dataset import-ucdp [--check]    data/raw/ucdp/*.csv -> public/data/ucdp.json, with the same
//!                                  importer as a user's GED file; prints how rows without adm_1
//!                                  were placed and the rows kept with warnings
//! dataset place-names [--check]    data/geo/ -> public/gazetteer/place-names.json, the Arabic
//!                                  names of places (see `tools::place_names`)
//! dataset schema [--check]         the JSON Schema of the model -> docs/dataset.schema.json
//! dataset synth N [OUT]            N synthetic events made from the UCDP collection, for
//!                                  benchmarks -> OUT (default target/synth-N.json)
//! dataset synth N --format acled [--seed S] [OUT]
//!                                  N made-up rows of an ACLED export (CSV), for the importer
//!                                  -> OUT (default target/synth-acled-N.csv)
//! dataset synth N --format ucdp [--seed S] [--headerless] [OUT]
//!                                  N made-up rows of a UCDP GED 25.1 file (49 columns, CSV), for
//!                                  the importer -> OUT (default target/synth-ucdp-N.csv)
//! ```
//! With `--check`, nothing is written: the command fails when the committed file differs from
//! what it would write, which is how the tests catch a stale bundle.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use incident_explorer::core::date::Day;
use incident_explorer::core::import::{
    self, acled, mapped, spreadsheet, ucdp as core_ucdp, FileInfo, Format,
};
use incident_explorer::core::model::Dataset;
use incident_explorer::core::validate;
use incident_explorer::tools::table_args::{self, TableArgs};
use incident_explorer::tools::{
    curated, place_names as gazetteer, synth, synth_acled, synth_ucdp, ucdp,
};

const CURATED_DIR: &str = "data/curated";
const CURATED_BUNDLE: &str = "public/data/curated.json";
const UCDP_CSV: &str = "data/raw/ucdp/ged_syria_2016-2019.csv";
const UCDP_BUNDLE: &str = "public/data/ucdp.json";
const GOVERNORATES: &str = "data/geo/syria_governorates.geojson";
const SCHEMA: &str = "docs/dataset.schema.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check_only = args.iter().any(|arg| arg == "--check");
    let result = match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("build") => build_curated(check_only),
        Some("import") => import_file(&args[1..]),
        Some("import-ucdp") => import_ucdp(check_only),
        Some("place-names") => place_names(check_only),
        Some("schema") => schema(check_only),
        Some("synth") => synthesize(&args[1..]),
        _ => Err("usage: dataset check FILE... | build [--check] | import FILE [OUT] [--column FIELD=COLUMN]... [--date-order dmy|mdy] [--sheet NAME] | import-ucdp [--check] | place-names [--check] | schema [--check] | synth N [--format json|acled|ucdp] [--seed S] [--headerless] [OUT]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `N` synthetic events: made from the bundled UCDP collection as a collection file (see
/// `tools::synth`), or with `--format acled` as made-up rows of an ACLED export (see
/// `tools::synth_acled`), or with `--format ucdp` as made-up rows of a UCDP GED file (see
/// `tools::synth_ucdp`; `--headerless` leaves out the header row).
fn synthesize(args: &[String]) -> Result<(), String> {
    let mut positional = Vec::new();
    let mut format = "json".to_string();
    let mut seed: u64 = 1;
    let mut headerless = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => format = rest.next().cloned().unwrap_or_default(),
            "--headerless" => headerless = true,
            "--seed" => {
                seed = rest
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("dataset synth: --seed takes a whole number")?;
            }
            _ => positional.push(arg.clone()),
        }
    }
    let events: usize = positional
        .first()
        .and_then(|n| n.replace('_', "").parse().ok())
        .ok_or("dataset synth: give the number of events, for example 1000000")?;
    match format.as_str() {
        "json" => synthesize_json(events, positional.get(1).cloned()),
        "acled" => {
            let out = positional
                .get(1)
                .cloned()
                .unwrap_or_else(|| format!("target/synth-acled-{events}.csv"));
            let file = std::fs::File::create(&out).map_err(|error| format!("{out}: {error}"))?;
            synth_acled::write(BufWriter::new(file), events, seed)
                .map_err(|error| format!("{out}: {error}"))?;
            let size = std::fs::metadata(&out).map_or(0, |m| m.len());
            println!(
                "{out}: {events} ACLED rows (seed {seed}), {:.1} MB",
                size as f64 / 1e6
            );
            Ok(())
        }
        "ucdp" => {
            let out = positional
                .get(1)
                .cloned()
                .unwrap_or_else(|| format!("target/synth-ucdp-{events}.csv"));
            let file = std::fs::File::create(&out).map_err(|error| format!("{out}: {error}"))?;
            synth_ucdp::write(BufWriter::new(file), events, seed, !headerless)
                .map_err(|error| format!("{out}: {error}"))?;
            let size = std::fs::metadata(&out).map_or(0, |m| m.len());
            let header = if headerless { ", no header row" } else { "" };
            println!(
                "{out}: {events} UCDP GED rows (seed {seed}{header}), {:.1} MB",
                size as f64 / 1e6
            );
            Ok(())
        }
        other => Err(format!(
            "dataset synth: --format is json, acled or ucdp, not {other:?}"
        )),
    }
}

fn synthesize_json(events: usize, out: Option<String>) -> Result<(), String> {
    let out = out.unwrap_or_else(|| format!("target/synth-{events}.json"));
    let bytes = std::fs::read(UCDP_BUNDLE).map_err(|error| format!("{UCDP_BUNDLE}: {error}"))?;
    let base = validate::load(UCDP_BUNDLE, &bytes)
        .map_err(|problems| format!("{UCDP_BUNDLE} was rejected: {problems:?}"))?;
    let made = synth::synthesize(&base.dataset, events)
        .ok_or_else(|| format!("{UCDP_BUNDLE} has no events to copy"))?;
    let json = serde_json::to_vec(&made).map_err(|error| error.to_string())?;
    std::fs::write(&out, &json).map_err(|error| format!("{out}: {error}"))?;
    println!("{out}: {events} events, {:.1} MB", json.len() as f64 / 1e6);
    Ok(())
}

/// Bytes of a file's start that [`import::sniff`] reads.
const SNIFF_BYTES: u64 = 64 * 1024;

/// Imports a user's file (an ACLED export, a UCDP GED file, any other table with its columns
/// guessed and changed by flags) into a collection file that `dataset check` accepts, printing
/// the counts and every row problem. The collection id is `acled-<stem>`, `ucdp-<stem>` or
/// `table-<stem>`.
fn import_file(args: &[String]) -> Result<(), String> {
    let mut args = args.to_vec();
    let table_args = TableArgs::take(&mut args)?;
    let file = args
        .first()
        .ok_or("dataset import: name the file to import")?;
    let path = Path::new(file);
    let stem = path
        .file_stem()
        .map_or("import".into(), |s| s.to_string_lossy().into_owned());
    let out = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| format!("target/{stem}.json"));
    let open = || std::fs::File::open(path).map_err(|error| format!("{file}: {error}"));
    let mut head = Vec::new();
    open()?
        .take(SNIFF_BYTES)
        .read_to_end(&mut head)
        .map_err(|error| format!("{file}: {error}"))?;
    let file_name = path
        .file_name()
        .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
    let format = import::sniff(&file_name, &head).map_err(|error| format!("{file}: {error}"))?;
    let prefix = match format {
        Format::Acled => "acled",
        Format::UcdpGed => "ucdp",
        Format::OtherCsv | Format::Spreadsheet => "table",
        Format::Collection => {
            return Err(format!(
                "{file} is already a collection file: check it with dataset check"
            ))
        }
    };
    let info = FileInfo {
        collection_id: collection_id(prefix, &stem),
        file_name,
        today: today(),
    };
    let size = std::fs::metadata(path).map_or(0, |m| m.len()).max(1);
    let mut report = |progress: import::Progress| {
        eprint!(
            "\r{} rows, {:.0}%",
            progress.rows,
            progress.bytes as f64 * 100.0 / size as f64
        );
    };
    let reader = BufReader::new(open()?);
    let imported = match format {
        Format::UcdpGed => {
            let shapes = core_ucdp::governorate_shapes().map_err(|error| error.to_string())?;
            core_ucdp::import(reader, &info, &shapes, &mut report)
        }
        Format::OtherCsv => {
            let preview = mapped::preview_csv(BufReader::new(open()?))
                .map_err(|error| format!("{file}: {error}"))?;
            let mapping = table_args.mapping(&preview)?;
            eprintln!("{}", table_args::describe(&mapping, &preview));
            mapped::import_csv(reader, &mapping, &info, &mut report)
        }
        Format::Spreadsheet => {
            let bytes = std::fs::read(path).map_err(|error| format!("{file}: {error}"))?;
            let table = spreadsheet::read_sheet(&bytes, table_args.sheet.as_deref())
                .map_err(|error| format!("{file}: {error}"))?;
            let preview = mapped::preview_sheet(&table);
            let mapping = table_args.mapping(&preview)?;
            eprintln!("{}", table_args::describe(&mapping, &preview));
            mapped::import_sheet(&table, &mapping, &info, &mut report)
        }
        _ => acled::import(reader, &info, &mut report),
    }
    .map_err(|error| format!("\n{file}: {error}"))?;
    eprintln!();
    for problem in &imported.problems {
        println!("{problem}");
    }
    if imported.problems_not_listed > 0 {
        println!("{} more problems not listed", imported.problems_not_listed);
    }
    let json = serde_json::to_vec(&imported.dataset).map_err(|error| error.to_string())?;
    std::fs::write(&out, &json).map_err(|error| format!("{out}: {error}"))?;
    println!(
        "{file}: {} rows read, {} events imported, {} rows skipped, {} kept with warnings; \
         wrote {out} ({} parties, {:.1} MB)",
        imported.rows_read,
        imported.dataset.events.len(),
        imported.rows_skipped,
        imported.rows_warned,
        imported.dataset.parties.len(),
        json.len() as f64 / 1e6
    );
    Ok(())
}

/// `<prefix>-<stem>` with everything but letters, digits, `.`, `_` and `-` made `-`.
fn collection_id(prefix: &str, stem: &str) -> String {
    let cleaned: String = stem
        .chars()
        .take(60)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{prefix}-{cleaned}")
}

/// Today by the system clock (UTC).
fn today() -> Day {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Day(i32::try_from(seconds / 86_400).unwrap_or(i32::MAX))
}

fn check(files: &[String]) -> Result<(), String> {
    if files.is_empty() {
        return Err("dataset check: name at least one file".into());
    }
    let mut total = 0;
    let mut all_loaded = Vec::new();
    for file in files {
        let bytes = std::fs::read(file).map_err(|error| format!("{file}: {error}"))?;
        match validate::load(file, &bytes) {
            Ok(loaded) => {
                for problem in &loaded.problems {
                    println!("{problem}");
                }
                let errors = loaded
                    .problems
                    .iter()
                    .filter(|p| p.severity == validate::Severity::Error)
                    .count();
                total += errors;
                println!(
                    "{file}: {} events, {} figures loaded; {} records skipped; {errors} errors, {} warnings",
                    loaded.dataset.events.len(),
                    loaded.dataset.figures.len(),
                    loaded.skipped,
                    loaded.problems.len() - errors
                );
                all_loaded.push(loaded);
            }
            Err(problems) => {
                for problem in &problems {
                    println!("{problem}");
                }
                println!("{file}: rejected");
                total += problems.len().max(1);
            }
        }
    }
    // The app loads the files together: an id may be used by only one of them.
    for problem in validate::cross_file_duplicates(&all_loaded) {
        println!("{problem}");
        total += 1;
    }
    if total > 0 {
        return Err(format!("{total} problems"));
    }
    Ok(())
}

fn build_curated(check_only: bool) -> Result<(), String> {
    let dataset = curated::build(Path::new(CURATED_DIR))?;
    let bytes = curated::to_bundle(&dataset)?;
    report_and_write(CURATED_BUNDLE, &dataset, &bytes, check_only)
}

fn place_names(check_only: bool) -> Result<(), String> {
    let file = gazetteer::build(Path::new("."))?;
    let bytes = gazetteer::to_bytes(&file)?;
    println!(
        "{}: {} places; {} bytes raw, {} bytes gzip",
        gazetteer::OUTPUT,
        file.places.len(),
        bytes.len(),
        gzip_size(&bytes)?
    );
    if !check_only {
        if let Some(folder) = Path::new(gazetteer::OUTPUT).parent() {
            std::fs::create_dir_all(folder)
                .map_err(|error| format!("{}: {error}", folder.display()))?;
        }
    }
    write_or_compare(gazetteer::OUTPUT, &bytes, check_only)
}

fn import_ucdp(check_only: bool) -> Result<(), String> {
    let import = ucdp::import(Path::new(UCDP_CSV), Path::new(GOVERNORATES), today())?;
    for note in &import.notes {
        println!("note: {note}");
    }
    // Warnings are UCDP's own figures kept as published (a best outside low..high): counted
    // by column, with the first of each.
    let mut warned: std::collections::BTreeMap<&str, (usize, String)> = Default::default();
    for problem in &import.problems {
        if problem.severity == validate::Severity::Warning {
            warned
                .entry(problem.column.as_str())
                .or_insert_with(|| (0, problem.to_string()))
                .0 += 1;
        }
    }
    for (column, (count, first)) in &warned {
        println!("note: {count} rows kept with a warning on {column}, the first: {first}");
    }
    let errors: Vec<_> = import.errors().collect();
    for problem in &errors {
        println!("{problem}");
    }
    if !errors.is_empty() {
        return Err(format!("{} rows could not be mapped", errors.len()));
    }
    // The bundle's sides must all be in the closed table: a group it lacks is added there by a
    // person, never grouped under "Other named groups" unseen.
    let mut unknown: Vec<String> = import
        .dataset
        .parties
        .iter()
        .filter_map(|party| ucdp::ucdp_actors::actors_for_side(&party.name).err())
        .flatten()
        .collect();
    unknown.sort();
    unknown.dedup();
    if !unknown.is_empty() {
        return Err(format!(
            "groups missing from the table in src/core/import/ucdp_actors.rs: {}",
            unknown.join("; ")
        ));
    }
    let bytes = ucdp::to_bundle(&import.dataset)?;
    report_and_write(UCDP_BUNDLE, &import.dataset, &bytes, check_only)
}

fn schema(check_only: bool) -> Result<(), String> {
    let schema = schemars::schema_for!(Dataset);
    let mut bytes = serde_json::to_vec_pretty(&schema).map_err(|error| error.to_string())?;
    bytes.push(b'\n');
    write_or_compare(SCHEMA, &bytes, check_only)
}

fn report_and_write(
    path: &str,
    dataset: &Dataset,
    bytes: &[u8],
    check_only: bool,
) -> Result<(), String> {
    println!(
        "{path}: {} sources, {} events, {} figures; {} bytes raw, {} bytes gzip",
        dataset.sources.len(),
        dataset.events.len(),
        dataset.figures.len(),
        bytes.len(),
        gzip_size(bytes)?
    );
    write_or_compare(path, bytes, check_only)
}

fn write_or_compare(path: &str, bytes: &[u8], check_only: bool) -> Result<(), String> {
    if check_only {
        let committed = std::fs::read(path).unwrap_or_default();
        if committed != bytes {
            return Err(format!(
                "{path} is stale: regenerate it with the same command without --check"
            ));
        }
        println!("{path} is current");
        return Ok(());
    }
    std::fs::write(path, bytes).map_err(|error| format!("{path}: {error}"))?;
    println!("wrote {path}");
    Ok(())
}

fn gzip_size(bytes: &[u8]) -> Result<usize, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .map_err(|error| error.to_string())?;
    encoder
        .finish()
        .map(|out| out.len())
        .map_err(|error| error.to_string())
}
