//! The text index: every distinct word of the normalised search texts, with the rows it occurs
//! in, so that a search keystroke scans the dictionary of words once instead of every row's text.
//!
//! Matching stays exactly what [`search::contains_all`] does over a row's text (a query term
//! is a substring of the text), because of how texts and terms are normalised: a text is words
//! joined by single spaces, and a term holds no space, so a term occurs in a text exactly when
//! it occurs inside one of its words. A term's rows are therefore the union of the rows of the
//! dictionary words that contain it, and a query's rows the intersection over its terms.
//!
//! Layout: the dictionary is one string, each word followed by a newline (which no normalised
//! word holds), searched with the standard library's substring search; each word's rows are a
//! run of one flat byte array (compressed sparse rows), ascending, each row written as its
//! distance from the word's previous row (from 0 for the first) in LEB128 (seven bits a byte,
//! the high bit set on every byte but a number's last). At the bundled data's rate of about
//! 35 distinct words an event, a million events hold some 35 million row numbers: the common
//! words' rows are a byte each, where a plain `u32` took four.
//!
//! A term of one character (the first keystroke of every search) is in nearly every word, and
//! the union of nearly every word's rows is the slowest query there is. So each row also keeps
//! which letters and digits it holds, one bit each (Latin a-z, 0-9 and the Arabic letters): a
//! one-character term is then one bit test a row.
//!
//! [`search::contains_all`]: super::search::contains_all

use rustc_hash::FxHashMap;

use super::bitset::BitSet;

/// A set of rows, one bit each: what a query matches.
pub type RowSet = BitSet;

/// The dictionary of words and the rows of each; see the module docs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextIndex {
    /// Every distinct word, each followed by `\n`.
    words: String,
    /// Where each word starts in `words`, ascending.
    word_starts: Vec<u32>,
    /// The rows of word `i` are `postings[posting_starts[i]..posting_starts[i + 1]]`, ascending,
    /// as gaps in LEB128 ([`write_gap`]).
    postings: Vec<u8>,
    posting_starts: Vec<u32>,
    /// Per row, the [`char_bit`]s of the characters its text holds.
    chars: Vec<u128>,
    /// Rows indexed (the table's length).
    rows: usize,
}

/// The bit of a character in [`TextIndex::chars`]: Latin a-z, digits, and the Arabic letters
/// U+0621 to U+064A (what normalised text is made of); `None` for any other character.
fn char_bit(c: char) -> Option<u32> {
    match c {
        'a'..='z' => Some(u32::from(c) - u32::from('a')),
        '0'..='9' => Some(26 + u32::from(c) - u32::from('0')),
        '\u{0621}'..='\u{064A}' => Some(36 + u32::from(c) - 0x0621),
        _ => None,
    }
}

/// The letters and digits `text` holds, a bit each ([`char_bit`]).
fn chars_of(text: &str) -> u128 {
    text.chars()
        .filter_map(char_bit)
        .fold(0u128, |set, bit| set | 1 << bit)
}

/// Appends `gap` to `bytes` in LEB128: seven bits a byte, lowest first, the high bit set on
/// every byte but the last (1 to 5 bytes for a `u32`).
fn write_gap(bytes: &mut Vec<u8>, mut gap: u32) {
    while gap >= 0x80 {
        bytes.push((gap & 0x7F) as u8 | 0x80);
        gap >>= 7;
    }
    bytes.push(gap as u8);
}

