//! How botocore prints a parameter value in its messages: Python's `str()` of the value that
//! `json.loads` would produce, and `type()` of it.

use crate::source::escape::c_quoted;
use crate::source::json::{Node, Value};

/// Python `str(value)`: strings bare, containers with `repr` of their items.
pub fn str_of(node: &Node) -> String {
    match &node.value {
        Value::String(s) => s.clone(),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_) => repr_of(node),
        #[cfg(feature = "iac")]
        Value::Unknown(u) => u.written.clone(),
    }
}

fn repr_of(node: &Node) -> String {
    let mut out = String::new();
    write_repr(node, &mut out);
    out
}

/// Python `repr(value)`, appended to `out` (one buffer for a whole document: a string per item
/// cost seconds for a 4 MiB one).
fn write_repr(node: &Node, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(raw) => out.push_str(&number(raw)),
        Value::String(s) => out.push_str(&string_repr(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&string_repr(&m.key));
                out.push_str(": ");
                write_repr(&m.value, out);
            }
            out.push('}');
        }
        #[cfg(feature = "iac")]
        Value::Unknown(u) => out.push_str(&u.written),
    }
}

fn is_float(raw: &str) -> bool {
    raw.contains(['.', 'e', 'E'])
}

/// Python prints ints exactly and floats as `float_repr` (below).
fn number(raw: &str) -> String {
    if !is_float(raw) {
        return raw.strip_prefix("-").filter(|d| d.bytes().all(|b| b == b'0')).map_or(raw.into(), |_| "0".into());
    }
    // The parser only lets JSON numbers through, and Rust rounds them to the same double as
    // Python's `float()`; out-of-range ones become ±inf in both.
    raw.parse::<f64>().map_or_else(|_| raw.into(), float_repr)
}

/// Python `repr(float)` (which `str` also uses): the shortest digits that read back as the same
/// double, written positionally when 1e-4 <= |f| < 1e16 and in exponent form otherwise.
fn float_repr(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let (digits, exponent) = shortest_digits(f.abs());
    format!("{sign}{}", python_layout(&digits, exponent))
}

/// The shortest significant digits that read back as `f` (finite, not negative) and the decimal
/// exponent of the first one. When two candidates of that length are equally near, Python's
/// dtoa takes the even one, but Rust's shortest `{:e}` can take the other (`202341479724773.625`
/// is `...73.62` in Python, `...73.63` in Rust). Rust's fixed-precision `{:.*e}` rounds exactly,
/// ties to even, so that is preferred whenever it still reads back as `f`.
fn shortest_digits(f: f64) -> (String, i32) {
    let shortest = format!("{f:e}");
    let length = scientific_parts(&shortest).0.len();
    let nearest = format!("{f:.*e}", length.saturating_sub(1));
    let chosen = if nearest.parse::<f64>() == Ok(f) { nearest } else { shortest };
    scientific_parts(&chosen)
}

/// `"1.2345e16"` -> (`"12345"`, 16): the significant digits (no trailing zeros) and exponent.
fn scientific_parts(scientific: &str) -> (String, i32) {
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_end_matches('0');
    let digits = if significant.is_empty() { "0" } else { significant };
    (digits.to_string(), exponent.parse().unwrap_or(0))
}

/// CPython's `repr` layout of `d1.d2... x 10^exponent` (`float_repr_style` "short"): positional
/// with at least one fractional digit for exponents -4..=15, otherwise `d1[.d2...]e±XX` with a
/// signed exponent of at least two digits (`1e-05`, `1e+16`).
fn python_layout(digits: &str, exponent: i32) -> String {
    if !(-4..16).contains(&exponent) {
        let (first, rest) = digits.split_at(1);
        let fraction = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        let sign = if exponent < 0 { '-' } else { '+' };
        return format!("{first}{fraction}e{sign}{:02}", exponent.unsigned_abs());
    }
    // Within -4..16, so these fit usize.
    let point = exponent.unsigned_abs() as usize;
    if exponent < 0 {
        return format!("0.{}{digits}", "0".repeat(point - 1));
    }
    let whole_len = point + 1;
    if digits.len() <= whole_len {
        format!("{digits:0<whole_len$}.0")
    } else {
        let (whole, fraction) = digits.split_at(whole_len);
        format!("{whole}.{fraction}")
    }
}

/// Python `repr(str)`: single quotes unless the text has `'` and no `"`; backslash, the quote,
/// `\t \n \r` and every non-printable character escaped (CPython's `unicode_repr`).
fn string_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    c_quoted(s, quote, |c| (!is_printable(c)).then(|| hex_escape(c)))
}

