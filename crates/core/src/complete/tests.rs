use super::*;

/// The labels offered where `|` is.
fn labels(text_with_cursor: &str) -> Vec<String> {
    let offset = text_with_cursor.find('|').unwrap();
    complete(&text_with_cursor.replace('|', ""), offset).items.into_iter().map(|c| c.label).collect()
}

#[test]
fn top_level_and_selector_keys_come_from_the_service_model() {
    assert_eq!(labels(r#"{"|"#), ["TrailName", "EventSelectors", "AdvancedEventSelectors"]);
    assert_eq!(labels(r#"{"TrailName": "t", "|"#), ["EventSelectors", "AdvancedEventSelectors"]);
    assert_eq!(
        labels(r#"{"EventSelectors": [{"|"}]}"#),
        ["ReadWriteType", "IncludeManagementEvents", "DataResources", "ExcludeManagementEventSources"]
    );
    assert_eq!(labels(r#"{"EventSelectors": [{"DataResources": [{|"#), ["Type", "Values"]);
}

#[test]
fn enum_values_and_booleans() {
    assert_eq!(labels(r#"{"EventSelectors": [{"ReadWriteType": "|"}]}"#), ["ReadOnly", "WriteOnly", "All"]);
    assert_eq!(labels(r#"{"EventSelectors": [{"IncludeManagementEvents": |}]}"#), ["true", "false"]);
    assert_eq!(labels(r#"{"EventSelectors": [{"DataResources": [{"Type": "|"}]}]}"#), BASIC_RESOURCE_TYPES);
    assert_eq!(
        labels(r#"{"EventSelectors": [{"ExcludeManagementEventSources": ["|"]}]}"#),
        EXCLUDABLE_MANAGEMENT_EVENT_SOURCES
    );
}

const DATA: &str = r#"{"TrailName": "t", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, "#;

#[test]
fn fields_operators_and_values_follow_the_category() {
    let fields = labels(&format!(r#"{DATA}{{"Field": "|"}}]}}]}}"#));
    assert!(fields.contains(&"resources.type".to_string()) && fields.contains(&"eventName".to_string()), "{fields:?}");
    let management = DATA.replace("Data", "Management");
    let fields = labels(&format!(r#"{management}{{"Field": "|"}}]}}]}}"#));
    assert!(fields.contains(&"readOnly".to_string()) && !fields.contains(&"eventName".to_string()), "{fields:?}");
    let types = labels(&format!(r#"{DATA}{{"Field": "resources.type", "Equals": ["|"]}}]}}]}}"#));
    assert!(types.contains(&"AWS::S3::Object".to_string()) && types.len() > 100, "{}", types.len());
    let operators = labels(&format!(r#"{DATA}{{"Field": "resources.type", "|"}}]}}]}}"#));
    assert_eq!(operators, ["Equals"]);
    let operators = labels(&format!(r#"{DATA}{{"Field": "eventName", "|"}}]}}]}}"#));
    assert_eq!(operators.len(), 6);
    assert_eq!(
        labels(r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["|"#),
        ["Management", "Data", "NetworkActivity"]
    );
}

#[test]
fn what_was_typed_filters_prefixes_first() {
    assert_eq!(labels(r#"{"EventSelectors": [{"ReadWriteType": "o|"}]}"#), ["ReadOnly", "WriteOnly"]);
    assert_eq!(labels(r#"{"EventSelectors": [{"ReadWriteType": "wr|"}]}"#), ["WriteOnly"]);
    let lambda = labels(&format!(r#"{DATA}{{"Field": "resources.type", "Equals": ["AWS::Lambda|"]}}]}}]}}"#));
    assert_eq!(lambda, ["AWS::Lambda::Function"]);
}

#[test]
fn network_activity_event_sources() {
    let na = DATA.replace("Data", "NetworkActivity");
    let sources = labels(&format!(r#"{na}{{"Field": "eventSource", "Equals": ["|"]}}]}}]}}"#));
    assert!(sources.contains(&"kms.amazonaws.com".to_string()), "{sources:?}");
}

#[test]
fn the_range_replaced_is_the_whole_token() {
    let text = r#"{"EventSelectors": [{"ReadWriteType": "Wri"}]}"#;
    let c = complete(text, text.rfind("ri").unwrap());
    assert_eq!(&text[c.from..c.to], "\"Wri\"");
    assert_eq!(c.items[0].apply, "\"WriteOnly\"");
}

#[test]
fn any_text_and_offset_is_answered_without_panicking() {
    let text = r#"{"a\"b": [1, tru, {"x": "é|"#;
    for offset in 0..=text.len() + 2 {
        let _ = complete(text, offset);
    }
}

#[test]
fn a_field_value_after_a_complete_field_selector() {
    let fields = labels(&format!(r#"{DATA}{{"Field": "resources.type", "Equals": [""]}}, {{"Field": "|"}}]}}]}}"#));
    assert!(fields.contains(&"resources.ARN".to_string()), "{fields:?}");
}
