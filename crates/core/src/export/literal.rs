//! Nested literals in the JSON family: JSON itself (the CLI's argument, CloudFormation JSON), Python
//! (boto3) and TypeScript (CDK) differ only in how they spell a key, a string and a boolean.
//! Maps are written one member a line; a list of scalars stays on one line while it is short.

use super::tree::Node;

/// How one language spells the pieces of a literal.
pub(crate) struct Style {
    /// A string value, quoted and escaped.
    pub string: fn(&str) -> String,
    /// A member name (AWS's), as the language writes it.
    pub key: fn(&'static str) -> String,
    pub flag: fn(bool) -> &'static str,
    /// One level of indentation.
    pub indent: &'static str,
    /// A comma after the last item of a multi-line list or map (Python, TypeScript).
    pub trailing_comma: bool,
}

/// Longest line a list of scalars is kept on.
const INLINE_WIDTH: usize = 100;

/// JSON: keys and strings as serde_json writes them (RFC 8259 escapes).
pub(crate) const JSON: Style =
    Style { string: json_string, key: json_string, flag: lowercase_flag, indent: "  ", trailing_comma: false };

/// A JSON string as serde_json writes it, with the characters YAML readers fold or refuse
/// ([`unsafe_in_yaml`]) escaped too: cfn-lint, like other tools, reads a JSON template with its
/// YAML loader, which would turn a raw U+0085 into a space.
pub(crate) fn json_string(text: &str) -> String {
    let json = serde_json::to_string(text).unwrap_or_default();
    if !json.contains(unsafe_in_yaml) {
        return json;
    }
    json.chars().map(|c| if unsafe_in_yaml(c) { format!("\\u{:04X}", u32::from(c)) } else { c.to_string() }).collect()
}

/// Characters a YAML 1.1 reader does not take as they are inside a quoted scalar: control
/// characters, DEL and C1 controls (not printable), U+0085, U+2028 and U+2029 (line breaks,
/// folded), U+FEFF and the non-characters U+FFFE, U+FFFF.
pub(crate) fn unsafe_in_yaml(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

pub(crate) fn lowercase_flag(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

/// `node` at nesting `depth`, its first line not indented (the caller wrote what precedes it).
pub(crate) fn write(node: &Node, style: &Style, depth: usize, out: &mut String) {
    match node {
        Node::Text(text) => out.push_str(&(style.string)(text)),
        Node::Flag(value) => out.push_str((style.flag)(*value)),
        Node::List(items) => list(items, style, depth, out),
        Node::Map(members) => map(members, style, depth, out),
    }
}

fn list(items: &[Node], style: &Style, depth: usize, out: &mut String) {
    if items.iter().all(Node::is_scalar) {
        let inline: Vec<String> = items.iter().map(|item| scalar(item, style)).collect();
        let line = format!("[{}]", inline.join(", "));
        if line.len() + style.indent.len() * depth <= INLINE_WIDTH {
            out.push_str(&line);
            return;
        }
    }
    out.push('[');
    let last = items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        newline(style, depth + 1, out);
        write(item, style, depth + 1, out);
        separator(i == last, style, out);
    }
    newline(style, depth, out);
    out.push(']');
}

fn map(members: &[(&'static str, Node)], style: &Style, depth: usize, out: &mut String) {
    out.push('{');
    let last = members.len().saturating_sub(1);
    for (i, (key, value)) in members.iter().enumerate() {
        newline(style, depth + 1, out);
        out.push_str(&(style.key)(key));
        out.push_str(": ");
        write(value, style, depth + 1, out);
        separator(i == last, style, out);
    }
    newline(style, depth, out);
    out.push('}');
}

fn scalar(node: &Node, style: &Style) -> String {
    let mut out = String::new();
    write(node, style, 0, &mut out);
    out
}

fn separator(last: bool, style: &Style, out: &mut String) {
    if !last || style.trailing_comma {
        out.push(',');
    }
}

fn newline(style: &Style, depth: usize, out: &mut String) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str(style.indent);
    }
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn json_strings_escape_what_yaml_readers_fold() {
        assert_eq!(json_string("a\u{85}b\u{2028}\u{7f}\"é\n"), r#""a\u0085b\u2028\u007F\"é\n""#);
        assert_eq!(json_string("plain"), "\"plain\"");
    }
}
