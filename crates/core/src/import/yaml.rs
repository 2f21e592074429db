//! YAML to the span-keeping document ([`Node`]), from `saphyr-parser`'s events: spans are byte
//! offsets into the original text, plain scalars get YAML 1.2's core types, and a local tag
//! (`!Sub`, `!Ref`, `!GetAtt`, ...) becomes the long form CloudFormation reads
//! (`{"Fn::Sub": ...}`), so that JSON and YAML templates are read by one reader. Nesting is
//! bounded by [`MAX_DEPTH`]; aliases are copied, within [`MAX_ALIAS_NODES`] values in all
//! ("billion laughs" input is refused, not expanded).

use super::SyntaxProblem;
use crate::source::json::{Member, Node, Value, MAX_DEPTH};
use crate::source::span::Span;
use saphyr_parser::{Event, Parser, ScalarStyle, Tag};
use std::collections::HashMap;

/// Most values that aliases may copy in one file: a template at the input limit has fewer
/// values than bytes, so this refuses only expansion, never a written file.
pub const MAX_ALIAS_NODES: usize = 1 << 20;

/// Parses the first YAML document of `text`.
pub fn parse(text: &str) -> Result<Node, SyntaxProblem> {
    let mut builder =
        Builder { text, offsets: Offsets::new(text), stack: Vec::new(), anchors: HashMap::new(), copied: 0 };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let at = builder.offsets.byte(e.marker().index());
            SyntaxProblem::new(format!("invalid YAML: {}", e.info()), Span::new(at, at))
        })?;
        let span = Span::new(builder.offsets.byte(span.start.index()), builder.offsets.byte(span.end.index()));
        if let Some(document) = builder.event(event, span)? {
            return Ok(document);
        }
    }
    Err(SyntaxProblem::new("the YAML text holds no document".into(), Span::new(0, 0)))
}

/// Converts the parser's character indices into byte offsets, walking from the last one (the
/// events come in order, so the walks add up to about one pass over the text).
struct Offsets<'a> {
    text: &'a str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        Offsets { text, ascii: text.is_ascii(), chars: 0, bytes: 0 }
    }

    fn byte(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        while self.chars < char_index && self.bytes < self.text.len() {
            self.bytes += self.text[self.bytes..].chars().next().map_or(1, char::len_utf8);
            self.chars += 1;
        }
        while self.chars > char_index && self.bytes > 0 {
            self.bytes -= 1;
            while !self.text.is_char_boundary(self.bytes) {
                self.bytes -= 1;
            }
            self.chars -= 1;
        }
        self.bytes
    }
}

/// A collection being read.
struct Frame {
    start: usize,
    anchor: usize,
    tag: Option<(String, Span)>,
    kind: FrameKind,
}

enum FrameKind {
    Sequence(Vec<Node>),
    Mapping { members: Vec<Member>, key: Option<(String, Span)> },
}

struct Builder<'a> {
    text: &'a str,
    offsets: Offsets<'a>,
    stack: Vec<Frame>,
    /// Anchored values and how many values each holds (aliases copy them).
    anchors: HashMap<usize, (Node, usize)>,
    copied: usize,
}