/// The rows written by [`write_gap`] into `bytes`, each the sum of the gaps so far. Bytes that
/// end inside a number (never written so) end the rows there.
fn read_rows(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    let mut row = 0u32;
    std::iter::from_fn(move || {
        let mut gap = 0u32;
        let mut shift = 0;
        loop {
            let &byte = bytes.get(at)?;
            at += 1;
            gap |= u32::from(byte & 0x7F).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        row = row.wrapping_add(gap);
        Some(row)
    })
}

/// Appends to `bytes` the rows written in `posting` ([`write_gap`]) moved on by `moved`, after
/// a row `last` written before them (0 when none was): the first gap is written again, the
/// rest are copied as they are.
fn write_moved(bytes: &mut Vec<u8>, posting: &[u8], moved: u32, last: u32) {
    let first_end = posting
        .iter()
        .position(|&byte| byte & 0x80 == 0)
        .map_or(posting.len(), |at| at + 1);
    let (first, rest) = posting.split_at(first_end);
    if let Some(row) = read_rows(first).next() {
        write_gap(bytes, row.wrapping_add(moved).wrapping_sub(last));
        bytes.extend_from_slice(rest);
    }
}

/// One word's rows while the index is built: the gaps written so far and the last row.
#[derive(Debug, Default)]
struct Posting {
    bytes: Vec<u8>,
    /// The last row written; `None` before the first.
    last: Option<u32>,
}

impl Posting {
    /// Adds `row`, not before the last one; a row given twice in a row is kept once.
    fn push(&mut self, row: u32) {
        match self.last {
            Some(last) if last == row => {}
            last => {
                write_gap(&mut self.bytes, row.wrapping_sub(last.unwrap_or(0)));
                self.last = Some(row);
            }
        }
    }
}

/// Builds a [`TextIndex`] one row at a time, in row order. The dictionary is written as words
/// are first met (a word's id is its place in it), so that finishing only joins the rows of
/// each word: a page finishes the index of a large file in one short step.
#[derive(Debug, Default)]
pub struct TextIndexBuilder {
    ids: FxHashMap<String, u32>,
    /// Every word met so far, in the order of their ids, each followed by `\n`.
    words: String,
    /// Where each word starts in `words`.
    word_starts: Vec<u32>,
    /// Per word id: its rows so far.
    rows_of: Vec<Posting>,
    /// Per word id: the letters and digits it holds, as [`TextIndex::chars`] marks them, so
    /// that a row's are the union of its words' (a text is words and single spaces), not a
    /// walk over every character of every row.
    chars_of_word: Vec<u128>,
    chars: Vec<u128>,
    rows: usize,
}

impl TextIndexBuilder {
    /// Makes room for `rows` more rows' characters at once, so the room does not grow by
    /// doubling (up to twice what it holds, kept in the index).
    pub fn reserve(&mut self, rows: usize) {
        self.chars.reserve_exact(rows);
    }

    /// Adds the next row, given its normalised text (words separated by single spaces).
    pub fn push(&mut self, normalised: &str) {
        let row = u32::try_from(self.rows).unwrap_or(u32::MAX);
        let mut chars = 0u128;
        for word in normalised.split(' ').filter(|w| !w.is_empty()) {
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.rows_of.len()).unwrap_or(u32::MAX);
                    self.ids.insert(word.to_string(), id);
                    self.word_starts.push(offset(self.words.len()));
                    self.words.push_str(word);
                    self.words.push('\n');
                    self.rows_of.push(Posting::default());
                    self.chars_of_word.push(chars_of(word));
                    id
                }
            };
            if let Some(rows) = self.rows_of.get_mut(id as usize) {
                // Rows come in order, so a word met twice in one row is the last entry.
                rows.push(row);
            }
            chars |= self
                .chars_of_word
                .get(id as usize)
                .copied()
                .unwrap_or_default();
        }
        self.chars.push(chars);
        self.rows += 1;
    }

    /// The index of the rows pushed.
    pub fn finish(self) -> TextIndex {
        let TextIndexBuilder {
            ids,
            mut words,
            mut word_starts,
            rows_of,
            chars_of_word: _,
            chars,
            rows,
        } = self;
        // The dictionary is written already; its words' copies in the map go.
        drop(ids);
        // The dictionary grew by doubling: the index keeps only what it fills.
        words.shrink_to_fit();
        word_starts.shrink_to_fit();
        let mut postings = Vec::with_capacity(rows_of.iter().map(|rows| rows.bytes.len()).sum());
        let mut posting_starts = Vec::with_capacity(rows_of.len() + 1);
        for rows in rows_of {
            posting_starts.push(offset(postings.len()));
            postings.extend_from_slice(&rows.bytes);
        }
        posting_starts.push(offset(postings.len()));
        TextIndex {
            words,
            word_starts,
            postings,
            posting_starts,
            chars,
            rows,
        }
    }
}

fn offset(position: usize) -> u32 {
    u32::try_from(position).unwrap_or(u32::MAX)
}

