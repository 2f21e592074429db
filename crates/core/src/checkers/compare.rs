//! The three checker questions side by side: the exact answer (`ask`) and what each checker's
//! published logic concludes, with the flaws behind every disagreement.

use super::{conclude, Check, CheckedTrail, Checker, CheckerVerdict, Conclusion};
use crate::ask::presets::Preset;
use crate::ask::{self, Answer, AskError, Question, TrailFacts};
use crate::model::Selectors;
use serde::Serialize;
use std::borrow::Cow;

/// One question: the exact answer and each checker's conclusion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub check: Check,
    #[cfg_attr(feature = "ts", ts(type = "Question"))]
    pub question: Question,
    pub exact: Answer,
    pub checkers: Vec<CheckerRow>,
    /// The buckets the per-bucket checkers were given (the account's are unknown here).
    pub buckets: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CheckerRow {
    pub checker: Checker,
    pub name: Cow<'static, str>,
    pub conclusion: Conclusion,
    /// Whether the checker's verdict is CloudTrail's (pass exactly when every event of the
    /// class is logged); none when it did not evaluate.
    pub agrees: Option<bool>,
    /// The flaws, in words.
    pub explained: Vec<Cow<'static, str>>,
}

fn preset(check: Check) -> &'static str {
    match check {
        Check::S3Write => "cis-s3-write",
        Check::S3Read => "cis-s3-read",
        Check::ManagementReadWrite => "all-management",
    }
}

/// The comparison for every question, on a trail in state `trail`.
pub fn compare(selectors: &Selectors, trail: &TrailFacts) -> Result<Vec<Comparison>, AskError> {
    let buckets = buckets(selectors);
    let checked = CheckedTrail {
        is_logging: trail.is_logging,
        is_multi_region: trail.is_multi_region_trail,
        cloudwatch_logs_recent: true,
        buckets: buckets.clone(),
    };
    Check::ALL
        .into_iter()
        .map(|check| {
            let question = Preset::find(preset(check)).map(|p| p.question(None)).unwrap_or_default();
            let exact = ask::covers(selectors, trail, &question)?.answer;
            let checkers =
                Checker::ALL.into_iter().map(|c| row(c, conclude(c, check, selectors, &checked), exact)).collect();
            Ok(Comparison { check, question, exact, checkers, buckets: buckets.clone() })
        })
        .collect()
}

fn row(checker: Checker, conclusion: Conclusion, exact: Answer) -> CheckerRow {
    let agrees = match conclusion.verdict {
        CheckerVerdict::Pass => Some(exact == Answer::All),
        CheckerVerdict::Fail => Some(exact != Answer::All),
        CheckerVerdict::NotEvaluated { .. } => None,
    };
    let explained = conclusion.flaws.iter().map(|f| Cow::Borrowed(f.describe())).collect();
    CheckerRow { checker, name: Cow::Borrowed(checker.name()), conclusion, agrees, explained }
}

/// The buckets the selectors name, and one they do not (the per-bucket checkers judge each).
fn buckets(selectors: &Selectors) -> Vec<String> {
    let values: Vec<&String> = match selectors {
        Selectors::Basic(list) => list.iter().flat_map(|s| s.data_resources.iter().flat_map(|r| &r.values)).collect(),
        Selectors::Advanced(list) => list
            .iter()
            .flat_map(|s| &s.field_selectors)
            .filter(|f| f.field == "resources.ARN")
            .flat_map(|f| crate::model::Operator::ALL.into_iter().filter_map(|op| f.values(op)).flatten())
            .collect(),
    };
    let mut out: Vec<String> = values
        .iter()
        .filter_map(|v| {
            v.strip_prefix("arn:aws:s3:::")?.split('/').next().filter(|b| !b.is_empty()).map(str::to_string)
        })
        .chain(["amzn-s3-demo-bucket".to_string()])
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prowler_passes_a_read_only_selector_on_writes_and_the_row_says_why() {
        let selectors: Selectors = serde_json::from_str(
            r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "readOnly", "Equals": ["true"]}]}]}"#,
        )
        .unwrap();
        let rows = compare(&selectors, &TrailFacts::assumed()).unwrap();
        let write = &rows[0];
        assert_eq!((write.check, write.exact), (Check::S3Write, Answer::None));
        let prowler = &write.checkers[0];
        assert_eq!((prowler.checker, prowler.agrees), (Checker::Prowler, Some(false)));
        assert!(!prowler.explained.is_empty());
        assert_eq!(rows[1].exact, Answer::All, "reads are all logged");
        assert_eq!(write.buckets, ["amzn-s3-demo-bucket"]);
    }
}
