//! A boto3 `client.put_event_selectors(...)` call with Python literals: strings escaped as JSON
//! escapes them (every JSON escape is a Python escape, and serde_json escapes every control
//! character), `True`/`False`. A trail ARN sets the client's `region_name` to its home Region.

use super::literal::{self, Style};
use super::{tree, Trail};
use crate::request::model::Selectors;

const PYTHON: Style = Style {
    string: literal::json_string,
    key: literal::json_string,
    flag: python_flag,
    indent: "    ",
    trailing_comma: true,
};

fn python_flag(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

pub(super) fn write(trail: &Trail, selectors: &Selectors) -> String {
    let (member, value) = tree::selectors(selectors);
    let mut out: String = trail.header().iter().map(|line| format!("# {line}\n")).collect();
    out.push_str("import boto3\n\n");
    match trail.home {
        Some((region, _)) => {
            out.push_str(&format!("client = boto3.client(\"cloudtrail\", region_name={})\n", (PYTHON.string)(region)))
        }
        None => out.push_str("client = boto3.client(\"cloudtrail\")\n"),
    }
    out.push_str("response = client.put_event_selectors(\n");
    out.push_str(&format!("    TrailName={},\n    {member}=", (PYTHON.string)(trail.written)));
    literal::write(&value, &PYTHON, 1, &mut out);
    out.push_str(",\n)\n");
    out
}
