//! Byte spans into the source text, and their conversion to lines and columns.

use serde::Serialize;

/// A half-open byte range `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// `self` inside `text` and widened to whole characters: a reader that stops inside a
    /// multi-byte character must not give a span that splits it.
    pub fn whole_chars(self, text: &str) -> Self {
        let mut start = self.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = self.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Span { start, end }
    }

    /// A span covering only the first byte of `self` (e.g. the `{` of an object).
    pub const fn first_byte(self) -> Self {
        let end = if self.end > self.start { self.start + 1 } else { self.start };
        Span { start: self.start, end }
    }
}

/// A 1-based line and column; columns count Unicode scalar values, as editors and rustc do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// A place in the text: 1-based line and column, and the UTF-16 offset from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub utf16: usize,
}

/// Line starts of a text, for converting byte offsets to lines, columns and UTF-16 offsets.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// UTF-16 offset of each line start.
    utf16_line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let mut utf16_line_starts = vec![0];
        let mut utf16 = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            // Each character's first byte counts one UTF-16 unit, two for 4-byte characters.
            if b & 0xC0 != 0x80 {
                utf16 += 1 + usize::from(b >= 0xF0);
            }
            if b == b'\n' {
                line_starts.push(i + 1);
                utf16_line_starts.push(utf16);
            }
        }
        LineIndex { text, line_starts, utf16_line_starts }
    }

    /// Clamps `offset` into the text and back onto a character boundary.
    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// 0-based line number holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    pub fn line_column(&self, offset: usize) -> LineColumn {
        let offset = self.clamp(offset);
        let line = self.line_of(offset);
        let column = self.text[self.line_starts[line]..offset].chars().count() + 1;
        LineColumn { line: line + 1, column }
    }

    /// The positions of many offsets (in any order) in one forward pass: linear in the text,
    /// however long its lines and however many offsets.
    pub fn positions(&self, offsets: &[usize]) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![Position::default(); offsets.len()];
        let (mut byte, mut line, mut column, mut utf16) = (0, 0, 1, 0);
        for i in order {
            let target = self.clamp(offsets[i]);
            let target_line = self.line_of(target);
            if target_line != line {
                (line, byte, column, utf16) =
                    (target_line, self.line_starts[target_line], 1, self.utf16_line_starts[target_line]);
            }
            for c in self.text[byte..target].chars() {
                column += 1;
                utf16 += c.len_utf16();
            }
            byte = target;
            out[i] = Position { line: line + 1, column, utf16 };
        }
        out
    }

    /// Byte offset of the start of 0-based `line` (the text's end past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// The text of 0-based `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        let end = self.line_starts.get(line + 1).map_or(self.text.len(), |&e| e - 1);
        self.text[start..end.max(start)].trim_end_matches('\r')
    }

    /// Offset in UTF-16 code units (what JavaScript editors count) of byte `offset`.
    pub fn utf16_offset(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        let line = self.line_of(offset);
        let line_start = self.line_starts[line];
        self.utf16_line_starts[line] + self.text[line_start..offset].encode_utf16().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\n\u{e9}x\ny");
        assert_eq!(index.line_column(0), LineColumn { line: 1, column: 1 });
        assert_eq!(index.line_column(3), LineColumn { line: 2, column: 1 });
        assert_eq!(index.line_column(5), LineColumn { line: 2, column: 2 });
        assert_eq!(index.line_column(7), LineColumn { line: 3, column: 1 });
        assert_eq!(index.line_text(1), "\u{e9}x");
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let index = LineIndex::new("\u{e9}");
        assert_eq!(index.line_column(1), LineColumn { line: 1, column: 1 });
        assert_eq!(index.line_column(99), LineColumn { line: 1, column: 2 });
    }

    #[test]
    fn positions_in_one_pass_agree_with_single_lookups() {
        let text = "a\u{1F600}b\n\u{e9}x\r\ny\n\nz";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).rev().chain([3, 0, 9]).collect();
        for (offset, p) in offsets.iter().zip(index.positions(&offsets)) {
            let lc = index.line_column(*offset);
            assert_eq!(
                (p.line, p.column, p.utf16),
                (lc.line, lc.column, index.utf16_offset(*offset)),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs_twice() {
        let text = "a\u{1F600}b\nc";
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_offset(5), 3);
        assert_eq!(index.utf16_offset(text.len()), 6);
    }
}
