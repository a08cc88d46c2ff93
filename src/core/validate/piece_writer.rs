//! Writing a collection in pieces while an importer is still reading its file, so that the
//! page can check the first pieces while the rest is read (the import worker and the page then
//! work at once, on two cores).
//!
//! The lines are those of [`super::write_in_pieces`] (see [`super::steps`]), with one more
//! kind: the parties and dyads an importer meets are only known as it reads, so the header
//! goes out with none, and before a line of events that points at parties or dyads not yet
//! written comes an *addition*, a JSON object `{"parties":[…],"dyads":[…]}` of the ones met
//! since the last line. The indexes of the parties and dyads count on from those already
//! given, as they do in the importer: a reader of the pieces appends them to the header's.

use crate::core::model::{Dataset, Dyad, Party};
use crate::core::records::Records;

/// The parties and dyads met since the last line, as an addition line writes them.
#[derive(serde::Serialize)]
struct Addition<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    parties: &'a [Party],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    dyads: &'a [Dyad],
}

/// Writes a collection in pieces while it is read: give it the importer's state every
/// [`PieceWriter::per_piece`] events ([`PieceWriter::write`]), and once at the end. Each line
/// is given to `put` with its line break as soon as it is written.
pub struct PieceWriter<'a> {
    put: &'a mut dyn FnMut(&[u8]),
    per_piece: usize,
    /// Whether the header line has been written.
    started: bool,
    /// Parties and dyads written so far.
    parties: usize,
    dyads: usize,
    /// The first error met, after which nothing more is written.
    failed: Option<serde_json::Error>,
    /// The line being written, kept for the next.
    line: Vec<u8>,
}

impl<'a> PieceWriter<'a> {
    /// A writer of lines of `per_piece` events (at least one) to `put`.
    pub fn new(per_piece: usize, put: &'a mut dyn FnMut(&[u8])) -> PieceWriter<'a> {
        PieceWriter {
            put,
            per_piece: per_piece.max(1),
            started: false,
            parties: 0,
            dyads: 0,
            failed: None,
            line: Vec::new(),
        }
    }

    /// Events a line holds.
    pub fn per_piece(&self) -> usize {
        self.per_piece
    }

    /// Writes what is new: the header `shell` the first time (its parties, dyads, events and
    /// figures left out: figures cannot be given in pieces), the parties and dyads beyond
    /// those already written (all of `parties` and `dyads` are the importer's lists so far),
    /// then `events` in lines of [`PieceWriter::per_piece`], which leaves `events` empty
    /// and never packed ([`Records::never_packed`]: they are only kept until the next line).
    pub fn write(
        &mut self,
        shell: impl FnOnce() -> Dataset,
        parties: &[Party],
        dyads: &[Dyad],
        events: &mut Records,
    ) {
        if self.failed.is_some() {
            *events = Records::never_packed();
            return;
        }
        if !self.started {
            let mut header = shell();
            header.parties.clear();
            header.dyads.clear();
            header.events = Records::default();
            header.figures.clear();
            self.started = true;
            self.put_json(&header);
        }
        let addition = Addition {
            parties: parties.get(self.parties..).unwrap_or_default(),
            dyads: dyads.get(self.dyads..).unwrap_or_default(),
        };
        if !addition.parties.is_empty() || !addition.dyads.is_empty() {
            self.put_json(&addition);
            (self.parties, self.dyads) = (parties.len(), dyads.len());
        }
        if self.failed.is_some() {
            *events = Records::never_packed();
            return;
        }
        for from in (0..events.len()).step_by(self.per_piece) {
            self.line.clear();
            events.write_array(from, from + self.per_piece, &mut self.line);
            self.line.push(b'\n');
            (self.put)(&self.line);
        }
        *events = Records::never_packed();
    }

    /// Ends the writing. Errors: the first value that could not be written as JSON (the
    /// lines after it were not written).
    pub fn finish(self) -> Result<(), serde_json::Error> {
        self.failed.map_or(Ok(()), Err)
    }

    fn put_json(&mut self, value: &impl serde::Serialize) {
        self.line.clear();
        match serde_json::to_writer(&mut self.line, value) {
            Ok(()) => {
                self.line.push(b'\n');
                (self.put)(&self.line);
            }
            Err(error) => self.failed = Some(error),
        }
    }
}
