//! The interface's two languages: Arabic and English. Each language has one catalogue, a Fluent
//! file (`locales/<lang>/main.ftl`, embedded in the build), whose messages carry the plural rules
//! of their language (Arabic has six forms: zero, one, two, few, many, other), chosen by the
//! CLDR rules that `fluent-bundle` applies to a number argument.
//!
//! Nothing here touches the browser: the interface asks [`Lang::text`], [`Lang::count`] and
//! [`Lang::format`] for its strings, and the tests check that both catalogues hold the same
//! keys and every key the code asks for.
//!
//! Numbers are written with Western digits (0–9) in both languages and dates with Levantine
//! month names in Arabic ("12 نيسان 2019"), as the Syrian monitors write them in Arabic: the
//! README says why.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use super::date::Day;

/// The English catalogue, as shipped.
pub const EN_FTL: &str = include_str!("../../locales/en/main.ftl");
/// The Arabic catalogue, as shipped.
pub const AR_FTL: &str = include_str!("../../locales/ar/main.ftl");

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English, left to right: the language of a browser that prefers neither.
    #[default]
    En,
    /// Modern Standard Arabic, right to left.
    Ar,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ar];

    /// The BCP 47 tag, used in the URL (`lang=ar`) and in `<html lang>`.
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The language of a `lang` value in a link: `ar`, `en`, or a regional tag of either
    /// (`ar-SY`, `en-GB`), in any case.
    pub fn from_id(id: &str) -> Option<Lang> {
        let primary = id.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a browser asks for, from its preferred languages in order
    /// (`navigator.languages`): Arabic when the first one is Arabic (`ar`, `ar-SY`...), else
    /// English.
    pub fn from_preferences<S: AsRef<str>>(preferred: &[S]) -> Lang {
        match preferred.first().map(|tag| Lang::from_id(tag.as_ref())) {
            Some(Some(Lang::Ar)) => Lang::Ar,
            _ => Lang::En,
        }
    }

    /// The writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }

    /// The other language: what the switch in the header offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ar,
            Lang::Ar => Lang::En,
        }
    }

    /// The language's own name, as the switch shows it ("العربية", "English").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    /// The message `key` with no argument. A key the catalogue lacks (which the tests rule
    /// out) reads as the key itself rather than failing.
    pub fn text(self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The message `key` for a count `n`: the plural form of the language is chosen by `n`
    /// (argument `$count`), and the number is written with thousands grouped (`$n`).
    pub fn count(self, key: &str, n: u64) -> String {
        let shown = group_thousands(n);
        self.format(key, &[("count", Arg::Number(n)), ("n", Arg::Text(&shown))])
    }

    /// The message `key` with named arguments.
    pub fn format(self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        BUNDLES.with(|bundles| {
            let bundles = bundles.borrow();
            let bundle = match self {
                Lang::En => &bundles.0,
                Lang::Ar => &bundles.1,
            };
            let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
                return key.to_string();
            };
            let mut fluent_args = FluentArgs::new();
            for (name, value) in args {
                match value {
                    Arg::Text(text) => fluent_args.set(*name, FluentValue::from(*text)),
                    // `$count` selects the plural form of every message that has forms, and
                    // is never shown (`$n` is): see [`plural_selector`].
                    Arg::Number(number) if *name == "count" => {
                        fluent_args.set(*name, FluentValue::from(plural_selector(*number)))
                    }
                    Arg::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
                }
            }
            let mut errors = Vec::new();
            bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned()
        })
    }

    /// `said` in this language.
    pub fn said(self, said: &Said) -> String {
        let resolved: Vec<(&str, Option<String>, Option<u64>)> = said
            .args
            .iter()
            .map(|(name, arg)| match arg {
                SaidArg::Text(text) => (name.as_ref(), Some(text.clone()), None),
                SaidArg::Key(key) => (name.as_ref(), Some(self.text(key)), None),
                SaidArg::Said(inner) => (name.as_ref(), Some(self.said(inner)), None),
                SaidArg::Number(number) => (name.as_ref(), None, Some(*number)),
            })
            .collect();
        let args: Vec<(&str, Arg<'_>)> = resolved
            .iter()
            .map(|(name, text, number)| match (text, number) {
                (Some(text), _) => (*name, Arg::Text(text)),
                (None, number) => (*name, Arg::Number(number.unwrap_or_default())),
            })
            .collect();
        self.format(&said.key, &args)
    }

    /// The label of a vocabulary member (`vocab` is the vocabulary's key prefix, such as
    /// `gov`, `actor` or `kind`; `id` the member's stable id).
    pub fn label(self, vocab: &str, id: &str) -> String {
        self.text(&label_key(vocab, id))
    }

    /// A day as this language writes it: `2019-04-12` in English (the app's form everywhere),
    /// `12 نيسان 2019` in Arabic.
    pub fn day(self, day: Day) -> String {
        match self {
            Lang::En => day.to_string(),
            Lang::Ar => {
                let (year, month, date) = day.ymd();
                format!("{date} {} {year}", month_name_ar(month))
            }
        }
    }

    /// A month (`2019-04` in English, `نيسان 2019` in Arabic).
    pub fn month(self, year: i32, month: u32) -> String {
        match self {
            Lang::En => format!("{year}-{month:02}"),
            Lang::Ar => format!("{} {year}", month_name_ar(month)),
        }
    }
}