/// [`TextIndex::append`] a part at a time, so that a page joins the index of a large file to
/// the bundled collections' between frames (at a million rows all at once took some 170 ms in
/// WebAssembly): call [`TextIndexAppending::step`] with the same two indexes until it says it
/// is done. The index appended to is unchanged until that last step.
#[derive(Debug, Default)]
pub struct TextIndexAppending {
    /// The rows of the index appended to: `other`'s rows move by as many.
    moved: u32,
    /// For each word of the index appended to, `other`'s id of the same word, if it has it.
    theirs: Vec<Option<u32>>,
    /// For each word of `other`, whether the index appended to has it.
    shared: Vec<bool>,
    /// The next word of the index appended to whose rows are written, then the next of
    /// `other`'s.
    next_own: usize,
    next_theirs: usize,
    /// The joined rows of every word written so far, by id, as [`TextIndex::postings`].
    postings: Vec<u8>,
    posting_starts: Vec<u32>,
    /// The words of `other` new to the index, as [`TextIndex::words`], and where each starts
    /// in the joined index's words.
    words: String,
    word_starts: Vec<u32>,
}

impl TextIndexAppending {
    /// `other`'s rows, to append to `index`'s: matches their words (one pass over `other`'s
    /// words) and reserves the joined rows' room.
    pub fn new(index: &TextIndex, other: &TextIndex) -> TextIndexAppending {
        let other_ids: FxHashMap<&str, u32> = other
            .word_list()
            .enumerate()
            .map(|(id, word)| (word, offset(id)))
            .collect();
        let mut shared = vec![false; other.words()];
        let theirs = index
            .word_list()
            .map(|word| {
                let id = other_ids.get(word).copied()?;
                if let Some(slot) = shared.get_mut(id as usize) {
                    *slot = true;
                }
                Some(id)
            })
            .collect();
        TextIndexAppending {
            moved: offset(index.rows),
            theirs,
            shared,
            // Each of `other`'s words has its first row written again, moved: at most four
            // bytes longer (five for any `u32`, one at least before). Room short of that grew
            // a million rows' postings by doubling, a copy of some 40 MB in one step.
            postings: Vec::with_capacity(
                index.postings.len() + other.postings.len() + 4 * other.words(),
            ),
            posting_starts: Vec::with_capacity(index.words() + other.words() + 1),
            ..TextIndexAppending::default()
        }
    }

    /// Writes the joined rows of the next words, about `budget` bytes of them (at least one
    /// word), then, once every word's are written, puts them in `index`; `true` then. Give
    /// the indexes given to [`TextIndexAppending::new`].
    pub fn step(&mut self, index: &mut TextIndex, other: &TextIndex, budget: usize) -> bool {
        let until = self.postings.len().saturating_add(budget.max(1));
        while self.next_own < index.words() {
            if self.postings.len() >= until {
                return false;
            }
            let id = self.next_own;
            self.next_own += 1;
            self.posting_starts.push(offset(self.postings.len()));
            let own = index.posting(id);
            self.postings.extend_from_slice(own);
            if let Some(theirs) = self.theirs.get(id).copied().flatten() {
                let last = read_rows(own).last().unwrap_or(0);
                write_moved(
                    &mut self.postings,
                    other.posting(theirs as usize),
                    self.moved,
                    last,
                );
            }
        }
        while self.next_theirs < other.words() {
            if self.postings.len() >= until {
                return false;
            }
            let theirs = self.next_theirs;
            self.next_theirs += 1;
            if self.shared.get(theirs).copied().unwrap_or(false) {
                continue;
            }
            self.word_starts
                .push(offset(index.words.len() + self.words.len()));
            self.words.push_str(other.word(theirs));
            self.words.push('\n');
            self.posting_starts.push(offset(self.postings.len()));
            write_moved(&mut self.postings, other.posting(theirs), self.moved, 0);
        }
        self.posting_starts.push(offset(self.postings.len()));
        index.words.push_str(&self.words);
        index.words.shrink_to_fit();
        index.word_starts.append(&mut self.word_starts);
        index.postings = std::mem::take(&mut self.postings);
        index.posting_starts = std::mem::take(&mut self.posting_starts);
        index.chars.extend_from_slice(&other.chars);
        index.rows += other.rows;
        true
    }
}

