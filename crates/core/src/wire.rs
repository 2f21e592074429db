//! The wire schema for TypeScript: every type that crosses to JavaScript (the report, the
//! replay's rows, summary and explanations), declared from the Rust types by ts-rs, so the
//! declarations are what serde produces (renames, flattened members, `skip_serializing_if`
//! as optional, `Option` as `| null`). Only with the `ts` feature: no shipped binary has it.
//!
//! The npm package ships the result as `types.d.ts` (crates/wasm/types.d.ts, committed, and
//! imported by wasm-bindgen's declarations); a test fails when that file is out of date, and
//! `make wire-types` writes it again.

use crate::ask::diff::{Diff, DiffClass};
use crate::ask::lines::{Line, LineKind};
use crate::ask::presets::{Preset, Template, TemplateMatch};
use crate::ask::{Answer, Asked, Coverage, Example, TrailFacts};
use crate::catalog::Category;
use crate::check::context::ContextError;
use crate::check::service::{ApiError, RaisedBy, TrailState};
use crate::checkers::{Check, Checker, CheckerRow, CheckerVerdict, Comparison, Conclusion, Flaw};
use crate::diagnostics::report::{FlatDiagnostic, FlatEdit, FlatFix, Report};
use crate::diagnostics::{Code, Provenance, Severity};
use crate::export::{Dialect, DialectInfo};
use crate::replay::explain::{Explanation, SelectorOutcome};
use crate::replay::filter::{RowFilter, Verdicts};
use crate::replay::session::{NameCount, Problem, Row, Summary, TopEvent, Totals, Verdict};
use crate::replay::stream::Wrapping;
use crate::request::input::InputForm;
use crate::request::model::{
    AdvancedEventSelector, AdvancedFieldSelector, DataResource, EventSelector, ReadWriteType, Selectors,
    SelectorsResponse,
};
use ts_rs::{Config, TS};

const HEADER: &str = "// Generated from trailscope-core's Rust types by ts-rs (crates/core/src/wire.rs).
// Do not edit: `make wire-types` writes it again.
";

/// A question's JSON form (`ask::Question` serializes by hand): each key a value, a list of
/// values, or a prefix.
const QUESTION: &str = "
/** A class of events: advanced-selector field names (and `awsRegion`) to a value, a list of values, or a prefix. */
export type Question = { [key: string]: string | Array<string> | { StartsWith: string } };
";

fn declare<T: TS + ?Sized>(cfg: &Config, out: &mut String) {
    out.push('\n');
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push('\n');
}

/// The declarations, one `export type` per wire type; counts are plain `number`s (as
/// serde_json writes them), not `bigint`.
pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(HEADER);
    let out = &mut out;
    // The report (`validate`).
    declare::<Report>(&cfg, out);
    // A whole file (`validate`, issue 11).
    #[cfg(feature = "iac")]
    {
        declare::<crate::import::FileReport>(&cfg, out);
        declare::<crate::import::TrailReport>(&cfg, out);
        declare::<crate::import::Dialect>(&cfg, out);
    }
    declare::<InputForm>(&cfg, out);
    declare::<Code>(&cfg, out);
    declare::<Severity>(&cfg, out);
    declare::<Provenance>(&cfg, out);
    declare::<FlatDiagnostic>(&cfg, out);
    declare::<FlatFix>(&cfg, out);
    declare::<crate::report::FixTarget>(&cfg, out);
    declare::<FlatEdit>(&cfg, out);
    declare::<ApiError>(&cfg, out);
    declare::<RaisedBy>(&cfg, out);
    declare::<SelectorsResponse>(&cfg, out);
    declare::<Selectors>(&cfg, out);
    declare::<EventSelector>(&cfg, out);
    declare::<ReadWriteType>(&cfg, out);
    declare::<DataResource>(&cfg, out);
    declare::<AdvancedEventSelector>(&cfg, out);
    declare::<AdvancedFieldSelector>(&cfg, out);
    declare::<TrailState>(&cfg, out);
    declare::<ContextError>(&cfg, out);
    // The replay (`ReplaySession`).
    declare::<Wrapping>(&cfg, out);
    declare::<Category>(&cfg, out);
    declare::<Row<'static>>(&cfg, out);
    declare::<Verdict<'static>>(&cfg, out);
    declare::<Problem>(&cfg, out);
    declare::<Totals>(&cfg, out);
    declare::<NameCount>(&cfg, out);
    declare::<Summary>(&cfg, out);
    declare::<TopEvent<'static>>(&cfg, out);
    declare::<SelectorOutcome>(&cfg, out);
    declare::<Explanation>(&cfg, out);
    // The replay's table (`VerdictStore.page`).
    declare::<Verdicts>(&cfg, out);
    declare::<RowFilter>(&cfg, out);
    // Questions (`covers`, `diff`, `checkers`).
    out.push_str(QUESTION);
    declare::<Asked<Coverage>>(&cfg, out);
    declare::<Answer>(&cfg, out);
    declare::<Coverage>(&cfg, out);
    declare::<TrailFacts>(&cfg, out);
    declare::<Example>(&cfg, out);
    declare::<Diff>(&cfg, out);
    declare::<DiffClass>(&cfg, out);
    declare::<Preset>(&cfg, out);
    declare::<Template>(&cfg, out);
    declare::<TemplateMatch>(&cfg, out);
    declare::<Comparison>(&cfg, out);
    declare::<Check>(&cfg, out);
    declare::<CheckerRow>(&cfg, out);
    declare::<Checker>(&cfg, out);
    declare::<Conclusion>(&cfg, out);
    declare::<CheckerVerdict>(&cfg, out);
    declare::<Flaw>(&cfg, out);
    declare::<Line>(&cfg, out);
    declare::<crate::ask::question::KeySuggestions>(&cfg, out);
    declare::<LineKind>(&cfg, out);
    // Editor completion (`completeRequest`).
    declare::<crate::complete::Completion>(&cfg, out);
    // SQL (`toSql`).
    declare::<crate::sql::SqlOptions>(&cfg, out);
    declare::<crate::sql::Dialect>(&cfg, out);
    declare::<crate::sql::Mode>(&cfg, out);
    // Exports (`exportAs`, `exportDialects`).
    declare::<Dialect>(&cfg, out);
    declare::<DialectInfo>(&cfg, out);
    std::mem::take(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed declarations the npm package ships.
    const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../wasm/types.d.ts");

    #[test]
    fn shipped_declarations_are_up_to_date() {
        let generated = typescript();
        if std::env::var_os("TRAILSCOPE_WRITE_TYPES").is_some() {
            std::fs::write(SHIPPED, &generated).unwrap();
        }
        let shipped = std::fs::read_to_string(SHIPPED).unwrap_or_default();
        assert!(
            shipped == generated,
            "crates/wasm/types.d.ts is not what the Rust types declare: run `make wire-types` and commit it"
        );
    }

    #[test]
    fn every_code_is_in_the_union() {
        let union = Code::inline(&Config::new());
        for code in Code::ALL {
            assert!(union.contains(&format!("\"{}\"", code.as_str())), "{code} missing from {union}");
        }
        assert_eq!(union.matches('|').count() + 1, Code::ALL.len());
    }
}
