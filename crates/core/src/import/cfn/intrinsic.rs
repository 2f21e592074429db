//! CloudFormation's intrinsic functions as unknown values (decisions D45): `Ref`, `Fn::GetAtt`,
//! `Fn::Sub` and `Fn::Join` keep the known shape of the string they build (literal text and
//! holes); `Fn::If`, `Fn::FindInMap`, `Fn::Select`, `Fn::ImportValue` and the others are
//! opaque. A hole that names a pseudo parameter or a bucket, function or table of the same
//! template has an example of its form (`import::holes`).

use crate::import::holes::{Examples, Form};
use crate::source::json::{Node, Value};
use crate::source::span::Span;
use crate::source::unknown::{Part, Unknown};
use std::collections::HashMap;

/// Turns intrinsic functions into unknowns; knows the template's resource types.
pub struct Resolver<'a> {
    text: &'a str,
    /// Logical ID -> resource type.
    resources: HashMap<String, String>,
    examples: Examples,
}

/// The function name and argument when `node` is an intrinsic function call: an object with
/// one member named `Ref`, `Condition` or `Fn::...`.
pub fn call(node: &Node) -> Option<(&str, &Node)> {
    let Value::Object(members) = &node.value else {
        return None;
    };
    match members.as_slice() {
        [m] if m.key == "Ref" || m.key == "Condition" || m.key.starts_with("Fn::") => Some((&m.key, &m.value)),
        _ => None,
    }
}

impl<'a> Resolver<'a> {
    pub fn new(text: &'a str, resources: HashMap<String, String>) -> Self {
        Resolver { text, resources, examples: Examples::default() }
    }

    /// `node` with every intrinsic function call in it replaced by an unknown.
    pub fn resolve(&mut self, node: Node) -> Node {
        if let Some((name, argument)) = call(&node) {
            let unknown = self.unknown(name, argument, node.span);
            return Node { value: Value::Unknown(Box::new(unknown)), span: node.span };
        }
        let Node { value, span } = node;
        let value = match value {
            Value::Array(items) => Value::Array(items.into_iter().map(|n| self.resolve(n)).collect()),
            Value::Object(members) => Value::Object(
                members
                    .into_iter()
                    .map(|m| crate::source::json::Member { value: self.resolve(m.value), ..m })
                    .collect(),
            ),
            other @ (Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Unknown(_)) => other,
        };
        Node { value, span }
    }

    fn written(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or_default()
    }

    fn unknown(&mut self, name: &str, argument: &Node, span: Span) -> Unknown {
        let written = self.written(span);
        let parts = match name {
            "Ref" => argument.as_str().and_then(|r| self.reference(r, None)).map(|p| vec![p]),
            "Fn::GetAtt" => get_att(argument).and_then(|(r, a)| self.reference(r, Some(a))).map(|p| vec![p]),
            "Fn::Sub" => return self.sub(written, argument),
            "Fn::Join" => self.join(argument),
            _ => None,
        };
        match parts {
            Some(parts) => Unknown::template(written, parts, None),
            None => Unknown::opaque(written),
        }
    }

    /// A hole for `Ref resource` or `GetAtt resource.attribute`; `None` for `AWS::NoValue`,
    /// which removes the property rather than giving it a value.
    fn reference(&mut self, resource: &str, attribute: Option<&str>) -> Option<Part> {
        if resource == "AWS::NoValue" {
            return None;
        }
        let expression = match attribute {
            Some(a) => format!("{resource}.{a}"),
            None => resource.to_string(),
        };
        let form = match resource {
            "AWS::Partition" => Some(Form::Partition),
            "AWS::URLSuffix" => Some(Form::DnsSuffix),
            "AWS::AccountId" => Some(Form::AccountId),
            _ => self.resources.get(resource).and_then(|t| Form::of_resource(t, attribute.unwrap_or(""))),
        };
        Some(Part::Hole(self.examples.hole(&expression, resource, form)))
    }

    /// `Fn::Sub`: a string with `${Name}` holes (`${!Text}` is the literal `${Text}`), or
    /// `[string, {Name: value}]`.
    fn sub(&mut self, written: &str, argument: &Node) -> Unknown {
        let (template, variables) = match &argument.value {
            Value::Array(items) => match items.as_slice() {
                [t, v] => (t, Some(v)),
                _ => return Unknown::opaque(written),
            },
            Value::Null
            | Value::Bool(_)
            | Value::Number(_)
            | Value::String(_)
            | Value::Object(_)
            | Value::Unknown(_) => (argument, None),
        };
        let Some(text) = template.as_str() else {
            return Unknown::opaque(written);
        };
        let mut parts = Vec::new();
        for piece in sub_pieces(text) {
            match piece {
                SubPiece::Text(t) => parts.push(Part::Text(t)),
                SubPiece::Name(name) => match variables.and_then(|v| v.get(&name)) {
                    Some(member) => match self.parts(&member.value) {
                        Some(mut inner) => parts.append(&mut inner),
                        None => return Unknown::opaque(written),
                    },
                    None => {
                        let (resource, attribute) = match name.split_once('.') {
                            Some((r, a)) => (r, Some(a)),
                            None => (name.as_str(), None),
                        };
                        match self.reference(resource, attribute) {
                            Some(hole) => parts.push(hole),
                            None => return Unknown::opaque(written),
                        }
                    }
                },
            }
        }
        Unknown::template(written, parts, append_point(self.text, template.span))
    }

