//! `PutEventSelectors` as CloudTrail would answer it: text -> parsed document -> typed request
//! -> diagnostics of every stage -> the response or the error, and the trail's stored state.
//!
//! Order of checks (spec: decisions, "Order of checks"): client-side parameter checks, then
//! the trail name/ARN, then the lookup in the account context, then the selectors. Every stage
//! that can run reports all its problems; the API outcome is the first stage that failed.

use crate::catalog::arn;
use crate::check::context::{AccountContext, DEFAULT_ACCOUNT, DEFAULT_REGION};
use crate::check::lookup;
use crate::check::rules;
use crate::check::shown;
use crate::diagnostics::problems::STAGES;
use crate::diagnostics::{Code, Diagnostic, Problems, Stage};
use crate::limits::{MAX_INPUT_BYTES, SHOWN_PER_STAGE};
use crate::request::input::{self, InputForm};
use crate::request::located::Request;
use crate::request::model::{Selectors, SelectorsResponse};
use crate::request::stored;
use crate::source::json;
use crate::source::span::Span;
use serde::Serialize;

/// Who raised an error: the SDK before sending, or the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum RaisedBy {
    Client,
    Service,
}

/// An error as the API (or the SDK) reports it (decisions D22).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ApiError {
    /// Serialized as AWS spells it (`Code::as_str`).
    #[serde(rename = "__type")]
    pub error_type: Code,
    pub message: String,
    /// 400 for service errors; absent for client-side ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub http_status: Option<u16>,
    pub raised_by: RaisedBy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "body")]
pub enum Outcome {
    Response(SelectorsResponse),
    Error(ApiError),
}

/// The trail's selectors as `get-event-selectors` would print them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrailState {
    pub before: SelectorsResponse,
    /// After this call; equal to `before` when the call failed.
    pub after: SelectorsResponse,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub form: Option<InputForm>,
    /// Every problem of every stage that ran, ordered by position.
    pub diagnostics: Vec<Diagnostic>,
    pub outcome: Outcome,
    /// Present when the trail is known (found in the context, or assumed without one).
    pub trail: Option<TrailState>,
    /// The request's selectors as the trail would store them, when every stage that judges
    /// them passed: a wrong trail name or a failed lookup leaves them judgeable (what a replay
    /// can run through while the name is being fixed).
    #[serde(skip)]
    pub selectors: Option<Selectors>,
}

impl Evaluation {
    pub fn is_valid(&self) -> bool {
        matches!(self.outcome, Outcome::Response(_))
    }
}

/// Evaluates `text` as a PutEventSelectors call. Without a context, the named trail is
/// assumed to exist in the caller's region (us-east-1, account 123456789012) and only the
/// request itself is judged.
pub fn put_event_selectors(text: &str, context: Option<&AccountContext>) -> Evaluation {
    if text.len() > MAX_INPUT_BYTES {
        return failed_input(too_large(text.len()));
    }
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(e) => return failed_input(syntax_diagnostic(e)),
    };
    evaluate(&root, context)
}

/// The diagnostic for a text of `len` bytes, over the input limit.
#[inline]
pub fn too_large(len: usize) -> Diagnostic {
    Diagnostic::new(
        Code::InputTooLarge,
        format!("the input is {len} bytes; trailscope reads requests of up to {MAX_INPUT_BYTES} bytes"),
        "",
        Span::new(0, 0),
    )
    .help("a request at every documented limit (500 values of 2048 characters) is about 1 MB")
}

/// Evaluates a parsed document: JSON, or the request an importer made of a CloudFormation,
/// Terraform or CDK file (spans into that file).
#[inline]
pub fn evaluate(root: &json::Node, context: Option<&AccountContext>) -> Evaluation {
    evaluate_in(root, context, Problems::default())
}

/// [`evaluate`], reporting into `problems` (whose budget the tests make small).
fn evaluate_in(root: &json::Node, context: Option<&AccountContext>, mut problems: Problems) -> Evaluation {
    let trail_for_list = context.map_or("my-trail", |c| c.default_trail_name());
    let read = input::read(root, trail_for_list, &mut problems);
    let Some((form, request)) = read else {
        return finish(None, problems, None, None);
    };
    let trail = judge(&request, context, &mut problems);
    finish(Some(form), problems, Some(&request), trail)
}

/// The known trail: its ARN and stored selectors.
struct KnownTrail {
    arn: String,
    stored: Selectors,
}

