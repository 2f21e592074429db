//! Sample requests for the page's samples menu, each with the outcome it demonstrates. They are
//! data files (`crates/core/samples/`: `index.json`, one request per file, named contexts), so
//! the page, the core's tests and the browser tests all read the same text. The core's tests
//! check every outcome, so a sample can never silently stop showing its point.

use crate::check::context::DEFAULT_CONTEXT_JSON;
use crate::diagnostics::Code;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// Succeeds (warnings allowed).
    Valid,
    /// Fails with this exception.
    Error(Code),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub id: String,
    pub title: String,
    pub description: String,
    pub request: &'static str,
    /// The account context; the default context when `None`.
    pub context: Option<&'static str>,
    pub expect: Expect,
    /// The menu group it belongs to (`"coverage-puzzles"`: configurations the posture checkers
    /// judge differently, `checkers`); `None` for the plain samples.
    pub group: Option<String>,
}

impl Sample {
    pub fn context_json(&self) -> &'static str {
        self.context.unwrap_or(DEFAULT_CONTEXT_JSON)
    }
}

/// The samples, in menu order; empty if the embedded files do not read (a test proves they do).
pub fn all() -> &'static [Sample] {
    static SAMPLES: OnceLock<Vec<Sample>> = OnceLock::new();
    SAMPLES.get_or_init(|| load().unwrap_or_default())
}

pub fn find(id: &str) -> Option<&'static Sample> {
    all().iter().find(|s| s.id == id)
}

/// The sample the page opens with: the first of the index.
pub fn default_sample() -> Option<&'static Sample> {
    all().first()
}

/// An entry of `samples/index.json`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Entry {
    id: String,
    title: String,
    description: String,
    /// A file of `samples/contexts/`, without `.json`.
    #[serde(default)]
    context: Option<String>,
    expect: Expect,
    #[serde(default)]
    group: Option<String>,
}

const INDEX: &str = include_str!("../samples/index.json");

macro_rules! embed {
    ($path:literal) => {
        ($path, include_str!(concat!("../samples/", $path)))
    };
}

/// Every request and context file (include_str! needs each path spelled out; a test checks
/// this list against the folder).
const FILES: &[(&str, &str)] = &[
    embed!("requests/default-trail.json"),
    embed!("requests/write-only-management.json"),
    embed!("requests/s3-whole-bucket.json"),
    embed!("requests/s3-prefix.json"),
    embed!("requests/all-lambda.json"),
    embed!("requests/one-lambda.json"),
    embed!("requests/exclude-kms-rdsdata.json"),
    embed!("requests/advanced-s3-putobject.json"),
    embed!("requests/advanced-no-kms-reads.json"),
    embed!("requests/advanced-network-activity.json"),
    embed!("requests/invalid-trail-name.json"),
    embed!("requests/invalid-bucket-without-slash.json"),
    embed!("requests/invalid-param-validation.json"),
    embed!("requests/invalid-unknown-trail.json"),
    embed!("requests/invalid-home-region.json"),
    embed!("requests/invalid-trail-arn.json"),
    embed!("requests/invalid-advanced-operator.json"),
    embed!("requests/invalid-org-trail-member.json"),
    embed!("requests/invalid-trail-busy.json"),
    embed!("requests/coverage-v1-basic-arn-aws-s3.json"),
    embed!("requests/coverage-v2-basic-arn-aws-s3-colons.json"),
    embed!("requests/coverage-v3-advanced-all-s3.json"),
    embed!("requests/coverage-v11-stopped-trail.json"),
    embed!("requests/coverage-v4-advanced-s3-read-only.json"),
    embed!("requests/coverage-v5-advanced-one-bucket.json"),
    embed!("requests/coverage-v6-advanced-all-but-one-bucket.json"),
    embed!("requests/coverage-v6b-advanced-writes-all-but-one-bucket.json"),
    embed!("requests/coverage-v7-advanced-getobject-only.json"),
    embed!("requests/coverage-v8-basic-read-only-arn-aws-s3.json"),
    embed!("requests/coverage-v9-basic-prefix-collision.json"),
    embed!("requests/coverage-v10-advanced-reads-plus-writes.json"),
    embed!("requests/coverage-v12-three-basic-selectors.json"),
    embed!("requests/coverage-m1-management-except-kms.json"),
    embed!("requests/coverage-m2-data-selector-named-management.json"),
    embed!("requests/coverage-m3-management-under-another-name.json"),
    embed!("contexts/member-account.json"),
    embed!("contexts/trail-updating.json"),
    embed!("contexts/trail-stopped.json"),
];

fn file(path: &str) -> Result<&'static str, String> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, text)| *text).ok_or_else(|| format!("no file samples/{path}"))
}

fn load() -> Result<Vec<Sample>, String> {
    let entries: Vec<Entry> = serde_json::from_str(INDEX).map_err(|e| format!("samples/index.json: {e}"))?;
    entries.into_iter().map(sample).collect()
}

