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

    /// `parts` said as one note: the message `one` with `$first` for a single part, `two` with
    /// `$first` and `$second` for two (a third part is not said); `None` for no part.
    pub fn parts_note(self, parts: &[String], (one, two): (&str, &str)) -> Option<String> {
        match parts {
            [] => None,
            [first] => Some(self.format(one, &[("first", Arg::Text(first))])),
            [first, second, ..] => Some(self.format(
                two,
                &[("first", Arg::Text(first)), ("second", Arg::Text(second))],
            )),
        }
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
mod tests;
