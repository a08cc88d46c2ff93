//! Free-text search that forgives how a name was typed. Place and party names reach us in many
//! spellings: "Ḩalāqīm" from a gazetteer, "Halaqim" from a reader, "Ma’arrat" with a curly
//! apostrophe, Arabic with or without vowel marks and with any of four alef forms. Both the
//! indexed text (once, when the table is built) and the query (once per search) pass through the
//! same [`normalise`], so matching is then a plain substring test per query term, which stays
//! cheap enough to run over every row of a large table.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds text to the form both sides of a search are compared in: lowercase, compatibility
/// decomposed with every combining mark removed (Latin diacritics and Arabic harakat alike),
/// Arabic letter variants unified, apostrophes and quote marks removed, every other
/// character that is not a letter or a digit (dashes, punctuation, symbols) turned into a
/// space, and runs of spaces collapsed to one with none at either end.
///
/// Compatibility decomposition (NFKD rather than NFD) also folds Arabic presentation forms,
/// ligatures and full-width letters onto their plain letters, which NFD leaves apart.
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        normalise_ascii(text)
    } else {
        normalise_any(text)
    }
}

/// [`normalise`] of ASCII text (every English summary and quote), a byte at a time: the
/// general path's result for such text, which decomposition leaves as it is and each
/// lowercase letter is one byte. A letter or digit is kept, lowercased; an apostrophe or
/// quotation mark is dropped; any other byte separates words. Some ten times faster than
/// the general path, which loading a large file feels.
fn normalise_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for byte in text.bytes() {
        match byte {
            b'\'' | b'"' | b'`' => {}
            byte if byte.is_ascii_alphanumeric() => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(char::from(byte.to_ascii_lowercase()));
            }
            // A word break, written before the next letter once one was written.
            _ => pending_space = !out.is_empty(),
        }
    }
    out
}

/// [`normalise`] of any text: decomposed, lowercased and folded a character at a time.
///
/// Each character is decomposed on its own, and an ASCII one (which decomposition and
/// lowercasing leave one character) skips both: text mostly in Latin letters with a few
/// Arabic words costs little more than ASCII. This gives what decomposing the whole text
/// (NFKD) gives: that only adds the canonical reordering of combining marks, and [`fold`]
/// drops every combining mark.
fn normalise_any(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Start as if a space was just written, so leading whitespace is dropped.
    let mut pending_space = false;
    let mut at_start = true;
    let mut write = |folded: Option<char>| {
        let Some(folded) = folded else {
            return;
        };
        if folded.is_whitespace() {
            pending_space = !at_start;
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(folded);
        at_start = false;
    };
    // Quotes are removed before decomposition too: NFKD turns a few of them (the acute
    // accent used as an apostrophe) into a space plus a combining mark.
    for c in text.chars().filter(|c| !is_quote(*c)) {
        if c.is_ascii() {
            write(fold(c.to_ascii_lowercase()));
            continue;
        }
        decompose_compatible(c, |decomposed| {
            for lower in decomposed.to_lowercase() {
                write(fold(lower));
            }
        });
    }
    out
}

/// One character after decomposition and lowercasing: `None` drops it, otherwise its folded form
/// (a whitespace result becomes a word break).
fn fold(c: char) -> Option<char> {
    if is_combining_mark(c) || is_quote(c) {
        // Harakat (U+064B..U+065F) and the superscript alef (U+0670) are combining marks too, so
        // this also removes Arabic vowelling, and the hamza/madda that NFKD splits off alefs.
        return None;
    }
    let folded = match c {
        // Tatweel only stretches a word on screen; zero-width and bidirectional controls
        // (U+200B..U+200F, U+202A..U+202E, U+2060..U+2069, U+061C, BOM, soft hyphen) ride along
        // when Arabic text is copied, invisibly, and must not split or break a term.
        '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{00AD}' => return None,
        // Alef with hamza above/below and with madda decompose to a bare alef plus a mark; the
        // wasla form does not, so it is mapped here.
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => '\u{0627}',
        // Alef maqsura and Farsi yeh are written for yeh.
        '\u{0649}' | '\u{06CC}' => '\u{064A}',
        // Ta marbuta is often typed as heh.
        '\u{0629}' => '\u{0647}',
        // Keheh (Persian keyboards) for kaf.
        '\u{06A9}' => '\u{0643}',
        // Arabic-Indic and Extended Arabic-Indic digits match the ASCII digits sources also use.
        '\u{0660}'..='\u{0669}' => arabic_digit(c, 0x0660),
        '\u{06F0}'..='\u{06F9}' => arabic_digit(c, 0x06F0),
        // Every other character that is neither a letter nor a digit separates words: dashes
        // ("al-Hasakah" is found by "al hasakah" and back), full stops, commas, brackets,
        // slashes, Arabic punctuation (، ؛ ؟) and symbols. So "Saraqib." and "(Kafr Nubl)"
        // find what "Saraqib" and "Kafr Nubl" find, in queries and in the indexed text alike.
        other if !other.is_alphanumeric() => ' ',
        other => other,
    };
    Some(folded)
}

fn arabic_digit(c: char, zero: u32) -> char {
    char::from_digit(u32::from(c).saturating_sub(zero), 10).unwrap_or(c)
}

/// Apostrophes, the letters that transliterate hamza and ayn, and quotation marks: sources and
/// readers use them inconsistently ("Ma'arrat", "Ma’arrat", "Maʿarrat", "Maarrat"), so they are
/// dropped rather than unified, which makes all four spellings equal.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '\'' | '"'
            | '`'
            | '\u{00B4}' // acute accent used as an apostrophe
            | '\u{02BB}'..='\u{02BF}' // ʻ ʼ ʽ ʾ ʿ
            | '\u{2018}'..='\u{201F}' // ‘ ’ ‚ ‛ “ ” „ ‟
            | '\u{2032}' // prime
            | '\u{00AB}' // «
            | '\u{00BB}' // »
    )
}