fn sample(entry: Entry) -> Result<Sample, String> {
    let context = match &entry.context {
        Some(name) => Some(file(&format!("contexts/{name}.json"))?),
        None => None,
    };
    Ok(Sample {
        request: file(&format!("requests/{}.json", entry.id))?,
        id: entry.id,
        title: entry.title,
        description: entry.description,
        context,
        expect: entry.expect,
        group: entry.group,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::service::{put_event_selectors, Outcome};
    use crate::replay::{EventRecord, Matcher};
    use crate::AccountContext;
    use serde_json::Value;

    #[test]
    fn every_file_parses_and_is_embedded() {
        let samples = load().unwrap();
        assert_eq!(all(), samples.as_slice());
        for (path, text) in FILES {
            serde_json::from_str::<Value>(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut on_disk: Vec<String> = ["requests", "contexts"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(format!("{folder}/{dir}")).unwrap().map(move |f| (dir, f)))
            .map(|(dir, f)| format!("{dir}/{}", f.unwrap().file_name().to_string_lossy()))
            .filter(|p| p != "contexts/default.json")
            .collect();
        let mut embedded: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        on_disk.sort();
        embedded.sort();
        assert_eq!(on_disk, embedded);
        let entries: Vec<Entry> = serde_json::from_str(INDEX).unwrap();
        let mut used: Vec<String> = entries
            .iter()
            .map(|e| format!("requests/{}.json", e.id))
            .chain(entries.iter().filter_map(|e| e.context.as_ref()).map(|c| format!("contexts/{c}.json")))
            .collect();
        used.sort();
        used.dedup();
        assert_eq!(used, embedded, "every embedded file belongs to a sample");
    }

    #[test]
    fn every_sample_shows_its_outcome() {
        for sample in all() {
            let context = AccountContext::from_json(sample.context_json()).expect(&sample.id);
            let evaluation = put_event_selectors(sample.request, Some(&context));
            match (sample.expect, &evaluation.outcome) {
                (Expect::Valid, Outcome::Response(_)) => {}
                (Expect::Error(code), Outcome::Error(e)) if e.error_type == code => {}
                (expected, got) => panic!("{}: expected {expected:?}, got {got:?}", sample.id),
            }
        }
    }

    /// For each valid sample (by id): which records of `tests/events/seed-examples.json` it logs,
    /// each as `<eventName>` or `<eventName> <first resource ARN>`, so its title's claim is
    /// tested. Kept beside the index, not in it: the page embeds the index and needs none of it.
    fn logs_from_seed() -> std::collections::HashMap<String, Vec<String>> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/logs-from-seed.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Each seed record as `logs-from-seed.json` names it.
    fn seed_records() -> Vec<(String, Value)> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/events/seed-examples.json");
        let log: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let records = log["Records"].as_array().unwrap().clone();
        records
            .into_iter()
            .map(|r| {
                let name = r["eventName"].as_str().unwrap().to_string();
                match r["resources"][0]["ARN"].as_str() {
                    Some(arn) => (format!("{name} {arn}"), r),
                    None => (name, r),
                }
            })
            .collect()
    }

    #[test]
    fn every_valid_sample_logs_what_it_says_of_the_seed_events() {
        let (records, claims) = (seed_records(), logs_from_seed());
        for sample in all() {
            let context = AccountContext::from_json(sample.context_json()).unwrap();
            let outcome = put_event_selectors(sample.request, Some(&context)).outcome;
            let (Outcome::Response(response), Some(expected)) = (outcome, claims.get(&sample.id)) else {
                assert_eq!(sample.expect == Expect::Valid, claims.contains_key(&sample.id), "{}", sample.id);
                continue;
            };
            let matcher = Matcher::new(&response.selectors);
            let logs = |record: &Value| {
                let bytes = serde_json::to_vec(record).unwrap();
                let event: EventRecord = serde_json::from_slice(&bytes).unwrap();
                let mut matched = Vec::new();
                matcher.matches_into(&event, event.category(), &mut matched);
                !matched.is_empty()
            };
            let logged: Vec<&String> = records.iter().filter(|(_, r)| logs(r)).map(|(name, _)| name).collect();
            assert_eq!(logged, expected.iter().collect::<Vec<_>>(), "{}", sample.id);
        }
    }

    /// The page's sample files (`samples/files/`, one per dialect: the page fetches the one
    /// picked and reads it in its ask worker) are valid in the context the page loads them with.
    #[cfg(feature = "iac")]
    #[test]
    fn every_sample_file_reads_valid_in_the_default_context() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/files");
        let mut dialects = Vec::new();
        let context = AccountContext::from_json(DEFAULT_CONTEXT_JSON).unwrap();
        for entry in std::fs::read_dir(folder).unwrap() {
            let (path, file) = (entry.as_ref().unwrap().path(), entry.unwrap().file_name());
            let text = std::fs::read_to_string(path).unwrap();
            // describe-trails output: the page loads it as the account context, with the default
            // request, which it names.
            if let Ok(crate::import::Imported::Context(described)) = crate::import::read(&text) {
                assert_eq!(file, "describe-trails.json");
                let request = default_sample().unwrap().request;
                let outcome = put_event_selectors(request, Some(&described)).outcome;
                assert!(matches!(outcome, Outcome::Response(_)), "{outcome:?}");
                continue;
            }
            let validation = crate::import::validate(&text, Some(&context), None).unwrap();
            dialects.push(validation.dialect.map(|d| d.short()));
            for trail in &validation.trails {
                assert!(
                    matches!(trail.evaluation.outcome, Outcome::Response(_)),
                    "{file:?} {}: {:?}",
                    trail.name,
                    trail.evaluation.outcome
                );
            }
        }
        dialects.sort();
        assert_eq!(
            dialects,
            [
                Some("CDK"),
                Some("CloudFormation JSON"),
                Some("CloudFormation YAML"),
                Some("Terraform"),
                Some("Terraform JSON")
            ]
        );
        // The default context has an organization trail: a Terraform sample's second trail.
        assert!(DEFAULT_CONTEXT_JSON.contains("org-audit"));
    }

    #[test]
    fn ids_are_unique_and_there_are_enough() {
        let samples = all();
        assert!(samples.len() >= 10);
        for (i, s) in samples.iter().enumerate() {
            assert!(samples[i + 1..].iter().all(|o| o.id != s.id), "{}", s.id);
        }
        assert_eq!(default_sample().map(|s| s.id.as_str()), Some("default-trail"));
    }
}