/// The parts of a [`TextIndex`] as the stored form of a file holds them
/// ([`crate::core::stored`]); [`TextIndex::from_parts`] checks them.
#[derive(Debug, Default)]
pub struct TextIndexParts {
    /// Every distinct word, each followed by `\n`.
    pub words: String,
    /// Where each word starts in `words`, ascending.
    pub word_starts: Vec<u32>,
    /// Each word's rows, as gaps in LEB128, one word after the other.
    pub postings: Vec<u8>,
    /// Where each word's rows start in `postings`, and where the last ends.
    pub posting_starts: Vec<u32>,
    /// Per row, the bits of the characters its text holds.
    pub chars: Vec<u128>,
    /// Rows indexed.
    pub rows: usize,
}

/// The parts of a [`TextIndex`], borrowed: the fields of [`TextIndexParts`] but its rows.
#[derive(Debug, Clone, Copy)]
pub struct TextIndexRef<'a> {
    pub words: &'a str,
    pub word_starts: &'a [u32],
    pub postings: &'a [u8],
    pub posting_starts: &'a [u32],
    pub chars: &'a [u128],
}

impl TextIndex {
    /// The index's parts, as [`TextIndex::from_parts`] takes them back (its rows are
    /// [`TextIndex::rows`]).
    pub fn parts(&self) -> TextIndexRef<'_> {
        TextIndexRef {
            words: &self.words,
            word_starts: &self.word_starts,
            postings: &self.postings,
            posting_starts: &self.posting_starts,
            chars: &self.chars,
        }
    }

    /// An index from its parts, as [`TextIndex::parts`] gave them.
    ///
    /// Errors: parts that do not fit together (starts out of order or past what they point
    /// into, a character bit set per row for another number of rows), in English words.
    pub fn from_parts(parts: TextIndexParts) -> Result<TextIndex, String> {
        let TextIndexParts {
            words,
            word_starts,
            postings,
            posting_starts,
            chars,
            rows,
        } = parts;
        let ascending = |starts: &[u32], len: usize| {
            starts.windows(2).all(|two| two[0] <= two[1])
                && starts.last().is_none_or(|&last| last as usize <= len)
        };
        let words_fit = ascending(&word_starts, words.len())
            && word_starts
                .iter()
                .all(|&start| words.is_char_boundary(start as usize))
            && words.bytes().filter(|&byte| byte == b'\n').count() == word_starts.len();
        if !words_fit {
            return Err("the index's words do not fit together".into());
        }
        let rows_fit = ascending(&posting_starts, postings.len())
            && (posting_starts.len() == word_starts.len() + 1
                || (posting_starts.is_empty() && word_starts.is_empty()));
        if !rows_fit {
            return Err("the index's rows do not fit its words".into());
        }
        if chars.len() != rows {
            return Err(format!("characters of {} rows for {rows}", chars.len()));
        }
        Ok(TextIndex {
            words,
            word_starts,
            postings,
            posting_starts,
            chars,
            rows,
        })
    }
}

impl TextIndex {
    /// How many rows were indexed.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// How many distinct words the rows hold.
    pub fn words(&self) -> usize {
        self.word_starts.len()
    }

    /// Bytes held by the index (dictionary and rows of each word).
    pub fn heap_bytes(&self) -> usize {
        self.heap_parts().iter().map(|&(_, bytes)| bytes).sum()
    }

    /// Bytes held by each part of the index, by name: the dictionary (`words`, `word_starts`),
    /// the rows of each word (`postings`, `posting_starts`) and each row's characters
    /// (`chars`). Counts the room each part holds, which may be more than it fills.
    pub fn heap_parts(&self) -> [(&'static str, usize); 5] {
        [
            ("words", self.words.capacity()),
            ("word_starts", 4 * self.word_starts.capacity()),
            ("postings", self.postings.capacity()),
            ("posting_starts", 4 * self.posting_starts.capacity()),
            ("chars", 16 * self.chars.capacity()),
        ]
    }

    /// The rows whose text contains every term (normalised, space-free, as
    /// [`super::search::terms`] gives them); `None` for no terms (no constraint).
    pub fn rows_matching(&self, terms: &[String]) -> Option<RowSet> {
        let mut sets = terms.iter().map(|term| self.rows_containing(term));
        let mut all = sets.next()?;
        for set in sets {
            all.intersect(&set);
        }
        Some(all)
    }

    /// Appends the rows of `other` after this index's rows: the index a builder would give
    /// had it been pushed this index's rows, then `other`'s. The words of `other` not here
    /// are added in `other`'s order; a word's rows are its rows here, then its rows in `other`
    /// moved by this index's row count, so only the first gap of each of `other`'s words is
    /// written again and the rest of its bytes are copied. [`TextIndexAppending`] does the
    /// same a part at a time.
    pub fn append(&mut self, other: &TextIndex) {
        let mut appending = TextIndexAppending::new(self, other);
        while !appending.step(self, other, usize::MAX) {}
    }

    /// Word `id`; "" past the last.
    fn word(&self, id: usize) -> &str {
        let start = self.word_starts.get(id).copied().unwrap_or(u32::MAX) as usize;
        let rest = self.words.get(start..).unwrap_or_default();
        rest.split('\n').next().unwrap_or_default()
    }

    /// Every word, by id.
    fn word_list(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.words()).map(|id| self.word(id))
    }

