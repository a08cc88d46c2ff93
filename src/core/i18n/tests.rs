//! Tests of the catalogues: every key in both languages and every key the code uses, plural
//! forms, values and dates as the charts write them, and the language a link or browser asks for.

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
    let milestones = |n| strip(Lang::Ar.count("summary-milestones", n));
    assert_eq!(
        milestones(1),
        "(منها اتفاق أو حدث سياسي واحد: يُدرج ولا يُحتسب حادثةً)"
    );
    assert_eq!(
        milestones(2),
        "(منها اتفاقان أو حدثان سياسيان: يُدرجان ولا يُحتسبان حوادث)"
    );
    assert_eq!(
        milestones(3),
        "(منها 3 من الاتفاقات أو الأحداث السياسية: تُدرج ولا تُحتسب حوادث)"
    );
}

#[test]
fn english_has_one_and_other() {
    assert_eq!(Lang::En.count("events-count", 0), "0 events");
    assert_eq!(Lang::En.count("events-count", 1), "1 event");
    assert_eq!(Lang::En.count("events-count", 2), "2 events");
    assert_eq!(Lang::En.count("events-count", 16_566), "16,566 events");
    assert_eq!(Lang::En.count("deaths-count", 1), "1 death");
    let milestones = |n| {
        Lang::En
            .count("summary-milestones", n)
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    assert_eq!(
        milestones(1),
        "(1 agreement or political event among them: listed, not counted as an incident)"
    );
    assert_eq!(
        milestones(3),
        "(3 agreements or political events among them: listed, not counted as incidents)"
    );
    let unplaced = |n: u64| {
        Lang::En
            .format(
                "map-unplaced",
                &[("n", Arg::Text(&n.to_string())), ("count", Arg::Number(n))],
            )
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    assert_eq!(
        unplaced(1),
        "1 event located only to Syria as a whole is not on the map."
    );
    assert_eq!(
        unplaced(7),
        "7 events located only to Syria as a whole are not on the map."
    );
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
        Actor, CasualtyGroup, EventKind, Facility, Governorate, Metric as FigureMetric, Outcome,
        Publisher, Qualifier, Role,
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
