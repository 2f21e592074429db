//! Fields, operators and values allowed per event category on a trail (spec §4.1 table;
//! decisions D17), and the fields each category requires (resources.type for Data,
//! eventSource for NetworkActivity). A field not allowed for the category, a missing required
//! field and an errorCode value other than VpceAccessDenied get AWS's observed texts
//! (docs/aws-messages.md), unknown field names included; trailscope's explanation is the help.

use super::fields::{category_of, rules_for, FieldRule};
use super::invalid_selectors;
use crate::catalog::{Category, Field};
use crate::diagnostics::{Diagnostic, Problems};
use crate::request::located::{AdvancedEventSelector, AdvancedFieldSelector, LocatedString, Request};

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.advanced_event_selectors() {
        let Some(category) = category_of(selector) else {
            continue;
        };
        let rules = rules_for(category);
        for field in selector.field_selectors() {
            match field.field_name() {
                None | Some("eventCategory") => {}
                Some(name) => match rules.iter().find(|r| r.field.name() == name) {
                    Some(rule) => check_field(field, rule, out),
                    None => out.push(|| field_not_allowed(field, name, category)),
                },
            }
        }
        // A field name left to deployment may be the required one (decisions D45).
        if !request.unknowns.under_child(&selector.pointer, "FieldSelectors") {
            required_fields(selector, category, out);
        }
    }
}

fn allowed_fields(category: Category) -> String {
    let names: Vec<&str> =
        std::iter::once("eventCategory").chain(rules_for(category).iter().map(|r| r.field.name())).collect();
    names.join(", ")
}

fn field_not_allowed(field: &AdvancedFieldSelector, name: &str, category: Category) -> Diagnostic {
    let (pointer, span) = field.anchor();
    let allowed = allowed_fields(category);
    let c = category.as_str();
    // spec: aws-messages.md, "a field not allowed in a Management selector": per category.
    let message = format!("The following field is not allowed when the eventCategory field value equals {c}: {name}.");
    let mut help = if Field::parse(name).is_some() {
        format!("{c} selectors on a trail can use {allowed}")
    } else {
        format!("\"{name}\" is not a field advanced event selectors support; {c} selectors can use {allowed}")
    };
    if name == "eventName" && category == Category::Management {
        help.push_str("; filtering management events by eventName is only available on event data stores");
    }
    let mut d = invalid_selectors(message, pointer, span).observed().help(help).spec("§4.1").decision("D17");
    let candidates = std::iter::once("eventCategory").chain(rules_for(category).iter().map(|r| r.field.name()));
    d = d.suggest(span, name, candidates);
    d
}

fn check_field(field: &AdvancedFieldSelector, rule: &FieldRule, out: &mut Problems) {
    for condition in &field.conditions {
        if !rule.operators.allows(condition.operator) {
            let message = format!(
                "{} is not valid for {}: it supports {}",
                condition.operator.as_str(),
                rule.field,
                rule.operators.describe()
            );
            out.push(|| {
                invalid_selectors(message, &condition.pointer, condition.key_span).spec("§4.1").decision("D17")
            });
            continue;
        }
        if rule.single_value {
            if let Some(second) = condition.values.get(1) {
                let message = format!(
                    "{} takes exactly one value; this {} has {}",
                    rule.field,
                    condition.operator.as_str(),
                    condition.values.len()
                );
                let help = if rule.field == Field::ResourcesType {
                    "to log more than one resource type, add a selector per type"
                } else {
                    "use one value"
                };
                out.push(|| {
                    invalid_selectors(message, &second.pointer, second.span).help(help).spec("§4.1").decision("D17")
                });
            }
        }
        for value in condition.values.iter().filter(|v| !rule.values.allows(&v.value)) {
            out.push(|| invalid_value(value, rule));
        }
    }
}

/// An invalid value, with the "did you mean" (a comparison with every candidate, 176 resource
/// types: a 4 MiB request can hold 400,000 invalid values, but only the first are built).
fn invalid_value(value: &LocatedString, rule: &FieldRule) -> Diagnostic {
    let ours =
        format!("\"{}\" is not a valid value for {}: expected {}", value.value, rule.field, rule.values.describe());
    // spec: aws-messages.md, "errorCode value other than VpceAccessDenied". AWS's text for the
    // other fields' values is not known, so those keep trailscope's words.
    let d = if rule.field == Field::ErrorCode {
        invalid_selectors("The errorCode field value is not valid.", &value.pointer, value.span).observed().help(ours)
    } else {
        invalid_selectors(ours, &value.pointer, value.span)
    };
    d.spec("§4.1").decision("D17").suggest_or_pick(value.span, &value.value, rule.values.candidates())
}

