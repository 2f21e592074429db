//! "Did you mean" suggestions for misspelt names.

/// The candidate closest to `word`: equal ignoring ASCII case and punctuation, or within an edit
/// distance of a third of its length (at least 1, at most 3). Ties go to the first candidate.
///
/// The length that sets the limit leaves out the ending `word` shares with the candidate, so
/// that a long common tail does not make two different names "close": `s3.amazonaws.com` is
/// not a misspelling of `kms.amazonaws.com`, which would turn a fix into another service.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Computed once for all candidates: a request can misspell hundreds of thousands of names,
    // each against the 176 resource types.
    let folded = fold(word);
    let chars: Option<Vec<char>> = (word.len() <= 4 * MAX_COMPARED).then(|| word.chars().collect());
    let word_chars = chars.as_ref().map_or_else(|| word.chars().count(), Vec::len);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter_map(|c| {
            let limit = limit(word, word_chars, c);
            let d = if fold_eq(&folded, c) { 0 } else { distance(chars.as_deref()?, c, limit)? };
            (d <= limit).then_some((d, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn limit(word: &str, word_chars: usize, candidate: &str) -> usize {
    let shared_tail = word.chars().rev().zip(candidate.chars().rev()).take_while(|(a, b)| a == b).count();
    ((word_chars - shared_tail) / 3).clamp(1, 3)
}

/// `word` without punctuation, in lower case. ASCII only: the names are ASCII (a non-ASCII
/// character can match none of them), and Unicode's case tables cost the page 9.6 KB gzipped
/// (`make size`: 278,457 -> 268,804 B for the page's wasm).
fn folded(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase())
}

fn fold(word: &str) -> String {
    folded(word).collect()
}

/// `fold(candidate) == folded`, without building the folded candidate.
fn fold_eq(folded_word: &str, candidate: &str) -> bool {
    folded(candidate).eq(folded_word.chars())
}

/// Longest words compared by edit distance, in characters.
const MAX_COMPARED: usize = 64;

/// Levenshtein distance over characters between `a` (as characters) and `b`, when it is at
/// most `bound`; `None` when it is more, or when a word is longer than [`MAX_COMPARED`]
/// characters. Rows stop as soon as none of their cells is within the bound (a row's least cell
/// never decreases further down), so dissimilar words cost a few rows, not the whole table.
fn distance(a: &[char], b: &str, bound: usize) -> Option<usize> {
    let mut b_chars = ['\0'; MAX_COMPARED];
    let mut n = 0;
    for c in b.chars() {
        *b_chars.get_mut(n)? = c;
        n += 1;
    }
    let b = &b_chars[..n];
    if a.len() > MAX_COMPARED || a.len().abs_diff(n) > bound {
        return None;
    }
    // Two rows on the stack: no allocation per comparison.
    let mut previous = [0usize; MAX_COMPARED + 1];
    let mut current = [0usize; MAX_COMPARED + 1];
    for (j, cell) in previous.iter_mut().enumerate().take(n + 1) {
        *cell = j;
    }
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut least = current[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1);
            least = least.min(current[j + 1]);
        }
        if least > bound {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[n]).filter(|d| *d <= bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_case_and_typo_fixes() {
        assert_eq!(closest("read-only", ["ReadOnly", "WriteOnly", "All"]), Some("ReadOnly"));
        assert_eq!(closest("eventname", ["eventName", "eventSource"]), Some("eventName"));
        assert_eq!(closest("TrailNme", ["TrailName", "EventSelectors"]), Some("TrailName"));
        assert_eq!(closest("Banana", ["TrailName", "EventSelectors"]), None);
        assert_eq!(closest("kms.amazonaws.con", ["kms.amazonaws.com"]), Some("kms.amazonaws.com"));
        assert_eq!(closest("AWS::S3::Objects", ["AWS::S3::Object"]), Some("AWS::S3::Object"));
    }

    /// The textbook form, as it was before the rows moved to the stack.
    fn naive(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut previous: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut current = vec![i + 1];
            for (j, cb) in b.iter().enumerate() {
                current.push((previous[j] + usize::from(ca != cb)).min(previous[j + 1] + 1).min(current[j] + 1));
            }
            previous = current;
        }
        previous[b.len()]
    }

    #[test]
    fn distance_is_levenshtein_within_the_bound() {
        let words =
            ["", "a", "ab", "ba", "abc", "Trail", "TrailName", "TrailNme", "tr\u{e9}il", "\u{1F600}x", "abcdefg"];
        for a in words {
            for b in words {
                let chars: Vec<char> = a.chars().collect();
                let expected = naive(a, b);
                for bound in 0..=3 {
                    assert_eq!(
                        distance(&chars, b, bound),
                        Some(expected).filter(|d| *d <= bound),
                        "{a:?} {b:?} {bound}"
                    );
                }
            }
        }
        let long = "x".repeat(MAX_COMPARED + 1);
        assert_eq!(distance(&long.chars().collect::<Vec<_>>(), &long, 3), None);
        assert_eq!(closest(&"TrailName".repeat(100), ["TrailName"]), None);
    }

    /// Case and punctuation fold in ASCII only: a non-ASCII letter is a typo like any other,
    /// never folded onto an ASCII one.
    #[test]
    fn non_ascii_letters_are_typos_not_folds() {
        assert_eq!(closest("eventN\u{e4}me", ["eventName"]), Some("eventName"));
        assert_eq!(closest("eventS\u{f6}urce", ["eventSource"]), Some("eventSource"));
        assert_eq!(closest("\u{c9}VENTNAME", ["eventName"]), None);
        assert_eq!(closest("EVENT-NAME", ["eventName"]), Some("eventName"));
    }

    #[test]
    fn another_service_is_not_a_typo() {
        let sources = ["kms.amazonaws.com", "rdsdata.amazonaws.com", "iot.amazonaws.com"];
        assert_eq!(closest("s3.amazonaws.com", sources), None);
        assert_eq!(closest("iam.amazonaws.com", sources), None);
        assert_eq!(closest("kms.amazonaws.com.", sources), Some("kms.amazonaws.com"));
    }
}
