//! The JSON lexer shared by the strict parser (`parser.rs`), the record splitter
//! (`replay/stream.rs`) and the replay's field reader (`replay/extract.rs`): whitespace, literals,
//! the number grammar, escapes, and string contents scanned eight bytes at a time (SWAR). One
//! grammar, three readers: each decides what an error means (the parser words it, the reader
//! gives up and leaves the record to serde, the splitter leaves it to the record's parser).

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Flags, in its high bit, each byte of `word` that is zero. Borrows can flag bytes above a
/// flagged one too, so only the lowest flag is exact.
#[inline]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// How many `\n` bytes `bytes` holds. The replay counts the newlines of every byte of a file
/// (problem positions), the ones its fast path skips included, so this must not cost a
/// byte-by-byte pass: memchr scans 16 or 32 bytes at a time where the CPU can (it is already in
/// the build through serde_json).
pub fn count_newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The index of the last `\n` in `bytes`.
pub fn last_newline(bytes: &[u8]) -> Option<usize> {
    memchr::memrchr(b'\n', bytes)
}

/// Flags, in its high bit, each byte of `word` (little-endian) that is `"`, `\` or a control
/// character. Borrows can flag bytes above a flagged one too, so only the lowest flag is exact.
#[inline]
fn specials(word: u64) -> u64 {
    zero_bytes(word ^ (ONES * u64::from(b'"')))
        | zero_bytes(word ^ (ONES * u64::from(b'\\')))
        // A byte below 0x20: subtracting 0x20 borrows into its high bit (when it had none).
        | (word.wrapping_sub(ONES * 0x20) & !word & HIGHS)
}

/// The first index from `start` whose byte is flagged by `flags` (per word) or by `is_special`
/// (in the tail shorter than a word); `bytes.len()` when none is.
#[inline]
fn run_end(bytes: &[u8], start: usize, flags: impl Fn(u64) -> u64, is_special: impl Fn(u8) -> bool) -> usize {
    let mut pos = start;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let flagged = flags(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        if flagged != 0 {
            return pos + (flagged.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    bytes[pos.min(bytes.len())..].iter().position(|&b| is_special(b)).map_or(bytes.len(), |n| pos + n)
}

#[inline]
fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// The end of the run of string bytes from `start` that need no attention: not `"`, not `\\`,
/// not a control character.
#[inline]
pub fn plain_run_end(bytes: &[u8], start: usize) -> usize {
    run_end(bytes, start, specials, is_special)
}

/// Like [`plain_run_end`], but also stops at the first byte outside ASCII.
#[inline]
pub fn ascii_run_end(bytes: &[u8], start: usize) -> usize {
    run_end(bytes, start, |word| specials(word) | (word & HIGHS), |b| is_special(b) || b >= 0x80)
}

/// JSON whitespace (RFC 8259 `ws`).
#[inline]
pub fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The first index from `pos` that is not JSON whitespace (`bytes.len()` at the end).
#[inline]
pub fn whitespace_end(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(|&b| is_whitespace(b)) {
        pos += 1;
    }
    pos
}

/// Like [`whitespace_end`], but stops at a newline: the whitespace of a JSON line.
#[inline]
pub fn line_whitespace_end(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\r')) {
        pos += 1;
    }
    pos
}

/// The end of `word` (a literal: `true`, `false`, `null`) when `bytes` has it at `pos`.
#[inline]
pub fn literal_end(bytes: &[u8], pos: usize, word: &[u8]) -> Option<usize> {
    bytes.get(pos..)?.starts_with(word).then_some(pos + word.len())
}

#[inline]
fn digits_end(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
        pos += 1;
    }
    pos
}

/// One digit or more from `pos`: their end, or `Err(pos)`, where a digit was expected.
#[inline]
fn required_digits_end(bytes: &[u8], pos: usize) -> Result<usize, usize> {
    match digits_end(bytes, pos) {
        end if end > pos => Ok(end),
        _ => Err(pos),
    }
}

/// The end of the number at `pos`, by RFC 8259's grammar
/// (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`), or `Err(at)`: where a digit was
/// expected. A leading zero ends the integer part (what follows is for the caller to reject).
#[inline]
pub fn number_end(bytes: &[u8], mut pos: usize) -> Result<usize, usize> {
    if bytes.get(pos) == Some(&b'-') {
        pos += 1;
    }
    pos = match bytes.get(pos) {
        Some(b'0') => pos + 1,
        _ => required_digits_end(bytes, pos)?,
    };
    if bytes.get(pos) == Some(&b'.') {
        pos = required_digits_end(bytes, pos + 1)?;
    }
    if matches!(bytes.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(bytes.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        pos = required_digits_end(bytes, pos)?;
    }
    Ok(pos)
}

/// What the one-letter escape `\<b>` stands for (`\u` is not one: see [`hex4`]).
#[inline]
pub fn escaped_char(b: u8) -> Option<char> {
    Some(match b {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        _ => return None,
    })
}

/// The UTF-16 code unit written by the four hexadecimal digits at `pos` (after `\u`).
#[inline]
pub fn hex4(bytes: &[u8], pos: usize) -> Option<u32> {
    let hex = bytes.get(pos..pos + 4)?;
    hex.iter().try_fold(0, |code, &b| Some(code << 4 | char::from(b).to_digit(16)?))
}

/// The index after the closing quote of the string that opens at `pos`, its escapes checked
/// (not decoded); `None` when it is unterminated, or has an invalid escape or a control
/// character. Always inlined: it is the field reader's inner loop for skipped values (0.5%
/// fewer instructions per replayed record than a call, by cachegrind).
#[inline(always)]
pub fn string_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut pos = pos + 1;
    loop {
        pos = plain_run_end(bytes, pos);
        match *bytes.get(pos)? {
            b'"' => return Some(pos + 1),
            b'\\' => match *bytes.get(pos + 1)? {
                b'u' => pos += hex4(bytes, pos + 2).map(|_| 6)?,
                b => pos += escaped_char(b).map(|_| 2)?,
            },
            _ => return None,
        }
    }
}

/// Where a string read in pieces (chunk by chunk) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StringPart {
    /// Plain contents.
    Text,
    /// Just after a backslash: the next byte is escaped.
    Escape,
}

