//! The SQL's text where it matters by itself (escaping, refusals, the trail's state). That it
//! selects exactly what the matcher logs is proven on real engines: `scripts/sql-engines.sh`.

use super::*;
use crate::model::{AdvancedEventSelector, AdvancedFieldSelector, EventSelector, Operator};

fn advanced(fields: &[(&str, Operator, &[&str])]) -> Selectors {
    let field_selectors = fields
        .iter()
        .map(|(name, op, values)| {
            let mut field = AdvancedFieldSelector::new(*name);
            field.set_values(*op, values.iter().map(|v| v.to_string()).collect());
            field
        })
        .collect();
    Selectors::Advanced(vec![AdvancedEventSelector { name: None, field_selectors }])
}

fn sql(selectors: &Selectors, dialect: Dialect, mode: Mode) -> Result<String, SqlError> {
    to_sql(selectors, &TrailFacts::assumed(), &SqlOptions { dialect, mode, table: None, source: None })
}

#[test]
fn literals_are_escaped_for_each_dialect() {
    let set = advanced(&[
        ("eventCategory", Operator::Equals, &["Data"]),
        ("resources.type", Operator::Equals, &["AWS::S3::Object"]),
        ("resources.ARN", Operator::NotEndsWith, &[r"it's\x"]),
    ]);
    let athena = sql(&set, Dialect::Athena, Mode::Where).unwrap();
    assert!(athena.contains(r"starts_with(reverse(coalesce(r.arn, r.arnprefix)), 'x\s''ti')"), "{athena}");
    let spark = sql(&set, Dialect::Spark, Mode::Where).unwrap();
    assert!(spark.contains(r"endswith(coalesce(r.arn, r.arnprefix), 'it\'s\\x')"), "{spark}");
    let duckdb = sql(&set, Dialect::Duckdb, Mode::Where).unwrap();
    assert!(duckdb.contains(r"ends_with(coalesce(r.arn, r.arnprefix), 'it''s\x')"), "{duckdb}");
}

#[test]
fn nul_is_refused_and_options_are_checked() {
    let set =
        advanced(&[("eventCategory", Operator::Equals, &["Management"]), ("eventName", Operator::Equals, &["a\0b"])]);
    for dialect in Dialect::ALL {
        assert!(matches!(sql(&set, dialect, Mode::Select), Err(SqlError::Unsupported(why)) if why.contains("NUL")));
    }
    let plain = Selectors::default();
    let options = |dialect, table: Option<&str>, source: Option<&str>| SqlOptions {
        dialect,
        mode: Mode::Select,
        table: table.map(String::from),
        source: source.map(String::from),
    };
    let trail = TrailFacts::assumed();
    assert!(matches!(
        to_sql(&plain, &trail, &options(Dialect::Athena, None, Some("x.json"))),
        Err(SqlError::Options(_))
    ));
    assert!(matches!(
        to_sql(&plain, &trail, &options(Dialect::Duckdb, Some("t"), Some("x"))),
        Err(SqlError::Options(_))
    ));
    let quoted = to_sql(&plain, &trail, &options(Dialect::Spark, Some("db.my-table"), None)).unwrap();
    assert!(quoted.contains("FROM db.`my-table` s"), "{quoted}");
    let files = to_sql(&plain, &trail, &options(Dialect::Duckdb, None, Some("logs/o'k/*.json.gz"))).unwrap();
    assert!(files.contains("read_json('logs/o''k/*.json.gz'"), "{files}");
}

#[test]
fn the_trails_state_gates_every_mode() {
    let set = Selectors::default();
    let options = SqlOptions { dialect: Dialect::Athena, mode: Mode::Where, table: None, source: None };
    let stopped = TrailFacts { is_logging: false, assumed: false, ..TrailFacts::assumed() };
    assert_eq!(to_sql(&set, &stopped, &options).unwrap(), "FALSE");
    let select = to_sql(&set, &stopped, &SqlOptions { mode: Mode::Select, ..options.clone() }).unwrap();
    assert!(select.contains("CAST(NULL AS INTEGER) AS trailscope_selector") && select.contains("not logging"));
    let single = TrailFacts { is_multi_region_trail: false, assumed: false, ..TrailFacts::assumed() };
    let text = to_sql(&set, &single, &options).unwrap();
    assert!(text.contains("(awsregion IS NULL OR (awsregion IS NOT NULL AND awsregion = 'us-east-1'))"), "{text}");
}

#[test]
fn decided_conditions_leave_no_trace_and_output_is_stable() {
    // Only a Data selector: no Management arm; a field selectors do not know with only a
    // DESELECT operator always passes (D23).
    let mut values: Vec<String> = (0..20).map(|i| format!("Name{i}")).collect();
    let set = advanced(&[
        ("eventCategory", Operator::Equals, &["Data"]),
        ("unknownField", Operator::NotEquals, &["x"]),
        ("eventName", Operator::Equals, &values.iter().map(String::as_str).collect::<Vec<_>>()),
    ]);
    let text = sql(&set, Dialect::Duckdb, Mode::Where).unwrap();
    assert!(!text.contains("WHEN 'Management'") && !text.contains("TRUE AND") && !text.contains("unknown"), "{text}");
    values.sort();
    assert!(text.contains(&format!("eventname IN ('{}')", values.join("', '"))), "{text}");
    assert_eq!(text, sql(&set, Dialect::Duckdb, Mode::Where).unwrap());
}

#[test]
fn basic_selectors_split_management_and_data() {
    let selector = EventSelector {
        exclude_management_event_sources: vec!["kms.amazonaws.com".into()],
        ..EventSelector::default()
    };
    let text = sql(&Selectors::Basic(vec![selector]), Dialect::Athena, Mode::Count).unwrap();
    assert!(text.contains("WHEN 'Management' THEN CASE"), "{text}");
    assert!(text.contains("NOT (eventsource IS NOT NULL AND eventsource = 'kms.amazonaws.com')"), "{text}");
    assert!(!text.contains("WHEN 'Data' THEN") && text.contains("GROUPING SETS"), "{text}");
}
