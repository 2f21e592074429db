//! Scans of string contents eight bytes at a time (SWAR): the JSON parser, the record splitter
//! and the replay's field reader all skip long plain runs this way.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Flags, in its high bit, each byte of `word` (little-endian) that is `"`, `\` or a control
/// character. Borrows can flag bytes above a flagged one too, so only the lowest flag is exact.
fn specials(word: u64) -> u64 {
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    zero(word ^ (ONES * u64::from(b'"')))
        | zero(word ^ (ONES * u64::from(b'\\')))
        // A byte below 0x20: subtracting 0x20 borrows into its high bit (when it had none).
        | (word.wrapping_sub(ONES * 0x20) & !word & HIGHS)
}

/// The first index from `start` whose byte is flagged by `flags` (per word) or by `is_special`
/// (in the tail shorter than a word); `bytes.len()` when none is.
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

fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// The end of the run of string bytes from `start` that need no attention: not `"`, not `\\`,
/// not a control character.
pub fn plain_run_end(bytes: &[u8], start: usize) -> usize {
    run_end(bytes, start, specials, is_special)
}

/// Like [`plain_run_end`], but also stops at the first byte outside ASCII.
pub fn ascii_run_end(bytes: &[u8], start: usize) -> usize {
    run_end(bytes, start, |word| specials(word) | (word & HIGHS), |b| is_special(b) || b >= 0x80)
}

#[cfg(test)]
mod tests {
    use super::*;

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
