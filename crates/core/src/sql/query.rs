//! The query modes around the compiled predicates: the predicate alone (`where`), a view, a
//! query returning one row per logged event (`select`), and counts with the data-event cost
//! (`count`). Every mode but `where` computes the category once and names, for each logged
//! event, the selector that decides it: the first that matches, as the replay's reason line
//! names it (`Explanation::summary`).

use super::dialect::Syntax;
use super::expr::Sql;
use super::predicate::Compiled;
use super::{layout, Mode, SqlError};

/// The view `--mode view` creates.
pub const VIEW_NAME: &str = "trailscope_logged";

/// The data-event price, in US dollars per event: $0.10 per 100,000 (decisions D41).
const DATA_EVENT_PRICE: &str = "0.000001";

pub(crate) fn write(syntax: &dyn Syntax, compiled: &Compiled, mode: Mode, relation: &str) -> Result<String, SqlError> {
    let category = layout::category(syntax)?;
    if mode == Mode::Where {
        return Ok(logged(compiled, &category).render().to_string());
    }
    let decided = format!(
        "SELECT c.*, {} AS trailscope_selector\nFROM (\n  SELECT s.*, {category} AS trailscope_category\n  FROM {relation} s\n) c",
        deciding(compiled, "trailscope_category")
    );
    let logged = format!("FROM (\n{decided}\n) d\nWHERE trailscope_selector IS NOT NULL");
    Ok(match mode {
        Mode::Where | Mode::Select => format!(
            "SELECT eventid, eventtime, eventsource, eventname, awsregion, trailscope_category AS category, \
             trailscope_selector AS selector\n{logged}"
        ),
        Mode::View => format!("CREATE OR REPLACE VIEW {VIEW_NAME} AS\nSELECT *\n{logged}"),
        Mode::Count => format!(
            "SELECT trailscope_selector AS selector, eventsource, eventname, trailscope_category AS category,\n  \
             count(*) AS events,\n  \
             sum(CASE WHEN trailscope_category = 'Data' THEN {DATA_EVENT_PRICE} ELSE 0 END) AS cost_usd\n\
             {logged}\n\
             GROUP BY GROUPING SETS ((trailscope_selector, eventsource, eventname, trailscope_category), ())\n\
             ORDER BY events DESC, selector, eventsource, eventname"
        ),
    })
}

/// Whether the trail logs the record: its gate, then the selectors that can match a record of
/// its category, OR'd (spec §5.1); never NULL.
fn logged(compiled: &Compiled, category: &str) -> Sql {
    let arms: Vec<String> = compiled
        .by_category
        .iter()
        .filter_map(|(c, selectors)| {
            let any = any_of(selectors.iter().map(|(_, p)| p));
            (any != Sql::Const(false)).then(|| format!("  WHEN '{}' THEN\n    {}", c.as_str(), any.render()))
        })
        .collect();
    if arms.is_empty() {
        return Sql::Const(false);
    }
    let by_category = format!("CASE {category}\n{}\n  ELSE FALSE\nEND", arms.join("\n"));
    match &compiled.gate {
        Sql::Const(true) => Sql::text(by_category),
        Sql::Const(false) => Sql::Const(false),
        Sql::Text(gate) => Sql::text(format!("({gate}\nAND {by_category})")),
    }
}

/// Selector predicates OR'd, one a line.
fn any_of<'a>(predicates: impl Iterator<Item = &'a Sql>) -> Sql {
    let mut texts = Vec::new();
    for predicate in predicates {
        match predicate {
            Sql::Const(true) => return Sql::Const(true),
            Sql::Const(false) => {}
            Sql::Text(text) => texts.push(text.as_str()),
        }
    }
    match texts.len() {
        0 => Sql::Const(false),
        _ => Sql::text(texts.join("\n    OR ")),
    }
}

/// The index of the first selector that matches the record, NULL when none does or the gate
/// refuses it.
fn deciding(compiled: &Compiled, category: &str) -> String {
    let none = "CAST(NULL AS INTEGER)".to_string();
    let arms: Vec<String> = compiled
        .by_category
        .iter()
        .filter(|(_, selectors)| !selectors.is_empty())
        .map(|(c, selectors)| format!("    WHEN '{}' THEN {}", c.as_str(), first_match(selectors)))
        .collect();
    if arms.is_empty() {
        return none;
    }
    let by_category = format!("CASE {category}\n{}\n  END", arms.join("\n"));
    match &compiled.gate {
        Sql::Const(true) => by_category,
        Sql::Const(false) => none,
        Sql::Text(gate) => format!("CASE WHEN {gate} THEN {by_category} END"),
    }
}

/// `CASE WHEN p0 THEN 0 WHEN p2 THEN 2 END`, stopping at a selector that always matches.
fn first_match(selectors: &[(usize, Sql)]) -> String {
    let mut whens = Vec::new();
    for (index, predicate) in selectors {
        whens.push(format!("WHEN {} THEN {index}", predicate.render()));
        if *predicate == Sql::Const(true) {
            break;
        }
    }
    format!("CASE\n      {}\n    END", whens.join("\n      "))
}