/// Runs the service-side stages; returns the trail when the lookup succeeded.
fn judge(request: &Request, context: Option<&AccountContext>, out: &mut Problems) -> Option<KnownTrail> {
    rules::run(rules::NAME_RULES, request, out);
    let name_ok = !out.built().iter().any(|d| d.is_error() && d.code.stage() == Stage::Name);
    let trail = match (&request.trail_name, name_ok) {
        (Some(name), true) => match context {
            Some(context) => match lookup::find(context, name) {
                Ok(trail) => Some(KnownTrail {
                    arn: context.trail_arn(trail),
                    stored: trail.selectors.clone().unwrap_or_default(),
                }),
                Err(d) => {
                    out.next_emitter();
                    out.push(|| *d);
                    None
                }
            },
            None => Some(KnownTrail { arn: assumed_arn(&name.value), stored: Selectors::default() }),
        },
        // A name left to deployment: the trail the file creates, assumed in the caller's region
        // (decisions D45).
        #[cfg(feature = "iac")]
        (None, true) => request.unknowns.written_at("/TrailName").map(|written| KnownTrail {
            arn: match context {
                Some(c) => arn::trail_arn(c.partition(), &c.region, &c.account, written),
                None => assumed_arn(written),
            },
            stored: Selectors::default(),
        }),
        _ => None,
    };
    rules::run(rules::SELECTOR_RULES, request, out);
    rules::run(rules::LINT_RULES, request, out);
    trail
}

fn assumed_arn(name: &str) -> String {
    if name.starts_with("arn:") {
        return name.to_string();
    }
    let partition = arn::partition_of_region(DEFAULT_REGION).unwrap_or("aws");
    arn::trail_arn(partition, DEFAULT_REGION, DEFAULT_ACCOUNT, name)
}

fn finish(
    form: Option<InputForm>,
    problems: Problems,
    request: Option<&Request>,
    trail: Option<KnownTrail>,
) -> Evaluation {
    let (mut diagnostics, unbuilt) = problems.into_parts();
    let failure = api_error(&diagnostics, &unbuilt);
    let judged = !diagnostics.iter().any(|d| d.is_error() && !matches!(d.code.stage(), Stage::Name | Stage::Lookup));
    let selectors = request.filter(|_| judged).map(stored::selectors);
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    // The outcome above saw every problem; the list shows the first of each stage (decisions D53).
    let diagnostics = shown::cap(diagnostics, unbuilt);
    let outcome = match (failure, request, &trail) {
        (Some(error), _, _) => Outcome::Error(error),
        (None, Some(request), Some(trail)) => {
            Outcome::Response(SelectorsResponse { trail_arn: trail.arn.clone(), selectors: stored::selectors(request) })
        }
        // Unreachable in practice: without errors the trail is always known.
        _ => Outcome::Error(ApiError {
            error_type: Code::UnrecognizedInput,
            message: "no request".into(),
            http_status: None,
            raised_by: RaisedBy::Client,
        }),
    };
    let trail = trail.map(|t| {
        let before = SelectorsResponse { trail_arn: t.arn.clone(), selectors: t.stored };
        let after = match &outcome {
            Outcome::Response(response) => response.clone(),
            Outcome::Error(_) => before.clone(),
        };
        TrailState { before, after }
    });
    Evaluation { form, diagnostics, outcome, trail, selectors }
}

/// The error of the first stage that failed, as the SDK or the API reports it. `unbuilt` counts
/// the problems of each stage past their emitter's budget (decisions D53).
fn api_error(diagnostics: &[Diagnostic], unbuilt: &[usize; STAGES.len()]) -> Option<ApiError> {
    let errors = diagnostics.iter().filter(|d| d.is_error());
    let stage = errors.clone().map(|d| d.code.stage()).min()?;
    let in_stage: Vec<&Diagnostic> = errors.filter(|d| d.code.stage() == stage).collect();
    Some(match stage {
        Stage::Client => ApiError {
            error_type: Code::ParamValidationError,
            message: param_validation_message(&in_stage, unbuilt[Stage::Client as usize]),
            http_status: None,
            raised_by: RaisedBy::Client,
        },
        Stage::Input => ApiError {
            error_type: in_stage[0].code,
            message: in_stage[0].message.clone(),
            http_status: None,
            raised_by: RaisedBy::Client,
        },
        Stage::Name | Stage::Lookup | Stage::Selectors | Stage::Lint => {
            let first = in_stage.iter().min_by_key(|d| (d.span.start, d.span.end)).copied().unwrap_or(in_stage[0]);
            ApiError {
                error_type: first.code,
                message: first.message.clone(),
                http_status: Some(400),
                raised_by: RaisedBy::Service,
            }
        }
    })
}

/// botocore reports every parameter problem in one message, in its own order (the order
/// reported). Past the first [`SHOWN_PER_STAGE`], trailscope counts them (decisions D53): a
/// 4 MiB request can hold two million, a message of 200 MB.
fn param_validation_message(reported: &[&Diagnostic], unbuilt: usize) -> String {
    let mut message = String::from("Parameter validation failed:");
    for d in reported.iter().take(SHOWN_PER_STAGE) {
        message.push('\n');
        message.push_str(&d.message);
    }
    let more = reported.len().saturating_sub(SHOWN_PER_STAGE) + unbuilt;
    if more > 0 {
        message
            .push_str(&format!("\n... and {more} more (trailscope lists the first {SHOWN_PER_STAGE}; decisions D53)"));
    }
    message
}