/// A sentence as a message of the catalogues: its key and its arguments, kept by what worded it
/// (a notice of the URL codec, a problem an importer found) and worded in a language by
/// [`Lang::said`]. It crosses the import worker's boundary as JSON, so the page words what the
/// worker found in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    /// The message's key.
    pub key: Cow<'static, str>,
    /// Its arguments, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(Cow<'static, str>, SaidArg)>,
}

/// The sentence in English, as [`Said::english`] words it.
impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// An argument of a [`Said`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SaidArg {
    /// Text placed as it is (a value or a column name from a file: never translated).
    Text(String),
    /// The message of this key, in the same language.
    Key(String),
    /// Another sentence, worded in the same language.
    Said(Box<Said>),
    /// A number that may select a plural form.
    Number(u64),
}

impl Said {
    /// The message `key` with no argument yet.
    pub fn new(key: impl Into<Cow<'static, str>>) -> Said {
        Said {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// With the argument `name` set to `value`.
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Said {
        self.args.push((name.into(), SaidArg::Text(value.into())));
        self
    }

    /// With the argument `name` set to the message of `key`.
    pub fn arg_key(mut self, name: &'static str, key: impl Into<String>) -> Said {
        self.args.push((name.into(), SaidArg::Key(key.into())));
        self
    }

    /// With the argument `name` set to another sentence.
    pub fn arg_said(mut self, name: &'static str, said: Said) -> Said {
        self.args.push((name.into(), SaidArg::Said(Box::new(said))));
        self
    }

    /// With the argument `name` set to the number `value`.
    pub fn arg_number(mut self, name: &'static str, value: u64) -> Said {
        self.args.push((name.into(), SaidArg::Number(value)));
        self
    }

    /// The sentence in English: what the command line prints and the problem list's English
    /// column holds.
    pub fn english(&self) -> String {
        Lang::En.said(self)
    }

    /// Every message key this sentence asks for, its own and its arguments'.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = vec![self.key.to_string()];
        for (_, arg) in &self.args {
            match arg {
                SaidArg::Key(key) => keys.push(key.clone()),
                SaidArg::Said(inner) => keys.extend(inner.keys()),
                SaidArg::Text(_) | SaidArg::Number(_) => {}
            }
        }
        keys
    }
}

/// The name of the argument that carries a library's or the browser's own words (a CSV
/// parser's or a JSON parser's error, a storage error): English text that is shown as its
/// author wrote it, isolated and marked as English inside a sentence in either language.
pub const FOREIGN_ARG: &str = "reason";

/// A piece of a sentence as [`Lang::said_parts`] cuts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaidPart {
    /// The catalogue's words, with the values placed in them.
    Own(String),
    /// A library's or the browser's words ([`FOREIGN_ARG`]), in English, as written.
    Foreign(String),
}

/// The first and last characters (private use) that stand for a foreign text while a sentence
/// is worded.
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