impl Builder<'_> {
    /// Handles one event; returns the document once its root is complete.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<Option<Node>, SyntaxProblem> {
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let tag = tag.map(|t| tag_name(&t));
                let node = self.scalar(&value, style, tag.as_deref(), span);
                self.value(node, anchor, tag.map(|t| (t, span)), span)
            }
            Event::SequenceStart(anchor, tag) => self.open(FrameKind::Sequence(Vec::new()), anchor, tag, span),
            Event::MappingStart(anchor, tag) => {
                self.open(FrameKind::Mapping { members: Vec::new(), key: None }, anchor, tag, span)
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(span),
            Event::Alias(id) => self.alias(id, span),
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::DocumentEnd => {
                Ok(None)
            }
        }
    }

    fn open(
        &mut self,
        kind: FrameKind,
        anchor: usize,
        tag: Option<std::borrow::Cow<'_, Tag>>,
        span: Span,
    ) -> Result<Option<Node>, SyntaxProblem> {
        if self.stack.len() + 1 >= MAX_DEPTH {
            return Err(SyntaxProblem::new(format!("nesting is deeper than the limit of {MAX_DEPTH} levels"), span));
        }
        let tag = tag.map(|t| (tag_name(&t), span));
        let start = self.strip_properties(span).start;
        self.stack.push(Frame { start, anchor, tag, kind });
        Ok(None)
    }

    fn close(&mut self, span: Span) -> Result<Option<Node>, SyntaxProblem> {
        let Some(frame) = self.stack.pop() else {
            return Ok(None);
        };
        let (value, last_end) = match frame.kind {
            FrameKind::Sequence(items) => {
                let end = items.last().map(|n| n.span.end);
                (Value::Array(items), end)
            }
            FrameKind::Mapping { members, key } => {
                if let Some((_, key_span)) = key {
                    return Err(SyntaxProblem::new("a mapping key without a value".into(), key_span));
                }
                let end = members.last().map(|m| m.value.span.end);
                (Value::Object(members), end)
            }
        };
        // A flow collection ends at its bracket; a block one at its last value.
        let end = if span.end > span.start { span.end } else { last_end.unwrap_or(frame.start) };
        let node = Node { value, span: Span::new(frame.start, end.max(frame.start)) };
        let outer = frame.tag.as_ref().map_or(node.span, |(_, s)| Span::new(s.start, node.span.end));
        self.value(node, frame.anchor, frame.tag, outer)
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<Option<Node>, SyntaxProblem> {
        let Some((node, count)) = self.anchors.get(&id) else {
            return Err(SyntaxProblem::new("an alias to an anchor that is not defined".into(), span));
        };
        self.copied += count;
        if self.copied > MAX_ALIAS_NODES {
            return Err(SyntaxProblem::new(
                format!(
                    "aliases expand to more than {MAX_ALIAS_NODES} values; trailscope does not expand them further"
                ),
                span,
            ));
        }
        let node = node.clone();
        self.place(node, span)
    }

    /// A complete value: tagged, anchored, then placed in its parent.
    fn value(
        &mut self,
        node: Node,
        anchor: usize,
        tag: Option<(String, Span)>,
        outer: Span,
    ) -> Result<Option<Node>, SyntaxProblem> {
        let node = match tag {
            Some((name, tag_span)) => intrinsic(&name, node, Span::new(tag_span.start, outer.end.max(tag_span.start))),
            None => node,
        };
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), count_values(&node)));
        }
        self.place(node, outer)
    }

    fn place(&mut self, node: Node, span: Span) -> Result<Option<Node>, SyntaxProblem> {
        let Some(frame) = self.stack.last_mut() else {
            return Ok(Some(node));
        };
        match &mut frame.kind {
            FrameKind::Sequence(items) => items.push(node),
            FrameKind::Mapping { members, key: pending } => match pending.take() {
                Some((key, key_span)) => members.push(Member { key, key_span, value: node }),
                None => match node.value {
                    Value::String(key) => *pending = Some((key, node.span)),
                    Value::Null | Value::Bool(_) | Value::Number(_) => {
                        *pending = Some((self.text[node.span.start..node.span.end].to_string(), node.span))
                    }
                    Value::Array(_) | Value::Object(_) | Value::Unknown(_) => {
                        return Err(SyntaxProblem::new(
                            "only scalar mapping keys are supported (CloudFormation's keys are names)".into(),
                            span,
                        ))
                    }
                },
            },
        }
        Ok(None)
    }

    /// A scalar's value with its YAML 1.2 core type when plain and untagged.
    fn scalar(&mut self, value: &str, style: ScalarStyle, tag: Option<&str>, span: Span) -> Node {
        let span = self.strip_properties(span);
        let typed = matches!(style, ScalarStyle::Plain) && tag.is_none_or(|t| t != STR_TAG);
        let value = if typed { core_type(value) } else { Value::String(value.to_string()) };
        Node { value, span }
    }

    /// `span` without a leading tag (`!Sub`) and anchor (`&a`): the value as written.
    fn strip_properties(&self, span: Span) -> Span {
        let bytes = self.text.as_bytes();
        let mut start = span.start;
        while start < span.end && matches!(bytes.get(start), Some(b'!' | b'&')) {
            while start < span.end && !matches!(bytes[start], b' ' | b'\t' | b'\n' | b'\r') {
                start += 1;
            }
            while start < span.end && matches!(bytes[start], b' ' | b'\t' | b'\n' | b'\r') {
                start += 1;
            }
        }
        Span::new(start, span.end)
    }
}