/// The evaluation of an input that never becomes a request: `diagnostic` says why.
pub fn failed_input(diagnostic: Diagnostic) -> Evaluation {
    let mut problems = Problems::default();
    problems.push(|| diagnostic);
    finish(None, problems, None, None)
}

fn syntax_diagnostic(e: json::SyntaxError) -> Diagnostic {
    let mut d = Diagnostic::new(Code::JsonSyntaxError, format!("invalid JSON: {}", e.message), "", e.span);
    if let Some(help) = e.help {
        d = d.help(help);
    }
    if let Some((span, text, title)) = e.fix {
        d = d.fix(title, span, text);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = r#"{"TrailName": "my-trail", "EventSelectors": [{"ReadWriteType": "All"}]}"#;

    fn response_arn(text: &str) -> String {
        match put_event_selectors(text, None).outcome {
            Outcome::Response(response) => response.trail_arn,
            Outcome::Error(error) => panic!("{text}: {error:?}"),
        }
    }

    #[test]
    fn validity_follows_the_outcome() {
        assert!(put_event_selectors(VALID, None).is_valid());
        assert!(!put_event_selectors(&VALID.replace("All", "Some"), None).is_valid());
        assert!(!put_event_selectors("{", None).is_valid());
    }

    /// A trail name left to deployment (decisions D45) is the trail the file creates, assumed in
    /// the caller's region: the selectors are answered for it (kills deleting that match arm).
    #[cfg(feature = "iac")]
    #[test]
    fn a_name_left_to_deployment_is_the_trail_the_file_creates() {
        let yaml = "Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      TrailName: !Ref Name\n      IsLogging: true\n      S3BucketName: b\n      EventSelectors:\n        - ReadWriteType: All\n";
        let validation = crate::import::validate(yaml, None, None).expect("a template");
        let evaluation = &validation.trails[0].evaluation;
        assert!(evaluation.is_valid(), "{:?}", evaluation.outcome);
        assert!(evaluation.trail.is_some());
    }

    /// The limit is the largest text read (kills `>` -> `>=` in put_event_selectors).
    #[test]
    fn a_text_at_the_limit_is_read_and_one_byte_more_is_not() {
        let at_limit = format!("{VALID}{}", " ".repeat(MAX_INPUT_BYTES - VALID.len()));
        assert!(put_event_selectors(&at_limit, None).is_valid());
        let over = put_event_selectors(&format!("{at_limit} "), None);
        assert_eq!(over.diagnostics[0].code, Code::InputTooLarge);
    }

    /// Without a context the named trail is assumed in us-east-1 of account 123456789012 (the
    /// module's contract); a name given as an ARN is that trail's ARN as written.
    #[test]
    fn without_a_context_the_trail_is_assumed_in_the_default_account() {
        assert_eq!(response_arn(VALID), "arn:aws:cloudtrail:us-east-1:123456789012:trail/my-trail");
        let arn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/other";
        assert_eq!(response_arn(&VALID.replace("my-trail", arn)), arn);
    }

    mod budget {
        //! Each emitter builds only its first problems (decisions D53): the answer must not
        //! depend on how many. Requests with many problems of every stage, evaluated with
        //! budgets of 1 to 3 problems and with no limit.
        use super::super::*;
        use proptest::prelude::*;

        fn one_of(items: &'static [&'static str]) -> impl Strategy<Value = String> {
            proptest::sample::select(items).prop_map(str::to_string)
        }

        fn list(items: &'static [&'static str], most: usize) -> impl Strategy<Value = String> {
            proptest::collection::vec(proptest::sample::select(items), 0..=most).prop_map(|v| v.join(","))
        }

        fn field_selector() -> impl Strategy<Value = String> {
            prop_oneof![
                one_of(&["\"Data\"", "\"Management\"", "\"Dat\"", "\"NetworkActivity\"", "1"])
                    .prop_map(|c| format!(r#"{{"Field":"eventCategory","Equals":[{c}]}}"#)),
                list(&["\"AWS::S3::Object\"", "\"AWS::S3::Objec\"", "\"AWS::Lambda::Function\"", "\"x\""], 4)
                    .prop_map(|v| format!(r#"{{"Field":"resources.type","Equals":[{v}]}}"#)),
                (list(&["\"Get*\"", "\"\"", "\"a\"", "2"], 4), list(&["\"a\"", "\"Put\""], 3))
                    .prop_map(|(e, s)| format!(r#"{{"Field":"eventName","Equals":[{e}],"StartsWith":[{s}]}}"#)),
                list(&["\"true\"", "\"maybe\""], 3).prop_map(|v| format!(r#"{{"Field":"readOnly","Equals":[{v}]}}"#)),
                list(&["\"arn:aws:s3:::b/\"", "\"x\"", "\"arn:aws:s3:::b\"", "\"arn:aws:s3:::b/*\""], 4)
                    .prop_map(|v| format!(r#"{{"Field":"resources.ARN","StartsWith":[{v}]}}"#)),
                Just(r#"{"Field":"bogus","Equals":["x"]}"#.to_string()),
                Just(r#"{"Field":"eventName"}"#.to_string()),
                Just(r#"{"Field":1,"Equals":["x"],"Extra":1}"#.to_string()),
            ]
        }

        fn advanced_selector() -> impl Strategy<Value = String> {
            proptest::collection::vec(field_selector(), 0..5)
                .prop_map(|fields| format!(r#"{{"Name":"s","FieldSelectors":[{}]}}"#, fields.join(",")))
        }

        fn basic_selector() -> impl Strategy<Value = String> {
            let rw = one_of(&["\"All\"", "\"ReadOnly\"", "\"Al\"", "1"]);
            let management = one_of(&["true", "false", "\"true\""]);
            let types = one_of(&["\"AWS::S3::Object\"", "\"AWS::Lambda::Function\"", "\"AWS::S3::Objec\""]);
            let values = list(&["\"arn:aws:s3:::b/\"", "\"arn:aws:s3:::b\"", "\"arn:aws:lambda\"", "\"x\"", "3"], 4);
            let excluded = list(&["\"kms.amazonaws.com\"", "\"s3.amazonaws.com\""], 3);
            (rw, management, proptest::collection::vec((types, values), 0..3), excluded).prop_map(
                |(rw, management, resources, excluded)| {
                    let resources: Vec<String> =
                        resources.iter().map(|(t, v)| format!(r#"{{"Type":{t},"Values":[{v}]}}"#)).collect();
                    format!(
                        r#"{{"ReadWriteType":{rw},"IncludeManagementEvents":{management},"DataResources":[{}],"ExcludeManagementEventSources":[{excluded}]}}"#,
                        resources.join(",")
                    )
                },
            )
        }

        fn request() -> impl Strategy<Value = String> {
            let name = one_of(&[
                "\"my-trail\"",
                "\"bad name!\"",
                "\"arn:aws:cloudtrail:us-east-1:123456789012:trail/x\"",
                "1",
            ]);
            let basic = proptest::collection::vec(basic_selector(), 0..4);
            let advanced = proptest::collection::vec(advanced_selector(), 0..4);
            (name, basic, advanced, any::<bool>(), any::<bool>()).prop_map(|(name, basic, advanced, both, extra)| {
                let selectors = match (both, basic.is_empty()) {
                    (true, _) | (false, true) => {
                        format!(
                            r#""EventSelectors":[{}],"AdvancedEventSelectors":[{}]"#,
                            basic.join(","),
                            advanced.join(",")
                        )
                    }
                    (false, false) => format!(r#""EventSelectors":[{}]"#, basic.join(",")),
                };
                let extra = if extra { r#","Trail":1,"TrailName":"again""# } else { "" };
                format!(r#"{{"TrailName":{name},{selectors}{extra}}}"#)
            })
        }

        /// Every problem an evaluation knows of: those listed, and those a warning counts.
        fn problems(evaluation: &Evaluation) -> usize {
            evaluation
                .diagnostics
                .iter()
                .map(|d| {
                    let counted = d.message.split(' ').next().and_then(|n| n.parse().ok());
                    if d.code == Code::ProblemsNotShown {
                        counted.unwrap_or(0)
                    } else {
                        1
                    }
                })
                .sum()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn the_answer_does_not_depend_on_the_budget(text in request(), budget in 1usize..4) {
                let root = json::parse(&text).expect("generated JSON");
                let full = evaluate_in(&root, None, Problems::with_budget(usize::MAX));
                let small = evaluate_in(&root, None, Problems::with_budget(budget));
                prop_assert_eq!(small.is_valid(), full.is_valid());
                prop_assert_eq!(small.selectors.is_some(), full.selectors.is_some());
                prop_assert_eq!(problems(&small), problems(&full));
                if let (Outcome::Error(small), Outcome::Error(full)) = (&small.outcome, &full.outcome) {
                    prop_assert_eq!(small.error_type, full.error_type);
                    // botocore's message lists the problems; with a budget, the first ones.
                    let first = |m: &str| m.lines().take(2).collect::<Vec<_>>().join("\n");
                    prop_assert_eq!(first(&small.message), first(&full.message));
                    if small.error_type != Code::ParamValidationError {
                        prop_assert_eq!(&small.message, &full.message);
                    }
                }
            }
        }
    }
}