impl Lang {
    /// `said` in this language, cut where a library's or the browser's own words
    /// ([`FOREIGN_ARG`], at any depth) are placed, so that the page can mark them as English
    /// and isolate them; joined, the parts read as [`Lang::said`] without the isolation marks
    /// around those words.
    pub fn said_parts(self, said: &Said) -> Vec<SaidPart> {
        let mut foreign = Vec::new();
        let marked = mark_foreign(said, &mut foreign);
        let text = self.said(&marked);
        let mut parts = Vec::new();
        let mut rest = text.as_str();
        while let Some(open) = rest.find(MARK_OPEN) {
            let before = rest.get(..open).unwrap_or_default();
            let after = rest.get(open + MARK_OPEN.len_utf8()..).unwrap_or_default();
            let Some(close) = after.find(MARK_CLOSE) else {
                break;
            };
            let index: usize = after.get(..close).unwrap_or_default().parse().unwrap_or(0);
            let before = before.strip_suffix('\u{2068}').unwrap_or(before);
            if !before.is_empty() {
                parts.push(SaidPart::Own(before.to_string()));
            }
            parts.push(SaidPart::Foreign(
                foreign.get(index).cloned().unwrap_or_default(),
            ));
            let after = after
                .get(close + MARK_CLOSE.len_utf8()..)
                .unwrap_or_default();
            rest = after.strip_prefix('\u{2069}').unwrap_or(after);
        }
        if !rest.is_empty() {
            parts.push(SaidPart::Own(rest.to_string()));
        }
        parts
    }
}

/// `said` with each foreign text ([`FOREIGN_ARG`]) replaced by a numbered mark, the texts
/// pushed to `foreign` in order.
fn mark_foreign(said: &Said, foreign: &mut Vec<String>) -> Said {
    let args = said
        .args
        .iter()
        .map(|(name, arg)| {
            let arg = match arg {
                SaidArg::Text(text) if name == FOREIGN_ARG => {
                    foreign.push(text.clone());
                    SaidArg::Text(format!("{MARK_OPEN}{}{MARK_CLOSE}", foreign.len() - 1))
                }
                SaidArg::Said(inner) => SaidArg::Said(Box::new(mark_foreign(inner, foreign))),
                other => other.clone(),
            };
            (name.clone(), arg)
        })
        .collect();
    Said {
        key: said.key.clone(),
        args,
    }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text placed as it is (a number already written, a name).
    Text(&'a str),
    /// A number that may select a plural form.
    Number(u64),
}

/// The Levantine (Syriac) month names, as Syrian media and monitors write them.
const MONTHS_AR: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];

fn month_name_ar(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|index| MONTHS_AR.get(index as usize))
        .copied()
        .unwrap_or_default()
}

/// The number that selects the plural form of `n`. Arabic chooses "few" and "many" by the last
/// two digits (CLDR: `n % 100 = 3..10`, `n % 100 = 11..99`), but the rules compiled into
/// `intl_pluralrules` 7.0.2 test the whole number, so 103 events came out as "other". Past 99
/// the selector is therefore the last two digits when they pick "few" or "many", and 100 (an
/// "other" in every language here) when they do not; below 100 it is `n` itself. English
/// picks "one" only for 1, so it reads the same.
fn plural_selector(n: u64) -> u64 {
    match n % 100 {
        _ if n < 100 => n,
        last @ 3..=99 => last,
        _ => 100,
    }
}

/// `12,345`: Western digits with a comma between thousands, in both languages.
pub fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A chart's value as its labels, its table and its hover text write it: a whole number with
/// its thousands grouped (`5,233`), a fraction (the share of an imprecisely dated event spread
/// over several periods) with one decimal (`1,234.5`). Western digits in both languages, as
/// every number of the interface. The tables' CSV keeps more (`chart_table::csv_number`).
pub fn format_value(value: f64) -> String {
    let (whole, tenths) = split_value(value);
    let sign = if value < 0.0 && (whole > 0 || tenths > 0) {
        "-"
    } else {
        ""
    };
    match tenths {
        0 if (value - value.round()).abs() < 1e-9 => format!("{sign}{}", group_thousands(whole)),
        _ => format!("{sign}{}.{tenths}", group_thousands(whole)),
    }
}

/// The whole part and the tenths of `|value|` rounded to one decimal.
fn split_value(value: f64) -> (u64, u64) {
    let tenths = (value.abs() * 10.0).round();
    if !tenths.is_finite() || tenths >= u64::MAX as f64 {
        return (0, 0);
    }
    let tenths = tenths as u64;
    (tenths / 10, tenths % 10)
}

/// The catalogue key of a vocabulary member: `gov-rif-dimashq`, `actor-syrian-government`.
pub fn label_key(vocab: &str, id: &str) -> String {
    let mut key = String::with_capacity(vocab.len() + id.len() + 1);
    key.push_str(vocab);
    key.push('-');
    for c in id.chars() {
        match c {
            ' ' | '_' => key.push('-'),
            c => key.extend(c.to_lowercase()),
        }
    }
    key
}

/// The keys a catalogue file defines (messages, not terms), in order.
pub fn keys(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_string()))
        .collect()
}

type Bundle = FluentBundle<FluentResource>;