fn required_fields(selector: &AdvancedEventSelector, category: Category, out: &mut Problems) {
    for rule in rules_for(category).iter().filter(|r| r.required) {
        if selector.field_selectors().iter().all(|f| f.field_name() != Some(rule.field.name())) {
            let anchor = selector.field_selectors().iter().find(|f| f.known_field() == Some(Field::EventCategory));
            let (pointer, span) =
                anchor.map_or((selector.pointer.as_str(), selector.span.first_byte()), |f| f.anchor());
            // spec: aws-messages.md, "Data selector without resources.type" and "NetworkActivity
            // selector without eventSource".
            let message = format!(
                "The following selectors are required when the eventCategory field value equals {}: [{}].",
                category.as_str(),
                rule.field
            );
            // The required fields are resources.type (Data) and eventSource (NetworkActivity).
            let help = if rule.field == Field::ResourcesType {
                "add {\"Field\": \"resources.type\", \"Equals\": [\"AWS::S3::Object\"]} (one type per selector)"
            } else {
                "add {\"Field\": \"eventSource\", \"Equals\": [\"kms.amazonaws.com\"]} (one event source per selector)"
            };
            out.push(|| invalid_selectors(message, pointer, span).observed().help(help).spec("§4.1").decision("D17"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule, run_rule_counting};
    use crate::limits::SHOWN_PER_STAGE;

    fn selector(category: &str, fields: &str) -> Vec<Diagnostic> {
        run_rule(
            check,
            &format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["{category}"]}}{fields}]}}]}}"#
            ),
        )
    }

    /// Past the budget, invalid values are counted, not built (their suggestions cost 7 s in a
    /// 4 MiB request; decisions D53).
    #[test]
    fn past_the_first_thousand_problems_values_are_counted() {
        let values: Vec<String> = (0..SHOWN_PER_STAGE + 5).map(|_| r#""AWS::S3::Objects""#.to_string()).collect();
        let text = format!(
            r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":[{}]}}]}}]}}"#,
            values.join(",")
        );
        let (built, counted) = run_rule_counting(check, &text);
        let invalid: Vec<&Diagnostic> = built.iter().filter(|d| d.message.contains("AWS::S3::Objects")).collect();
        // One "more than one value" problem, then the invalid values.
        assert_eq!((built.len(), invalid.len(), counted), (SHOWN_PER_STAGE, SHOWN_PER_STAGE - 1, 6));
        assert!(invalid.iter().all(|d| d.fixes.first().is_some_and(|f| f.edits[0].text == "\"AWS::S3::Object\"")));
    }

    #[test]
    fn management_allows_read_only_and_kms_exclusion() {
        assert!(selector("Management", r#",{"Field":"readOnly","Equals":["false"]},{"Field":"eventSource","NotEquals":["kms.amazonaws.com","rdsdata.amazonaws.com"]}"#).is_empty());
        assert_eq!(
            pointers(&selector("Management", r#",{"Field":"readOnly","StartsWith":["t"]}"#)),
            ["/AdvancedEventSelectors/0/FieldSelectors/1/StartsWith"]
        );
        assert_eq!(
            pointers(&selector("Management", r#",{"Field":"eventSource","NotEquals":["s3.amazonaws.com"]}"#)),
            ["/AdvancedEventSelectors/0/FieldSelectors/1/NotEquals/0"]
        );
        let event_name = selector("Management", r#",{"Field":"eventName","Equals":["x"]}"#);
        assert_eq!(
            event_name[0].message,
            "The following field is not allowed when the eventCategory field value equals Management: eventName."
        );
        assert!(event_name[0].help.as_ref().unwrap().contains("event data stores"));
    }

    #[test]
    fn data_requires_one_known_resource_type() {
        let missing = selector("Data", "");
        assert_eq!(pointers(&missing), ["/AdvancedEventSelectors/0/FieldSelectors/0/Field"]);
        assert_eq!(
            missing[0].message,
            "The following selectors are required when the eventCategory field value equals Data: [resources.type]."
        );
        assert!(selector("Data", r#",{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"resources.ARN","NotStartsWith":["arn:aws:s3:::b/"]}"#).is_empty());
        let two =
            selector("Data", r#",{"Field":"resources.type","Equals":["AWS::S3::Object","AWS::Lambda::Function"]}"#);
        assert_eq!(pointers(&two), ["/AdvancedEventSelectors/0/FieldSelectors/1/Equals/1"]);
        let unknown = selector("Data", r#",{"Field":"resources.type","Equals":["AWS::S3::Objects"]}"#);
        assert_eq!(unknown[0].fixes[0].edits[0].text, "\"AWS::S3::Object\"");
    }

    #[test]
    fn network_activity_requires_a_supported_event_source() {
        assert!(selector("NetworkActivity", r#",{"Field":"eventSource","Equals":["kms.amazonaws.com"]},{"Field":"errorCode","Equals":["VpceAccessDenied"]}"#).is_empty());
        assert_eq!(selector("NetworkActivity", r#",{"Field":"eventSource","Equals":["iam.amazonaws.com"]}"#).len(), 1);
        let error_code = selector(
            "NetworkActivity",
            r#",{"Field":"eventSource","Equals":["kms.amazonaws.com"]},{"Field":"errorCode","Equals":["AccessDenied"]}"#,
        );
        assert_eq!(error_code[0].message, "The errorCode field value is not valid.");
        assert_eq!(
            selector("NetworkActivity", "")[0].message,
            "The following selectors are required when the eventCategory field value equals NetworkActivity: [eventSource]."
        );
        assert_eq!(
            selector(
                "NetworkActivity",
                r#",{"Field":"eventSource","Equals":["kms.amazonaws.com"]},{"Field":"readOnly","Equals":["true"]}"#
            )
            .len(),
            1
        );
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let d = selector(
            "Data",
            r#",{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"eventname","Equals":["x"]}"#,
        );
        assert_eq!(d[0].fixes[0].edits[0].text, "\"eventName\"");
        assert_eq!(
            d[0].message,
            "The following field is not allowed when the eventCategory field value equals Data: eventname."
        );
    }

    /// sessionCredentialFromConsole takes Equals or NotEquals, nothing else (spec §4.1; kills
    /// `== -> !=` in `Operators::allows`, which survived cargo-mutants).
    #[test]
    fn session_credential_from_console_takes_equals_or_not_equals() {
        let with = |operator: &str| {
            selector(
                "Data",
                &format!(
                    r#",{{"Field":"resources.type","Equals":["AWS::S3::Object"]}},{{"Field":"sessionCredentialFromConsole","{operator}":["true"]}}"#
                ),
            )
        };
        assert!(with("Equals").is_empty());
        assert!(with("NotEquals").is_empty());
        assert_eq!(with("StartsWith").len(), 1);
    }
}
