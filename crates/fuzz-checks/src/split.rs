//! The record splitter under arbitrary chunking: the same pieces whatever the cuts, each record
//! the exact bytes at its offset with its line and column; and the replay (the splitter with
//! the field reader's fast paths, which see only the rest of a chunk) the same rows whatever the
//! cuts.
//!
//! Input: a byte `n`, then `n % 16` cut points (u16, little-endian, taken modulo the input's
//! length + 1), then the bytes to split.

use trailscope_core::model::Selectors;
use trailscope_core::replay::session::{Item, Replay, Row};
use trailscope_core::replay::stream::{Piece, Position, RecordSplitter, Wrapping};

/// A piece, owned, comparable across runs.
#[derive(Debug, PartialEq, Eq)]
enum Owned {
    Record { bytes: Vec<u8>, offset: u64, position: Position, wrapping: Wrapping },
    Problem { offset: u64, position: Position, message: String },
}

pub fn check(data: &[u8]) {
    let Some((&n, rest)) = data.split_first() else { return };
    let cut_bytes = rest.len().min(usize::from(n % 16) * 2);
    let (cuts, input) = rest.split_at(cut_bytes);
    let cuts: Vec<u16> = cuts.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    let chunks = chunks(input, &cuts);

    let found = pieces(&[input]);
    let cut = pieces(&chunks);
    assert_eq!(cut, found, "chunking {:?} changed the pieces", chunks.iter().map(|c| c.len()).collect::<Vec<_>>());
    for piece in &found {
        match piece {
            Owned::Record { bytes, offset, position, .. } => {
                let at = usize::try_from(*offset).unwrap_or(usize::MAX);
                assert_eq!(input.get(at..at + bytes.len()), Some(&bytes[..]), "record bytes at {offset}");
                assert_eq!(*position, position_in(input, at), "record position at {offset}");
            }
            Owned::Problem { offset, .. } => assert!(*offset <= input.len() as u64, "problem at {offset}"),
        }
    }

    let whole = replay(&[input]);
    let cut = replay(&chunks);
    assert_eq!(cut, whole, "chunking {:?} changed the replay", chunks.iter().map(|c| c.len()).collect::<Vec<_>>());
    // The fast paths change how records are read, never which: a row for each piece, at its
    // offset (a record that does not read as an event becomes a problem row).
    let row_offsets: Vec<u64> = whole
        .iter()
        .map(|row| match row {
            Row::Event(verdict) => verdict.offset,
            Row::Problem(problem) => problem.offset,
        })
        .collect();
    let piece_offsets: Vec<u64> = found
        .iter()
        .map(|p| match p {
            Owned::Record { offset, .. } | Owned::Problem { offset, .. } => *offset,
        })
        .collect();
    assert_eq!(row_offsets, piece_offsets, "replay rows and splitter pieces");
}

/// The input cut at `cuts` (taken modulo its length + 1), in order.
fn chunks<'a>(input: &'a [u8], cuts: &[u16]) -> Vec<&'a [u8]> {
    let mut at: Vec<usize> = cuts.iter().map(|&c| usize::from(c) % (input.len() + 1)).collect();
    at.extend([0, input.len()]);
    at.sort_unstable();
    at.windows(2).map(|w| &input[w[0]..w[1]]).collect()
}

fn pieces(chunks: &[&[u8]]) -> Vec<Owned> {
    let mut splitter = RecordSplitter::new();
    let mut out = Vec::new();
    let mut sink = |p: Piece<'_>| {
        out.push(match p {
            Piece::Record { bytes, offset, position, wrapping } => {
                Owned::Record { bytes: bytes.to_vec(), offset, position, wrapping }
            }
            Piece::Problem { offset, position, message } => Owned::Problem { offset, position, message },
        })
    };
    for chunk in chunks {
        splitter.push(chunk, &mut sink);
    }
    splitter.finish(&mut sink);
    out
}

fn replay(chunks: &[&[u8]]) -> Vec<Row<'static>> {
    let mut replay = Replay::new(Selectors::default());
    let mut rows = Vec::new();
    let mut sink = |item: Item<'_>| {
        rows.push(match item {
            Item::Event { verdict, .. } => Row::Event(verdict.into_owned()),
            Item::Problem(problem) => Row::Problem(problem),
        })
    };
    for chunk in chunks {
        replay.push(chunk, &mut sink);
    }
    replay.finish(&mut sink);
    rows
}

/// Where `offset` is in `input`, as (line, column) from 1, columns in bytes.
fn position_in(input: &[u8], offset: usize) -> Position {
    let before = &input[..offset.min(input.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    Position { line, column: (before.len() - line_start) as u64 + 1 }
}
