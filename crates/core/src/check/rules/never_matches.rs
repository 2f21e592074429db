//! A field selector whose every SELECT alternative is also excluded by its DESELECT operators
//! can never match, so its selector logs nothing (spec §5.1 evaluation rules; decisions D18).

use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::{AdvancedFieldSelector, Request};
use crate::request::model::Operator;

pub fn check(request: &Request, out: &mut Problems) {
    for field in request.advanced_event_selectors().iter().flat_map(|s| s.field_selectors()) {
        // A value left to deployment may be one that is not excluded (decisions D45).
        if request.unknowns.under(&field.pointer) {
            continue;
        }
        let mut selects = field
            .conditions
            .iter()
            .filter(|c| c.operator.is_select())
            .flat_map(|c| c.values.iter().map(move |v| (c.operator, v)));
        let any_select = field.conditions.iter().any(|c| c.operator.is_select() && !c.values.is_empty());
        if any_select && selects.all(|(op, v)| excluded(field, op, &v.value)) {
            let (pointer, span) = field.anchor();
            let name = field.field_name().unwrap_or("this field");
            out.push(|| {
                Diagnostic::new(
                    Code::NeverMatches,
                    format!("the conditions on {name} can never match: every value it selects is also excluded, so this selector logs nothing"),
                    pointer,
                    span,
                )
                .help("DESELECT operators (NotEquals, NotStartsWith, NotEndsWith) exclude an event even when a SELECT operator matches it")
                .spec("§5.1")
                .decision("D18")
            });
        }
    }
}

fn deselect_values(field: &AdvancedFieldSelector, op: Operator) -> impl Iterator<Item = &str> {
    field.conditions.iter().filter(move |c| c.operator == op).flat_map(|c| c.values.iter().map(|v| v.value.as_str()))
}

/// True when every value the SELECT alternative `op value` admits is excluded.
fn excluded(field: &AdvancedFieldSelector, op: Operator, value: &str) -> bool {
    let by_prefix = deselect_values(field, Operator::NotStartsWith).any(|p| match op {
        Operator::Equals | Operator::StartsWith => value.starts_with(p),
        Operator::EndsWith | Operator::NotEquals | Operator::NotStartsWith | Operator::NotEndsWith => p.is_empty(),
    });
    let by_suffix = deselect_values(field, Operator::NotEndsWith).any(|s| match op {
        Operator::Equals | Operator::EndsWith => value.ends_with(s),
        Operator::StartsWith | Operator::NotEquals | Operator::NotStartsWith | Operator::NotEndsWith => s.is_empty(),
    });
    let by_equals = op == Operator::Equals && deselect_values(field, Operator::NotEquals).any(|e| e == value);
    by_prefix || by_suffix || by_equals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    fn field(conditions: &str) -> Vec<Diagnostic> {
        run_rule(
            check,
            &format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventName",{conditions}}}]}}]}}"#
            ),
        )
    }

    #[test]
    fn contradictions_warn() {
        assert_eq!(field(r#""Equals":["A"],"NotEquals":["A"]"#).len(), 1);
        assert_eq!(field(r#""StartsWith":["Get"],"NotStartsWith":["Ge"]"#).len(), 1);
        assert_eq!(field(r#""Equals":["GetObject"],"NotEndsWith":["Object"]"#).len(), 1);
    }

    #[test]
    fn satisfiable_conditions_do_not_warn() {
        assert!(field(r#""Equals":["A","B"],"NotEquals":["A"]"#).is_empty());
        assert!(field(r#""StartsWith":["Ge"],"NotStartsWith":["Get"]"#).is_empty());
        assert!(field(r#""NotEquals":["A"]"#).is_empty());
    }
}
