//! A collection in pieces checked as its lines come, some megabytes at a time, while its file
//! is still being read (the import worker's checking role, [`PiecesComing`]), and the guesses
//! that reserve its room once: how large the collection will be ([`total_foreseen`]) and how many pieces it
//! will hold ([`pieces_foreseen`]).

use std::sync::Arc;

use super::steps::LoadSteps;
use super::{Loaded, Problem};
use crate::core::place_names::PlaceNames;

/// The lines of `bytes`, whole lines of a collection in pieces (a buffer of them as the
/// import worker posts it), each without its line break; empty lines are left out.
pub fn lines_of(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes
        .split(|&byte| byte == b'\n')
        .filter(|line| !line.is_empty())
}

/// Room given to a guess of a coming collection's size ([`total_foreseen`]), as a share of
/// it: rows further on may be longer than the first.
const GUESS_MARGIN: f64 = 0.05;

/// The least bytes of a piece from which the events of the pieces after it are foreseen
/// ([`pieces_foreseen`]).
const PIECE_TO_MEASURE: usize = 4096;

/// The bytes a collection in pieces will hold, foreseen while it is written: `received` bytes
/// of its lines were written by the time `share` of its file was read (0 to 1); with some
/// room to spare. 0 while nothing of the file was read.
pub fn total_foreseen(received: usize, share: f64) -> usize {
    if share > 0.0 {
        (received as f64 / share.min(1.0) * (1.0 + GUESS_MARGIN)) as usize
    } else {
        0
    }
}

/// How many pieces of events a collection in pieces of some `total` bytes holds from `piece`
/// on, once `consumed` bytes of its lines were read, this piece's included: the pieces hold
/// about as many bytes an event each, so the piece's length foretells them. For
/// [`LoadSteps::expect_pieces`]; `None` when `piece` holds no events, or too few bytes to
/// measure from.
pub fn pieces_foreseen(total: usize, consumed: usize, piece: &[u8]) -> Option<usize> {
    (piece.len() >= PIECE_TO_MEASURE && piece.first() == Some(&b'['))
        .then(|| 1 + total.saturating_sub(consumed).div_ceil(piece.len()))
}

/// A collection in pieces checked as its lines come in buffers while its file is still being
/// read (the import worker's checking role): what came and was checked so far, to reserve the
/// events' room once, at the first piece of events, for as many as the file will hold
/// ([`total_foreseen`], [`pieces_foreseen`], [`LoadSteps::expect_pieces`]). The buffers go
/// through [`PiecesComing::start`], then [`PiecesComing::check_lines`] in order, and the
/// collection comes from [`PiecesComing::finish`].
#[derive(Debug, Default)]
pub struct PiecesComing {
    /// Bytes of the buffers received.
    received: usize,
    /// Bytes of the lines checked, their line breaks included.
    consumed: usize,
    /// Whether the room was reserved.
    reserved: bool,
}

impl PiecesComing {
    /// Starts checking with the first buffer of lines, `first`, written when `share` of the file
    /// `file_name` was read (0 to 1): its first line is the collection's header, read with
    /// the table of the events built as they are checked, reading `place_names`; its other
    /// lines are checked at once. `header` receives a copy of the header line, which the
    /// steps given read from, so that `first` can go before the rest comes.
    ///
    /// Errors: the problems that reject the whole file ([`LoadSteps::start`],
    /// [`LoadSteps::check_piece`]).
    pub fn start<'a>(
        &mut self,
        file_name: &str,
        first: &[u8],
        share: f64,
        place_names: Arc<PlaceNames>,
        header: &'a mut Vec<u8>,
    ) -> Result<LoadSteps<'a>, Vec<Problem>> {
        self.received(first.len());
        let mut lines = lines_of(first);
        *header = lines.next().unwrap_or_default().to_vec();
        self.header(header);
        let mut steps = LoadSteps::start(file_name, header)?
            .building_table(place_names)
            .written_by_importer();
        while !steps.step(usize::MAX)? {}
        for line in lines {
            self.check(&mut steps, line, share)?;
        }
        Ok(steps)
    }

    /// Checks every line of `lines`, the next buffer of whole lines, written when `share` of
    /// the file was read (0 to 1).
    ///
    /// Errors: the problems that reject the whole file ([`LoadSteps::check_piece`]).
    pub fn check_lines(
        &mut self,
        steps: &mut LoadSteps<'_>,
        lines: &[u8],
        share: f64,
    ) -> Result<(), Vec<Problem>> {
        self.received(lines.len());
        for line in lines_of(lines) {
            self.check(steps, line, share)?;
        }
        Ok(())
    }

    /// The collection, once every buffer was checked: its table's text index finished, then its
    /// figures checked ([`LoadSteps::finish`]).
    ///
    /// Errors: the problems that reject the whole file.
    pub fn finish(mut steps: LoadSteps<'_>) -> Result<Loaded, Vec<Problem>> {
        steps.finish_words();
        steps.finish()
    }

    /// A buffer of `bytes` bytes of lines came; its lines follow.
    fn received(&mut self, bytes: usize) {
        self.received += bytes;
    }

    /// The header, `line`, was read (by [`LoadSteps::start`]).
    fn header(&mut self, line: &[u8]) {
        self.consumed += line.len() + 1;
    }

    /// Checks `line` with `steps`; the buffer it came in was written when `share` of the file
    /// was read (0 to 1).
    ///
    /// Errors: the problems that reject the whole file ([`LoadSteps::check_piece`]).
    fn check(
        &mut self,
        steps: &mut LoadSteps<'_>,
        line: &[u8],
        share: f64,
    ) -> Result<(), Vec<Problem>> {
        self.consumed += line.len() + 1;
        if !self.reserved && share > 0.0 {
            let total = total_foreseen(self.received, share);
            if let Some(pieces) = pieces_foreseen(total, self.consumed, line) {
                steps.expect_pieces(pieces);
                self.reserved = true;
            }
        }
        steps.check_piece(line)
    }
}