/// The terms of a query, normalised: what every searched text must contain. An empty or blank
/// query has no terms and so matches everything.
pub fn terms(query: &str) -> Vec<String> {
    normalise(query)
        .split(' ')
        .filter(|term| !term.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when the already normalised `haystack` contains every term (AND). This is the per-row
/// test: the query is normalised once, by [`terms`], not once per row.
pub fn contains_all(haystack_normalised: &str, terms: &[String]) -> bool {
    terms
        .iter()
        .all(|term| haystack_normalised.contains(term.as_str()))
}

/// True when every whitespace-separated term of `query`, normalised, occurs in the already
/// normalised `haystack`. Convenient for one text; for many rows call [`terms`] once and then
/// [`contains_all`].
pub fn matches(haystack_normalised: &str, query: &str) -> bool {
    contains_all(haystack_normalised, &terms(query))
}

#[cfg(test)]
mod tests {
    use super::*;

    use unicode_normalization::UnicodeNormalization;

    /// [`normalise_any`] as the whole text's compatibility decomposition (NFKD) defines it:
    /// the text without quotes decomposed at once, then each character lowercased and folded.
    fn normalised_whole(text: &str) -> String {
        let mut folded = String::new();
        for decomposed in text.chars().filter(|c| !is_quote(*c)).nfkd() {
            for lower in decomposed.to_lowercase() {
                match fold(lower) {
                    Some(c) if c.is_whitespace() => folded.push(' '),
                    Some(c) => folded.push(c),
                    None => {}
                }
            }
        }
        folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_shortcut_gives_what_the_general_path_gives(text in "[\\x00-\\x7F]{0,80}") {
            proptest::prop_assert_eq!(normalise(&text), normalise_any(&text));
        }

        // Latin with diacritics, stacked combining marks out of canonical order, Arabic with
        // harakat, presentation forms, Hangul, quotes and spaces, mixed.
        #[test]
        fn decomposing_a_character_at_a_time_gives_what_the_whole_text_gives(
            text in "[a-zA-Z0-9 .'\\-\u{00C0}-\u{024F}\u{0300}-\u{036F}\u{0600}-\u{06FF}\u{1E00}-\u{1EFF}\u{2018}-\u{201F}\u{AC00}-\u{AC20}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}\u{FF01}-\u{FF5E}]{0,60}"
        ) {
            proptest::prop_assert_eq!(normalise(&text), normalised_whole(&text));
        }
    }

    #[test]
    fn folds_latin_diacritics_and_case() {
        assert_eq!(normalise("Ḩalāqīm"), "halaqim");
        assert_eq!(normalise("Aïn Issa"), "ain issa");
        assert_eq!(normalise("ÇOBANBEY"), "cobanbey");
        assert_eq!(normalise("İdlib"), "idlib");
        assert!(matches(
            &normalise("Strikes on Ḩalāqīm and Kafr Nubl"),
            "HALAQIM kafr"
        ));
    }

    #[test]
    fn drops_apostrophes_and_quotes_of_every_kind() {
        let spellings = [
            "Ma'arrat",
            "Ma’arrat",
            "Maʿarrat",
            "Maarrat",
            "Ma`arrat",
            "Maʼarrat",
        ];
        for spelling in spellings {
            assert_eq!(normalise(spelling), "maarrat", "{spelling}");
        }
        assert_eq!(normalise("“Idlib” «Hama»"), "idlib hama");
    }

    #[test]
    fn collapses_whitespace_and_splits_dashes() {
        assert_eq!(
            normalise("  Deir\tez-Zor \n\u{00A0} city "),
            "deir ez zor city"
        );
        assert_eq!(normalise("Al–Hasakah"), "al hasakah");
        assert_eq!(normalise(""), "");
        assert_eq!(normalise("   "), "");
    }

    #[test]
    fn punctuation_separates_words_in_queries_and_texts() {
        assert_eq!(terms("Saraqib."), ["saraqib"]);
        assert_eq!(terms("Saraqib,"), ["saraqib"]);
        assert_eq!(terms("(Kafr Nubl)"), ["kafr", "nubl"]);
        assert_eq!(terms("Saraqib/Ariha"), ["saraqib", "ariha"]);
        assert_eq!(terms("إدلب، حلب؟"), [normalise("ادلب"), normalise("حلب")]);
        assert_eq!(
            terms("[Idlib]; {Hama}! 50% & more…"),
            ["idlib", "hama", "50", "more"]
        );
        let text = normalise("Strikes hit (Kafr Nubl), Saraqib/Ariha and Idlib.");
        assert_eq!(text, "strikes hit kafr nubl saraqib ariha and idlib");
        assert!(matches(&text, "Saraqib."));
        assert!(matches(&text, "(kafr nubl)"));
        assert!(terms("?!.,;:()").is_empty());
    }

    #[test]
    fn folds_arabic_variants() {
        // Vowelled and bare forms of the same word.
        assert_eq!(normalise("إِدْلِب"), normalise("ادلب"));
        // Every alef form.
        for alef in ["أ", "إ", "آ", "ٱ"] {
            assert_eq!(normalise(alef), "ا", "{alef}");
        }
        // Alef maqsura, ta marbuta, tatweel.
        assert_eq!(normalise("مصطفى"), normalise("مصطفي"));
        assert_eq!(normalise("الرقة"), "الرقه");
        assert_eq!(normalise("حـــلب"), "حلب");
        // Superscript alef.
        assert_eq!(normalise("هٰذا"), "هذا");
        assert_eq!(normalise("٢٠١٩"), "2019");
        // Invisible marks copied with right-to-left text.
        assert_eq!(normalise("\u{200F}حلب\u{200E}\u{061C}"), "حلب");
        assert_eq!(normalise("Ari\u{00AD}ha\u{200B}"), "ariha");
        assert!(matches(&normalise("قصف على مدينة إدلب"), "ادلب مدينه"));
    }

    #[test]
    fn terms_are_anded() {
        let haystack = normalise("Russian airstrike on a market in Ariha");
        assert!(matches(&haystack, "market ariha"));
        assert!(matches(&haystack, "  ARIHA   "));
        assert!(!matches(&haystack, "market saraqib"));
    }

    #[test]
    fn empty_query_matches_everything() {
        assert!(matches("anything", ""));
        assert!(matches("", "   "));
        assert!(matches("", "’"));
        assert!(terms("\t").is_empty());
    }
}
