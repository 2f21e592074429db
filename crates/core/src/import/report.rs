//! A whole file's report for JavaScript (`validate` in the npm package, issue 11 §4): the
//! first trail's report as before (a JSON request has one), and the dialect and every trail's
//! report beside it.

use super::{describe_trails_context, validate, Dialect, TrailEvaluation};
use crate::check::context::AccountContext;
use crate::check::service::failed_input;
use crate::diagnostics::report::{from_evaluation, Offsets, Report};
use crate::diagnostics::{Code, Diagnostic};
use crate::source::span::Span;
use serde::Serialize;

/// The report of a file: its first trail's report, the dialect, and each trail's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FileReport {
    #[serde(flatten)]
    pub report: Report,
    /// What the text was read as; null when it is not any known form.
    pub dialect: Option<Dialect>,
    /// Each trail's report (a JSON request's one; a template's every trail with selectors).
    pub trails: Vec<TrailReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrailReport {
    /// The trail's name as written, else its logical ID, address or construct ID.
    pub name: String,
    /// The resource's logical ID, address or construct ID (empty for a JSON request).
    pub label: String,
    pub report: Report,
}

/// Validates `text` in any form, in `context` (a context or describe-trails output, JSON
/// text), for every trail or only the one named `trail`.
pub fn file_report(text: &str, context: Option<&str>, trail: Option<&str>, offsets: Offsets) -> FileReport {
    let (context, context_error) = match context.map(|c| (c, AccountContext::from_json(c))) {
        Some((_, Ok(c))) => (Some(c), None),
        Some((c, Err(e))) => match describe_trails_context(c) {
            Ok(c) => (Some(c), None),
            Err(_) => (None, Some(e)),
        },
        None => (None, None),
    };
    let (dialect, trails) = match validate(text, context.as_ref(), trail) {
        Ok(v) => (v.dialect, v.trails),
        Err(message) => (None, vec![failure(message)]),
    };
    let trails: Vec<TrailReport> = trails
        .into_iter()
        .map(|TrailEvaluation { name, label, evaluation }| {
            let report = Report { context_error: context_error.clone(), ..from_evaluation(text, evaluation, offsets) };
            TrailReport { name, label, report }
        })
        .collect();
    let report = trails.first().map(|t| t.report.clone()).unwrap_or_else(|| failure_report(text, offsets));
    FileReport { report, dialect, trails }
}

fn failure(message: String) -> TrailEvaluation {
    let d = Diagnostic::new(Code::UnrecognizedInput, message, "", Span::new(0, 0)).spec("§8").decision("D45");
    TrailEvaluation { name: String::new(), label: String::new(), evaluation: failed_input(d) }
}

fn failure_report(text: &str, offsets: Offsets) -> Report {
    from_evaluation(text, failure("nothing to validate".into()).evaluation, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_request_reports_as_before_with_its_dialect() {
        let r = file_report(r#"{"TrailName": "t-trail", "EventSelectors": [{}]}"#, None, None, Offsets::Bytes);
        assert!(r.report.valid);
        assert_eq!((r.dialect, r.trails.len()), (Some(Dialect::Json), 1));
        assert_eq!(r.trails[0].report, r.report);
    }

    #[test]
    fn a_template_reports_every_trail_and_a_missing_one_says_so() {
        let yaml = "Resources:\n  A:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      TrailName: a-trail\n      EventSelectors: [{ReadWriteType: All}]\n  B:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      EventSelectors: [{ReadWriteType: Some}]\n";
        let r = file_report(yaml, None, None, Offsets::Bytes);
        assert_eq!(r.dialect, Some(Dialect::CloudformationYaml));
        let names: Vec<(&str, bool)> = r.trails.iter().map(|t| (t.name.as_str(), t.report.valid)).collect();
        assert_eq!(names, [("a-trail", true), ("B", false)]);
        let picked = file_report(yaml, None, Some("B"), Offsets::Bytes);
        assert_eq!(picked.trails.len(), 1);
        let missing = file_report(yaml, None, Some("C"), Offsets::Bytes);
        assert!(missing.report.diagnostics[0].message.contains("no trail named \"C\""));
    }

    #[test]
    fn describe_trails_output_is_a_context() {
        let context = r#"{"trailList": [{"Name": "audit", "TrailARN": "arn:aws:cloudtrail:eu-west-1:222222222222:trail/audit"}]}"#;
        let r = file_report(r#"{"TrailName": "nope", "EventSelectors": [{}]}"#, Some(context), None, Offsets::Bytes);
        assert_eq!(r.report.error.as_ref().map(|e| e.error_type), Some(Code::TrailNotFoundException));
    }
}