    /// The bytes of word `word`'s rows.
    fn posting(&self, word: usize) -> &[u8] {
        let start = self.posting_starts.get(word).copied().unwrap_or(0) as usize;
        let end = self.posting_starts.get(word + 1).copied().unwrap_or(0) as usize;
        self.postings.get(start..end).unwrap_or(&[])
    }

    /// The rows whose text contains `term` (the union of the rows of the words holding it).
    fn rows_containing(&self, term: &str) -> RowSet {
        let mut chars = term.chars();
        if let (Some(only), None) = (chars.next(), chars.next()) {
            if let Some(bit) = char_bit(only) {
                let mask = 1u128 << bit;
                return RowSet::from_column(self.rows, &self.chars, |chars| chars & mask != 0);
            }
        }
        let mut set = RowSet::empty(self.rows);
        let mut last_word = None;
        for (position, _) in self.words.match_indices(term) {
            let position = offset(position);
            let word = self
                .word_starts
                .partition_point(|&start| start <= position)
                .saturating_sub(1);
            // Matches inside one word come one after another: take each word once.
            if last_word == Some(word) {
                continue;
            }
            last_word = Some(word);
            for row in self.rows_of(word) {
                set.insert(row);
            }
        }
        set
    }

    /// The rows of word `word`, ascending.
    fn rows_of(&self, word: usize) -> impl Iterator<Item = u32> + '_ {
        read_rows(self.posting(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::{contains_all, normalise, terms};
    use proptest::prelude::*;

    fn index(texts: &[String]) -> TextIndex {
        let mut builder = TextIndexBuilder::default();
        for text in texts {
            builder.push(text);
        }
        builder.finish()
    }

    fn brute_force(texts: &[String], query: &str) -> Vec<usize> {
        let terms = terms(query);
        (0..texts.len())
            .filter(|&row| contains_all(&texts[row], &terms))
            .collect()
    }

    fn indexed(index: &TextIndex, rows: usize, query: &str) -> Vec<usize> {
        match index.rows_matching(&terms(query)) {
            Some(set) => (0..rows).filter(|&row| set.contains(row)).collect(),
            None => (0..rows).collect(),
        }
    }

    #[test]
    fn a_term_matches_inside_words_and_terms_are_anded() {
        let texts: Vec<String> = [
            "Airstrike on Saraqib market",
            "Shelling of Kafr Nubl and Saraqib",
            "Clashes near Ariha; Saraqib/Ariha road cut",
            "",
        ]
        .iter()
        .map(|t| normalise(t))
        .collect();
        let index = index(&texts);
        assert_eq!(indexed(&index, 4, "saraq"), [0, 1, 2]);
        assert_eq!(indexed(&index, 4, "raqib ariha"), [2]);
        assert_eq!(indexed(&index, 4, "nubl"), [1]);
        assert_eq!(indexed(&index, 4, "zzz"), Vec::<usize>::new());
        assert_eq!(indexed(&index, 4, ""), [0, 1, 2, 3]);
        // A word repeated in a row is one entry of that row.
        assert_eq!(index.rows_of(0).collect::<Vec<_>>(), [0]);
        assert_eq!(index.rows_matching(&terms("a")).map(|s| s.len()), Some(3));
    }

    #[test]
    fn a_one_character_term_reads_the_rows_characters() {
        let texts: Vec<String> = ["saraqib 12", "ariha", "إدلب", "straße"]
            .iter()
            .map(|t| normalise(t))
            .collect();
        let index = index(&texts);
        assert_eq!(indexed(&index, 4, "q"), [0]);
        assert_eq!(indexed(&index, 4, "a"), [0, 1, 3]);
        assert_eq!(indexed(&index, 4, "2"), [0]);
        assert_eq!(indexed(&index, 4, "د"), [2]);
        // Characters without a bit go through the words.
        assert_eq!(indexed(&index, 4, "ß"), [3]);
        assert_eq!(indexed(&index, 4, "ß"), brute_force(&texts, "ß"));
        assert_eq!(char_bit('\u{064A}'), Some(77));
    }

    /// Words drawn from a small alphabet, so that random terms often hit.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec("[abcßإدلب]{1,6}", 0..8)
            .prop_map(|words| normalise(&words.join(" ")))
    }

    #[test]
    fn gaps_take_a_byte_for_each_seven_bits() {
        let mut bytes = Vec::new();
        for gap in [0, 127, 128, 16_383, 16_384, u32::MAX] {
            let before = bytes.len();
            write_gap(&mut bytes, gap);
            let width = bytes.len() - before;
            assert_eq!(
                width,
                (32 - gap.leading_zeros()).max(1).div_ceil(7) as usize
            );
        }
        // A number cut short ends the rows.
        assert_eq!(read_rows(&[5, 0x80]).collect::<Vec<_>>(), [5]);
    }

    proptest! {
        /// An index appended to another is the index of all their rows pushed in order.
        #[test]
        fn an_appended_index_is_the_index_of_both(
            first in proptest::collection::vec(text(), 0..40),
            second in proptest::collection::vec(text(), 0..40),
        ) {
            let mut appended = index(&first);
            appended.append(&index(&second));
            let both: Vec<String> = first.iter().chain(&second).cloned().collect();
            prop_assert_eq!(appended, index(&both));
        }

        /// Appended a few bytes a step, the index is the same, and the index appended to is
        /// unchanged until the last step.
        #[test]
        fn an_index_appended_in_steps_is_the_one_appended_at_once(
            first in proptest::collection::vec(text(), 0..40),
            second in proptest::collection::vec(text(), 0..40),
            budget in 0usize..12,
        ) {
            let (mut stepped, other) = (index(&first), index(&second));
            let mut appending = TextIndexAppending::new(&stepped, &other);
            let mut steps = 0;
            while !appending.step(&mut stepped, &other, budget) {
                prop_assert_eq!(&stepped, &index(&first));
                steps += 1;
                prop_assert!(steps <= stepped.words() + other.words(), "each step writes a word");
            }
            // The joined rows fit the room reserved for them: it never grew by doubling.
            let needed = index(&first).postings.len() + other.postings.len();
            prop_assert!(stepped.postings.capacity() <= needed + 4 * other.words());
            let mut at_once = index(&first);
            at_once.append(&other);
            prop_assert_eq!(stepped, at_once);
        }
    }

    proptest! {
        /// Any ascending rows (repeats kept once), up to the largest row there is, read back as
        /// they were given.
        #[test]
        fn rows_read_back_as_written(mut rows in proptest::collection::vec(any::<u32>(), 0..200)) {
            rows.sort_unstable();
            let mut posting = Posting::default();
            for &row in &rows {
                posting.push(row);
            }
            rows.dedup();
            prop_assert_eq!(read_rows(&posting.bytes).collect::<Vec<_>>(), rows);
        }

        #[test]
        fn the_index_matches_exactly_what_a_scan_matches(
            texts in proptest::collection::vec(text(), 0..70),
            queries in proptest::collection::vec("[abcإدß ]{0,7}", 1..6),
        ) {
            let index = index(&texts);
            for query in &queries {
                prop_assert_eq!(indexed(&index, texts.len(), query), brute_force(&texts, query), "{:?}", query);
            }
        }

        /// A row's letters and digits, made from its words' as they are met, are those of its
        /// whole text, character by character.
        #[test]
        fn a_rows_characters_are_those_of_its_text(
            texts in proptest::collection::vec(
                proptest::collection::vec("[a-z0-9إدلبß]{1,6}", 0..8).prop_map(|words| words.join(" ")),
                0..40,
            ),
        ) {
            let index = index(&texts);
            let each: Vec<u128> = texts.iter().map(|text| chars_of(text)).collect();
            prop_assert_eq!(index.chars, each);
        }
    }
}