/// YAML's `!!str`, as the parser names it.
const STR_TAG: &str = "tag:yaml.org,2002:str";

/// `!Sub` → `Sub`; a standard tag (`!!str`) keeps its handle.
fn tag_name(tag: &Tag) -> String {
    if tag.handle == "!" {
        tag.suffix.clone()
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

/// A locally tagged value as the long form CloudFormation reads: `!Ref X` is `{"Ref": "X"}`,
/// `!Condition C` is `{"Condition": "C"}`, `!Sub s` is `{"Fn::Sub": s}`. Standard tags
/// (`!!str`, ...) leave the value as it is.
fn intrinsic(name: &str, node: Node, span: Span) -> Node {
    if name.starts_with("!!") || name.starts_with("tag:") {
        return node;
    }
    let key = match name {
        "Ref" | "Condition" => name.to_string(),
        _ => format!("Fn::{name}"),
    };
    let key_span = Span::new(span.start, (span.start + 1 + name.len()).min(span.end));
    Node { value: Value::Object(vec![Member { key, key_span, value: node }]), span }
}

/// YAML 1.2 core schema for a plain scalar: null, booleans, numbers, else a string.
fn core_type(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ if is_number(text) => Value::Number(text.to_string()),
        _ => Value::String(text.to_string()),
    }
}

fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let integer = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let float = !integer
        && digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits.parse::<f64>().is_ok();
    integer || float
}

/// How many values `node` holds, itself included.
fn count_values(node: &Node) -> usize {
    match &node.value {
        Value::Array(items) => 1 + items.iter().map(count_values).sum::<usize>(),
        Value::Object(members) => 1 + members.iter().map(|m| count_values(&m.value)).sum::<usize>(),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Unknown(_) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(text: &'a str, node: &Node) -> &'a str {
        &text[node.span.start..node.span.end]
    }

    #[test]
    fn values_keep_byte_spans_of_the_original_text() {
        let text = "a: 'é'\nb:\n  - !Sub \"x${Y}\"\n  - [1, true, ~]\n";
        let root = parse(text).unwrap();
        let a = &root.get("a").unwrap().value;
        assert_eq!((a.as_str(), at(text, a)), (Some("é"), "'é'"));
        let Value::Array(items) = &root.get("b").unwrap().value.value else { panic!() };
        let sub = items[0].get("Fn::Sub").unwrap();
        assert_eq!(at(text, &sub.value), "\"x${Y}\"");
        assert_eq!(&text[sub.key_span.start..sub.key_span.end], "!Sub");
        assert_eq!(at(text, &items[1]), "[1, true, ~]");
        let Value::Array(flow) = &items[1].value else { panic!() };
        assert_eq!(
            flow.iter().map(|n| n.value.clone()).collect::<Vec<_>>(),
            [Value::Number("1".into()), Value::Bool(true), Value::Null]
        );
        assert_eq!(at(text, &root.get("b").unwrap().value), "- !Sub \"x${Y}\"\n  - [1, true, ~]");
    }

    #[test]
    fn short_forms_become_long_forms() {
        let root = parse("a: !Ref B\nc: !GetAtt D.Arn\ne: !If [C, x, y]\nf: !Condition C\n").unwrap();
        assert_eq!(root.get("a").unwrap().value.get("Ref").unwrap().value.as_str(), Some("B"));
        assert!(root.get("c").unwrap().value.get("Fn::GetAtt").is_some());
        assert!(root.get("e").unwrap().value.get("Fn::If").is_some());
        assert!(root.get("f").unwrap().value.get("Condition").is_some());
        assert_eq!(parse("a: !!str true").unwrap().get("a").unwrap().value.as_str(), Some("true"));
    }

    #[test]
    fn aliases_are_copied_within_a_bound() {
        let root = parse("a: &x [1, 2]\nb: *x\n").unwrap();
        assert_eq!(root.get("b").unwrap().value, root.get("a").unwrap().value);
        let mut laughs = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            laughs.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let e = parse(&laughs).unwrap_err();
        assert!(e.message.contains("aliases expand"), "{}", e.message);
    }

    #[test]
    fn nesting_and_bad_input_are_errors_not_panics() {
        assert!(parse(&"[".repeat(MAX_DEPTH + 5)).unwrap_err().message.contains("nesting"));
        for bad in ["a: [", "a: b: c", "? [x]\n: y", "*nope", "a: 'x"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