/// Python's `str.isprintable()` of one character: false for the Unicode categories Cc, Cf, Cs,
/// Co, Cn, Zl, Zp, and Zs other than the ASCII space. Rust's `Debug` for strings escapes exactly
/// that set (core's `unicode::printable` table is generated from the same rule), so that table
/// is reused rather than shipping a second one. At the start of a string `Debug` also escapes
/// combining marks, which Python prints, hence the `a` in front. Characters assigned after the
/// Unicode version of the user's Python are the one difference: that Python escapes them.
fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return c == ' ' || c.is_ascii_graphic();
    }
    let pair: String = ['a', c].iter().collect();
    pair.escape_debug().skip(1).eq([c])
}

/// CPython's escape of a non-printable character: `\xNN`, `\uNNNN` or `\UNNNNNNNN`, by size.
fn hex_escape(c: char) -> String {
    match c as u32 {
        n @ 0..=0xff => format!("\\x{n:02x}"),
        n @ 0x100..=0xffff => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
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
        #[cfg(feature = "iac")]
        Value::Unknown(_) => "<unknown>",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json::parse;

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

    /// Each pair is `repr(text)` as printed by CPython 3.11: non-printable characters (Unicode
    /// categories Cc, Cf, Co, Cn, Zl, Zp, and Zs other than the space) are escaped, the rest is
    /// kept, and the quote is `'` unless only `"` avoids escaping.
    #[test]
    fn repr_of_strings_as_python_does() {
        let cases = [
            ("\u{0}", r"'\x00'"),
            ("\u{1b}", r"'\x1b'"),
            ("\u{7f}", r"'\x7f'"),
            ("\t\n\r", r"'\t\n\r'"),
            ("\\", r"'\\'"),
            ("\u{85}", r"'\x85'"),
            ("\u{80}\u{9f}", r"'\x80\x9f'"),
            ("\u{a0}", r"'\xa0'"),
            ("\u{ad}", r"'\xad'"),
            ("\u{378}", r"'\u0378'"),
            ("\u{1680}", r"'\u1680'"),
            ("\u{200b}", r"'\u200b'"),
            ("\u{200c}", r"'\u200c'"),
            ("\u{2028}", r"'\u2028'"),
            ("\u{2029}", r"'\u2029'"),
            ("\u{3000}", r"'\u3000'"),
            ("\u{e000}", r"'\ue000'"),
            ("\u{feff}", r"'\ufeff'"),
            ("\u{ffff}", r"'\uffff'"),
            ("\u{e0001}", r"'\U000e0001'"),
            ("\u{f0000}", r"'\U000f0000'"),
            ("\u{10ffff}", r"'\U0010ffff'"),
            ("é 日本 \u{1f600}", "'é 日本 \u{1f600}'"),
            // Combining marks are printable, even with nothing to combine with.
            ("\u{301}", "'\u{301}'"),
            ("a\u{301}", "'a\u{301}'"),
            ("it's", r#""it's""#),
            (r#"say "hi""#, r#"'say "hi"'"#),
            (r#"both ' and ""#, r#"'both \' and "'"#),
        ];
        for (text, python) in cases {
            assert_eq!(string_repr(text), python, "repr({text:?})");
        }
        assert_eq!(py(r#"{"\u2028": ["\u0085"]}"#), r"{'\u2028': ['\x85']}");
    }

    /// Each pair is `str(json.loads(text))` as printed by CPython 3.11. (A one-off run over
    /// 400,000 random doubles found no difference from CPython's `repr`.)
    #[test]
    fn prints_floats_as_python_does() {
        let cases = [
            ("0.0001", "0.0001"),
            ("1e-4", "0.0001"),
            ("0.00009999", "9.999e-05"),
            ("1e-5", "1e-05"),
            ("1e-05", "1e-05"),
            ("1e-7", "1e-07"),
            ("-2.5e-7", "-2.5e-07"),
            ("2.5E-10", "2.5e-10"),
            ("123e-20", "1.23e-18"),
            ("5e-324", "5e-324"),
            ("1e15", "1000000000000000.0"),
            ("9999999999999998.0", "9999999999999998.0"),
            ("1e16", "1e+16"),
            ("1E16", "1e+16"),
            ("1.2345e+16", "1.2345e+16"),
            ("12345678901234567.0", "1.2345678901234568e+16"),
            ("1e22", "1e+22"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("123456789012345.0", "123456789012345.0"),
            ("1.5", "1.5"),
            ("0.1", "0.1"),
            ("0.30000000000000004", "0.30000000000000004"),
            ("100.0", "100.0"),
            ("1e2", "100.0"),
            ("0.0", "0.0"),
            ("-0.0", "-0.0"),
            ("1e-320", "1e-320"),
            // Exactly halfway between two 17-digit candidates: Python takes the even one.
            ("202341479724773.625", "202341479724773.62"),
            ("-1435321754518623.25", "-1435321754518623.2"),
            ("1e400", "inf"),
            ("-1e400", "-inf"),
        ];
        for (text, python) in cases {
            assert_eq!(py(text), python, "str(json.loads({text:?}))");
        }
    }
}