thread_local! {
    /// Both catalogues, parsed once per thread (the page has one).
    static BUNDLES: RefCell<(Bundle, Bundle)> = RefCell::new((bundle(Lang::En), bundle(Lang::Ar)));
}

/// The catalogue of `lang`. Arabic isolates each argument (FSI … PDI), so a Latin name or a
/// number placed in an Arabic sentence keeps its own direction; English needs no isolation.
fn bundle(lang: Lang) -> Bundle {
    let (tag, source) = match lang {
        Lang::En => (unic_langid::langid!("en"), EN_FTL),
        Lang::Ar => (unic_langid::langid!("ar"), AR_FTL),
    };
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle = FluentBundle::new(vec![tag]);
    bundle.set_use_isolating(lang == Lang::Ar);
    // A key defined twice keeps its first definition; the tests rule it out.
    let _ = bundle.add_resource(resource);
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_parse_without_errors() {
        for (name, source) in [("en", EN_FTL), ("ar", AR_FTL)] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("locales/{name}/main.ftl does not parse: {errors:?}");
            }
            let mut bundle = FluentBundle::new(vec![unic_langid::langid!("en")]);
            let resource = FluentResource::try_new(source.to_string()).ok();
            if let Some(resource) = resource {
                if let Err(errors) = bundle.add_resource(resource) {
                    panic!("locales/{name}/main.ftl defines a key twice: {errors:?}");
                }
            }
        }
    }

    #[test]
    fn every_key_is_in_both_languages() {
        let en = keys(EN_FTL);
        let ar = keys(AR_FTL);
        let only_en: Vec<_> = en.difference(&ar).collect();
        let only_ar: Vec<_> = ar.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in Arabic: {only_en:?}");
        assert!(only_ar.is_empty(), "missing in English: {only_ar:?}");
        assert!(en.len() > 100, "the catalogue holds the interface");
    }

    #[test]
    fn every_message_formats_without_error_in_both_languages() {
        for lang in Lang::ALL {
            BUNDLES.with(|bundles| {
                let bundles = bundles.borrow();
                let bundle = if lang == Lang::En {
                    &bundles.0
                } else {
                    &bundles.1
                };
                for key in keys(EN_FTL) {
                    let pattern = bundle
                        .get_message(&key)
                        .and_then(|m| m.value())
                        .unwrap_or_else(|| panic!("{key} has no value in {lang:?}"));
                    // Every variable the catalogues name, as text; `$count` as a number.
                    let mut args = FluentArgs::new();
                    for name in variables(EN_FTL).union(&variables(AR_FTL)) {
                        args.set(name.clone(), FluentValue::from("x"));
                    }
                    args.set("count", FluentValue::from(3));
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{key} in {lang:?}: {errors:?}");
                    assert!(!text.trim().is_empty(), "{key} is empty in {lang:?}");
                }
            });
        }
    }

    /// The variables (`$name`) a catalogue file names.
    fn variables(ftl: &str) -> BTreeSet<String> {
        ftl.split('$')
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect::<String>()
            })
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// The English catalogue says what the vocabularies' own labels say, so the English page
    /// reads as it did before the catalogue.
    #[test]
    fn the_english_catalogue_matches_the_vocabulary_labels() {
        use crate::core::compare::Measure;
        use crate::core::vocab::{Actor, EventKind, Governorate, Metric, Publisher, Qualifier};
        let en = Lang::En;
        for g in Governorate::ALL {
            assert_eq!(en.label("gov", g.id()), g.label());
        }
        for a in Actor::ALL {
            assert_eq!(en.label("actor", a.id()), a.label());
        }
        for k in EventKind::ALL {
            assert_eq!(en.label("kind", k.id()), k.label());
        }
        for p in Publisher::ALL {
            assert_eq!(en.label("pub", p.id()), p.label());
        }
        for q in Qualifier::ALL {
            assert_eq!(en.label("qual", q.id()), q.label());
        }
        for m in Metric::ALL {
            assert_eq!(en.label("figure", m.id()), m.label());
            assert_eq!(en.label("measure", m.id()), Measure::label(*m));
        }
        for m in crate::core::aggregate::Metric::ALL {
            assert_eq!(en.label("metric", m.id()), m.label());
        }
        for f in crate::core::import::table_mapping::Field::ALL {
            assert_eq!(en.label("map-field", f.id()), f.label());
        }
        for c in crate::core::filter::CasualtyFilter::ALL {
            assert_eq!(en.label("cas", c.id()), c.label());
        }
    }

    #[test]
    fn arabic_has_its_six_plural_forms() {
        let ar = |n| Lang::Ar.count("events-count", n);
        let strip = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(strip(ar(0)), "لا أحداث");
        assert_eq!(strip(ar(1)), "حدث واحد");
        assert_eq!(strip(ar(2)), "حدثان");
        assert_eq!(strip(ar(3)), "3 أحداث");
        assert_eq!(strip(ar(11)), "11 حدثًا");
        assert_eq!(strip(ar(100)), "100 حدث");
        // Past 100 the last two digits choose: 103 is "few", 111 "many", 200 "other".
        assert_eq!(strip(ar(103)), "103 أحداث");
        assert_eq!(strip(ar(111)), "111 حدثًا");
        assert_eq!(strip(ar(2_571)), "2,571 حدثًا");
        assert_eq!(strip(ar(16_614)), "16,614 حدثًا");
        assert_eq!(strip(ar(200)), "200 حدث");
        assert_eq!(strip(ar(1_000_000)), "1,000,000 حدث");
        let deaths = |n| strip(Lang::Ar.count("deaths-count", n));
        assert_eq!(deaths(0), "لا قتلى");
        assert_eq!(deaths(1), "قتيل واحد");
        assert_eq!(deaths(2), "قتيلان");
        assert_eq!(deaths(3), "3 قتلى");
        assert_eq!(deaths(11), "11 قتيلًا");
        assert_eq!(deaths(100), "100 قتيل");
    }

    #[test]
    fn english_has_one_and_other() {
        assert_eq!(Lang::En.count("events-count", 0), "0 events");
        assert_eq!(Lang::En.count("events-count", 1), "1 event");
        assert_eq!(Lang::En.count("events-count", 2), "2 events");
        assert_eq!(Lang::En.count("events-count", 16_566), "16,566 events");
        assert_eq!(Lang::En.count("deaths-count", 1), "1 death");
    }

    #[test]
    fn values_are_written_as_the_chart_labels_write_them() {
        assert_eq!(format_value(5233.0), "5,233");
        assert_eq!(format_value(0.0), "0");
        assert_eq!(format_value(2.5), "2.5");
        assert_eq!(format_value(1234.56), "1,234.6");
        assert_eq!(format_value(0.04), "0.0");
        assert_eq!(format_value(112_337.0), "112,337");
        assert_eq!(format_value(f64::NAN), "0.0");
    }

    #[test]
    fn a_librarys_words_are_cut_out_of_the_sentence_in_both_languages() {
        let reason = "found record with 3 fields, but the previous record has 5 fields";
        let inner = Said::new("import-unreadable")
            .arg("row", "7")
            .arg(FOREIGN_ARG, reason);
        let said = Said::new("open-failed")
            .arg("name", "x.csv")
            .arg_said("reason", inner);
        for lang in Lang::ALL {
            let parts = lang.said_parts(&said);
            let foreign: Vec<&SaidPart> = parts
                .iter()
                .filter(|part| matches!(part, SaidPart::Foreign(_)))
                .collect();
            assert_eq!(foreign, [&SaidPart::Foreign(reason.to_string())]);
            let joined: String = parts
                .iter()
                .map(|part| match part {
                    SaidPart::Own(text) | SaidPart::Foreign(text) => text.as_str(),
                })
                .collect();
            let isolated = format!("\u{2068}{reason}\u{2069}");
            assert_eq!(joined, lang.said(&said).replace(&isolated, reason));
            assert!(!joined.contains(MARK_OPEN) && !joined.contains(MARK_CLOSE));
        }
        // A sentence without foreign words is one part.
        let plain = Said::new("problem-required");
        assert_eq!(
            Lang::Ar.said_parts(&plain),
            [SaidPart::Own(Lang::Ar.said(&plain))]
        );
    }

    #[test]
    fn a_missing_key_reads_as_itself() {
        assert_eq!(Lang::Ar.text("no-such-key"), "no-such-key");
    }

    #[test]
    fn languages_from_links_and_browsers() {
        assert_eq!(Lang::from_id("ar"), Some(Lang::Ar));
        assert_eq!(Lang::from_id("AR-sy"), Some(Lang::Ar));
        assert_eq!(Lang::from_id("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_id("xx"), None);
        assert_eq!(Lang::from_id(""), None);
        assert_eq!(Lang::from_preferences(&["ar-SY", "en-US"]), Lang::Ar);
        assert_eq!(Lang::from_preferences(&["en-US", "ar"]), Lang::En);
        assert_eq!(Lang::from_preferences(&["fr-FR"]), Lang::En);
        assert_eq!(Lang::from_preferences::<&str>(&[]), Lang::En);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::En.dir(), "ltr");
    }

    #[test]
    fn dates_in_arabic_use_levantine_months_and_western_digits() {
        let day = Day::parse("2019-04-12").expect("a date");
        assert_eq!(Lang::Ar.day(day), "12 نيسان 2019");
        assert_eq!(Lang::En.day(day), "2019-04-12");
        assert_eq!(Lang::Ar.month(2020, 11), "تشرين الثاني 2020");
        assert_eq!(Lang::En.month(2020, 11), "2020-11");
    }

    #[test]
    fn vocabulary_keys() {
        assert_eq!(label_key("gov", "Rif Dimashq"), "gov-rif-dimashq");
        assert_eq!(
            label_key("actor", "syrian_government"),
            "actor-syrian-government"
        );
        assert_eq!(label_key("gov", "Deir ez-Zor"), "gov-deir-ez-zor");
    }

    /// Every key the code asks for, as a string literal after `.text(`, `.count(`, `.format(`
    /// or `Said::new(`, is in the catalogue.
    #[test]
    fn every_key_the_code_uses_is_in_the_catalogue() {
        let en = keys(EN_FTL);
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut missing = Vec::new();
        let mut used = 0;
        let mut folders = vec![std::path::PathBuf::from(root)];
        while let Some(folder) = folders.pop() {
            let entries = std::fs::read_dir(&folder).expect("the sources are readable");
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).expect("a source file");
                for call in [".text(\"", ".count(\"", ".format(\"", "Said::new(\""] {
                    for (at, _) in source.match_indices(call) {
                        let rest = source.get(at + call.len()..).unwrap_or_default();
                        let Some(key) = rest.split('"').next() else {
                            continue;
                        };
                        used += 1;
                        if !en.contains(key) && key != "no-such-key" {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys used but not in the catalogue: {missing:?}"
        );
        assert!(used > 50, "the interface asks for its strings here");
    }

    /// Every member of the vocabularies shown on screen has a label in the catalogue.
    #[test]
    fn every_vocabulary_member_has_a_label() {
        use crate::core::aggregate::{Interval, Metric};
        use crate::core::filter::CasualtyFilter;
        use crate::core::vocab::{
            Actor, CasualtyGroup, EventKind, Facility, Governorate, Metric as FigureMetric,
            Outcome, Publisher, Qualifier, Role,
        };
        let en = keys(EN_FTL);
        let mut wanted: Vec<String> = Vec::new();
        wanted.extend(Governorate::ALL.iter().map(|g| label_key("gov", g.id())));
        wanted.extend(Actor::ALL.iter().map(|a| label_key("actor", a.id())));
        wanted.extend(EventKind::ALL.iter().map(|k| label_key("kind", k.id())));
        wanted.extend(Publisher::ALL.iter().map(|p| label_key("pub", p.id())));
        wanted.extend(Role::ALL.iter().map(|r| label_key("role", r.id())));
        wanted.extend(
            CasualtyGroup::ALL
                .iter()
                .map(|g| label_key("group", g.id())),
        );
        wanted.extend(Outcome::ALL.iter().map(|o| label_key("outcome", o.id())));
        wanted.extend(Facility::ALL.iter().map(|f| label_key("facility", f.id())));
        wanted.extend(CasualtyFilter::ALL.iter().map(|c| label_key("cas", c.id())));
        wanted.extend(Metric::ALL.iter().map(|m| label_key("metric", m.id())));
        wanted.extend(Interval::ALL.iter().map(|i| label_key("interval", i.id())));
        wanted.extend(Qualifier::ALL.iter().map(|q| label_key("qual", q.id())));
        wanted.extend(
            crate::core::import::table_mapping::Field::ALL
                .iter()
                .map(|f| label_key("map-field", f.id())),
        );
        for figure in FigureMetric::ALL {
            wanted.push(label_key("figure", figure.id()));
            wanted.push(label_key("measure", figure.id()));
        }
        wanted.extend(
            crate::core::facet::Facet::ALL
                .iter()
                .map(|f| label_key("facet", f.id())),
        );
        let missing: Vec<_> = wanted.iter().filter(|k| !en.contains(*k)).collect();
        assert!(
            missing.is_empty(),
            "vocabulary without a label: {missing:?}"
        );
    }
}
