//! "Did you mean" suggestions for misspelt names.

/// The candidate closest to `word`: equal ignoring case and punctuation, or within an edit
/// distance of a third of its length (at least 1, at most 3). Ties go to the first candidate.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(word);
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (if fold(c) == folded { 0 } else { distance(word, c) }, c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn fold(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Levenshtein distance over characters; inputs longer than 64 characters are not compared.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current.push((previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
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
    }
}
