//! "Did you mean" suggestions for misspelt names.

/// The candidate closest to `word`: equal ignoring case and punctuation, or within an edit
/// distance of a third of its length (at least 1, at most 3). Ties go to the first candidate.
///
/// The length that sets the limit leaves out the ending `word` shares with the candidate, so
/// that a long common tail does not make two different names "close": `s3.amazonaws.com` is
/// not a misspelling of `kms.amazonaws.com`, which would turn a fix into another service.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(word);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (if fold(c) == folded { 0 } else { distance(word, c) }, c))
        .filter(|(d, c)| *d <= limit(word, c))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn limit(word: &str, candidate: &str) -> usize {
    let shared_tail = word.chars().rev().zip(candidate.chars().rev()).take_while(|(a, b)| a == b).count();
    ((word.chars().count() - shared_tail) / 3).clamp(1, 3)
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
        assert_eq!(closest("kms.amazonaws.con", ["kms.amazonaws.com"]), Some("kms.amazonaws.com"));
        assert_eq!(closest("AWS::S3::Objects", ["AWS::S3::Object"]), Some("AWS::S3::Object"));
    }

    #[test]
    fn another_service_is_not_a_typo() {
        let sources = ["kms.amazonaws.com", "rdsdata.amazonaws.com", "iot.amazonaws.com"];
        assert_eq!(closest("s3.amazonaws.com", sources), None);
        assert_eq!(closest("iam.amazonaws.com", sources), None);
        assert_eq!(closest("kms.amazonaws.com.", sources), Some("kms.amazonaws.com"));
    }
}