    /// `Fn::Join [delimiter, [values]]` with a literal delimiter and a written list.
    fn join(&mut self, argument: &Node) -> Option<Vec<Part>> {
        let Value::Array(items) = &argument.value else {
            return None;
        };
        let [delimiter, list] = items.as_slice() else {
            return None;
        };
        let (delimiter, Value::Array(values)) = (delimiter.as_str()?, &list.value) else {
            return None;
        };
        let mut parts = Vec::new();
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                parts.push(Part::Text(delimiter.to_string()));
            }
            parts.append(&mut self.parts(value)?);
        }
        Some(parts)
    }

    /// The parts of a value inside a template: literal text, or an intrinsic's known parts.
    fn parts(&mut self, node: &Node) -> Option<Vec<Part>> {
        if let Some(text) = node.as_str() {
            return Some(vec![Part::Text(text.to_string())]);
        }
        let (name, argument) = call(node)?;
        self.unknown(name, argument, node.span).parts
    }
}

/// `GetAtt`'s argument: `"Resource.Attribute"` or `[Resource, Attribute]`.
fn get_att(argument: &Node) -> Option<(&str, &str)> {
    match &argument.value {
        Value::String(s) => s.split_once('.'),
        Value::Array(items) => match items.as_slice() {
            [r, a] => Some((r.as_str()?, a.as_str()?)),
            _ => None,
        },
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::Object(_) | Value::Unknown(_) => None,
    }
}

/// Where text appended to a template string goes: before its closing quote, or at the end of
/// a plain (unquoted) one on one line.
pub fn append_point(text: &str, span: Span) -> Option<usize> {
    let written = text.get(span.start..span.end)?;
    match written.as_bytes() {
        [b'"', .., b'"'] | [b'\'', .., b'\''] if written.len() >= 2 => Some(span.end - 1),
        [] => None,
        _ if !written.contains(['\n', '"', '\'', '|', '>']) => Some(span.end),
        _ => None,
    }
}

enum SubPiece {
    Text(String),
    Name(String),
}

/// The pieces of an `Fn::Sub` string. An unclosed `${` is literal text.
fn sub_pieces(text: &str) -> Vec<SubPiece> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(open) = rest.find("${") {
        literal.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find('}') else {
            literal.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &after[..close];
        match name.strip_prefix('!') {
            Some(escaped) => literal.push_str(&format!("${{{escaped}}}")),
            None => {
                pieces.push(SubPiece::Text(std::mem::take(&mut literal)));
                pieces.push(SubPiece::Name(name.trim().to_string()));
            }
        }
        rest = &after[close + 1..];
    }
    literal.push_str(rest);
    pieces.push(SubPiece::Text(literal));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json::parse;

    fn resolve(json: &str) -> Unknown {
        let resources = HashMap::from([
            ("Logs".to_string(), "AWS::S3::Bucket".to_string()),
            ("Fn".to_string(), "AWS::Lambda::Function".to_string()),
        ]);
        let node = parse(json).unwrap();
        let Value::Unknown(u) = Resolver::new(json, resources).resolve(node).value else {
            panic!("not an unknown: {json}");
        };
        *u
    }

    #[test]
    fn sub_keeps_its_shape_and_types_what_it_can() {
        let u = resolve(r#"{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/"}"#);
        assert_eq!(u.shape().as_deref(), Some("arn:*:s3:::*/"));
        assert_eq!(u.example(), None, "Bucket is a parameter: anything");
        let u = resolve(r#"{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Logs}"}"#);
        assert_eq!(u.example().as_deref(), Some("arn:aws:s3:::bucket-1"));
        assert_eq!(u.append_at, Some(47));
        let u = resolve(r#"{"Fn::Sub": ["${A}/${!Literal}", {"A": {"Fn::GetAtt": ["Logs", "Arn"]}}]}"#);
        assert_eq!(u.example().as_deref(), Some("arn:aws:s3:::bucket-1/${Literal}"));
    }

    #[test]
    fn join_ref_and_getatt() {
        let u = resolve(r#"{"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": "Logs"}, "/"]]}"#);
        assert_eq!(u.example().as_deref(), Some("arn:aws:s3:::bucket-1/"));
        assert_eq!(
            resolve(r#"{"Fn::GetAtt": "Fn.Arn"}"#).example().unwrap(),
            "arn:aws:lambda:us-east-1:123456789012:function:function-1"
        );
        assert_eq!(resolve(r#"{"Ref": "Param"}"#).shape(), None);
        let opaque = resolve(r#"{"Fn::If": ["C", "a", "b"]}"#);
        assert_eq!((opaque.parts, opaque.written.as_str()), (None, r#"{"Fn::If": ["C", "a", "b"]}"#));
        assert_eq!(resolve(r#"{"Ref": "AWS::NoValue"}"#).parts, None);
    }

    #[test]
    fn values_inside_are_resolved_too() {
        let json = r#"[{"Values": [{"Ref": "X"}, "y"]}]"#;
        let node = Resolver::new(json, HashMap::new()).resolve(parse(json).unwrap());
        let Value::Array(items) = &node.value else { panic!() };
        let Value::Array(values) = &items[0].get("Values").unwrap().value.value else { panic!() };
        assert!(matches!(values[0].value, Value::Unknown(_)));
        assert_eq!(values[1].as_str(), Some("y"));
    }
}
