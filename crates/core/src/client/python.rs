//! How botocore prints a parameter value in its messages: Python's `str()` of the value that
//! `json.loads` would produce, and `type()` of it.

use crate::json::{Node, Value};

/// Python `str(value)`: strings bare, containers with `repr` of their items.
pub fn str_of(node: &Node) -> String {
    match &node.value {
        Value::String(s) => s.clone(),
        _ => repr_of(node),
    }
}

fn repr_of(node: &Node) -> String {
    match &node.value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(raw) => number(raw),
        Value::String(s) => string_repr(s),
        Value::Array(items) => format!("[{}]", items.iter().map(repr_of).collect::<Vec<_>>().join(", ")),
        Value::Object(members) => {
            let items: Vec<String> =
                members.iter().map(|m| format!("{}: {}", string_repr(&m.key), repr_of(&m.value))).collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

fn is_float(raw: &str) -> bool {
    raw.contains(['.', 'e', 'E'])
}

/// Python prints ints exactly and floats in shortest round-trip form.
fn number(raw: &str) -> String {
    if !is_float(raw) {
        return raw.strip_prefix("-").filter(|d| d.bytes().all(|b| b == b'0')).map_or(raw.into(), |_| "0".into());
    }
    match raw.parse::<f64>() {
        Ok(f) if f.is_infinite() => if f > 0.0 { "inf" } else { "-inf" }.into(),
        Ok(f) if f.fract() == 0.0 && f.abs() < 1e16 => format!("{f:.1}"),
        Ok(f) => format!("{f}"),
        Err(_) => raw.into(),
    }
}

/// Python `repr(str)`: single quotes unless the text has `'` and no `"`.
fn string_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python `str(type(value))`.
pub fn type_of(node: &Node) -> &'static str {
    match &node.value {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(raw) if is_float(raw) => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn py(text: &str) -> String {
        str_of(&parse(text).unwrap())
    }

    #[test]
    fn prints_values_as_python_does() {
        assert_eq!(py(r#""yes""#), "yes");
        assert_eq!(py(r#"["a", "it's", 1, 2.5, true, null]"#), r#"['a', "it's", 1, 2.5, True, None]"#);
        assert_eq!(py(r#"{"k": {"n": 1e2}}"#), "{'k': {'n': 100.0}}");
        assert_eq!(py("-0"), "0");
        assert_eq!(type_of(&parse("1.0").unwrap()), "<class 'float'>");
    }
}