/// Scans string contents from `pos` in `part`, leniently: escapes and control characters are
/// left for the record's parser to judge, and a backslash only hides the byte after it. Returns
/// where the scan stopped and where the string then is: `None` when it closed (the index is
/// after the quote), `Some(part)` when `bytes` ran out first.
#[inline]
pub fn resume_string(bytes: &[u8], mut pos: usize, mut part: StringPart) -> (usize, Option<StringPart>) {
    loop {
        if part == StringPart::Escape {
            if pos >= bytes.len() {
                return (pos, Some(part));
            }
            pos += 1;
            part = StringPart::Text;
        }
        pos = plain_run_end(bytes, pos);
        match bytes.get(pos) {
            None => return (pos, Some(part)),
            Some(b'"') => return (pos + 1, None),
            Some(b'\\') => part = StringPart::Escape,
            // A control character: part of the string, for the parser to reject.
            Some(_) => {}
        }
        pos += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_counted_exactly_whatever_their_neighbours() {
        for text in ["", "\n", "a\nb", "\n\n\n\n\n\n\n\n\n", "\x0b\n\x09\n\x0a\x00\n\u{8a}", "12345678\n12345678\n"] {
            let expected = text.bytes().filter(|&b| b == b'\n').count() as u64;
            assert_eq!(count_newlines(text.as_bytes()), expected, "{text:?}");
        }
        let every_byte: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        assert_eq!(count_newlines(&every_byte), 2);
        for start in 0..20 {
            assert_eq!(count_newlines(&every_byte[start..]), 2 - u64::from(start > 10), "from {start}");
        }
    }

    #[test]
    fn numbers_follow_rfc_8259() {
        for (text, end) in [("0", 1), ("-0.5e+3,", 7), ("12E4]", 4), ("01", 1), ("1.5", 3), ("-12", 3)] {
            assert_eq!(number_end(text.as_bytes(), 0), Ok(end), "{text}");
        }
        for (text, at) in [("-", 1), ("1.", 2), ("1e", 2), ("1e+", 3), ("-x", 1), (".5", 0), ("1.e3", 2)] {
            assert_eq!(number_end(text.as_bytes(), 0), Err(at), "{text}");
        }
    }

    #[test]
    fn strings_are_skipped_with_their_escapes_checked() {
        assert_eq!(string_end(br#""a\"b\u00e9\n" x"#, 0), Some(14));
        for bad in [&br#""abc"#[..], br#""\x""#, br#""\u12g4""#, b"\"\x01\"", br#""\"#, br#""\u12"#] {
            assert_eq!(string_end(bad, 0), None, "{:?}", String::from_utf8_lossy(bad));
        }
        assert_eq!(hex4(b"00e9", 0), Some(0xe9));
        assert_eq!(hex4(b"D83D", 0), Some(0xd83d));
        assert_eq!(hex4(b"+123", 0), None);
        assert_eq!(escaped_char(b'n'), Some('\n'));
        assert_eq!(escaped_char(b'u'), None);
    }

    #[test]
    fn strings_resume_across_pieces() {
        let text = br#""a\"b\\" rest"#;
        for cut in 1..text.len() {
            let (end, part) = resume_string(&text[..cut], 1, StringPart::Text);
            let (end, part) = match part {
                Some(part) => resume_string(text, end, part),
                None => (end, part),
            };
            assert_eq!((end, part), (8, None), "cut at {cut}");
        }
        assert_eq!(resume_string(b"ab\\", 0, StringPart::Text), (3, Some(StringPart::Escape)));
        assert_eq!(resume_string(b"\"x\"", 0, StringPart::Escape), (3, None));
    }

    #[test]
    fn whitespace_and_literals() {
        assert_eq!(whitespace_end(b" \t\r\n x", 0), 5);
        assert_eq!(whitespace_end(b"  ", 0), 2);
        assert_eq!(line_whitespace_end(b" \t\r\n x", 0), 3);
        assert_eq!(literal_end(b"[true]", 1, b"true"), Some(5));
        assert_eq!(literal_end(b"tru", 0, b"true"), None);
        assert_eq!(literal_end(b"x", 5, b"true"), None);
    }

    #[test]
    fn plain_runs_stop_at_every_special_byte() {
        for special in [b'"', b'\\', 0x00, 0x1f] {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 24];
                bytes.extend_from_slice("\u{e9}\u{1F600}".as_bytes());
                bytes[at] = special;
                assert_eq!(plain_run_end(&bytes, 0), at, "{special:#x} at {at}");
                assert_eq!(ascii_run_end(&bytes, 0), at, "{special:#x} at {at}");
            }
        }
        assert_eq!(plain_run_end("abc\u{7f}\u{e9}xyzabcdefgh".as_bytes(), 0), 17, "no special byte: the end");
    }

    #[test]
    fn ascii_runs_stop_at_the_first_high_byte() {
        let text = "abcdefghij\u{e9}\"";
        assert_eq!(ascii_run_end(text.as_bytes(), 0), 10);
        assert_eq!(ascii_run_end(text.as_bytes(), 3), 10);
        assert_eq!(ascii_run_end(b"ab\x1f\xc3", 0), 2, "a special byte before the high one");
        assert_eq!(ascii_run_end(b"abc", 5), 3, "a start past the end is the end");
    }

    #[test]
    fn every_position_of_a_special_byte_after_others_is_found() {
        // Flags above the first special byte can be wrong (borrows); the lowest never is.
        for first in 0..16 {
            let mut bytes = vec![b'x'; 16];
            bytes[first] = 0x00;
            if first + 1 < 16 {
                bytes[first + 1] = b'"';
            }
            assert_eq!(plain_run_end(&bytes, 0), first);
        }
    }
}
