//! Terraform HCL (issue 11 §1), parsed by `hcl-edit` (spans into the original text): every
//! `resource "aws_cloudtrail"` becomes the object of its arguments, a repeated block the list
//! of its bodies, and `terraform::document` makes the request. References and function calls
//! are unknown (decisions D45): a quoted template keeps its literal text, and a reference to a
//! partition, an account id, or a bucket, function or table has an example of its form (the
//! form follows from the reference's own resource type, `aws_s3_bucket.logs.arn`).

use super::holes::{Examples, Form};
use super::terraform::{self, RESOURCE_TYPE};
use super::{ImportedTrail, SyntaxProblem};
use crate::source::json::{Member, Node, Value, MAX_DEPTH};
use crate::source::span::Span;
use crate::source::unknown::{Part, Unknown};
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::template::{Element, StringTemplate};
use hcl_edit::Span as _;

/// Top-level blocks a Terraform file is made of.
const BLOCKS: [&str; 9] =
    ["resource", "data", "module", "variable", "output", "locals", "provider", "terraform", "moved"];

/// True when a line starts a Terraform top-level block (`resource "aws_cloudtrail" "x" {`).
pub fn looks_like(text: &str) -> bool {
    text.lines().map(str::trim_start).any(|line| {
        BLOCKS.iter().any(|b| {
            line.strip_prefix(b)
                .is_some_and(|rest| rest.trim_start().starts_with(['"', '{']) && rest.starts_with([' ', '\t', '{']))
        })
    })
}

pub fn trails(text: &str) -> Result<Vec<ImportedTrail>, SyntaxProblem> {
    check_depth(text)?;
    let body = hcl_edit::parser::parse_body(text).map_err(|e| {
        let at = e.location().offset().min(text.len());
        SyntaxProblem::new(format!("invalid HCL: {}", e.message()), Span::new(at, at))
    })?;
    let mut reader = Reader { text, examples: Examples::default() };
    Ok(body
        .blocks()
        .filter(|b| b.has_ident("resource") && b.labels.first().map(|l| l.as_str()) == Some(RESOURCE_TYPE))
        .filter_map(|b| reader.trail(b))
        .collect())
}

/// hcl-edit's parser recurses: brackets nested past the limit are refused before parsing
/// (counted everywhere, strings included, which can only over-count).
fn check_depth(text: &str) -> Result<(), SyntaxProblem> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' | b'[' | b'(' => depth += 1,
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth >= MAX_DEPTH {
            return Err(SyntaxProblem::new(
                format!("nesting is deeper than the limit of {MAX_DEPTH} levels"),
                Span::new(i, i + 1),
            ));
        }
    }
    Ok(())
}

struct Reader<'a> {
    text: &'a str,
    examples: Examples,
}

fn span(range: Option<std::ops::Range<usize>>) -> Span {
    range.map_or(Span::new(0, 0), |r| Span::new(r.start, r.end))
}

impl Reader<'_> {
    fn trail(&mut self, block: &Block) -> Option<ImportedTrail> {
        let label = format!("{RESOURCE_TYPE}.{}", block.labels.get(1).map_or("", |l| l.as_str()));
        let values = self.body(&block.body, span(block.span()));
        let (name, document) = terraform::document(&values)?;
        let name = if name.is_empty() { label.clone() } else { name };
        Some(ImportedTrail { name, label, document, notes: Vec::new() })
    }

    /// A body as an object: attributes by name, blocks of one type as the list of their
    /// bodies (a `dynamic` block adds an unknown element to its type's list).
    fn body(&mut self, body: &Body, whole: Span) -> Node {
        let mut members: Vec<Member> = Vec::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(a) => members.push(Member {
                    key: a.key.as_str().to_string(),
                    key_span: span(a.key.span()),
                    value: self.expression(&a.value),
                }),
                Structure::Block(b) => {
                    let (key, element) = self.block(b);
                    match members.iter_mut().find(|m| m.key == key) {
                        Some(Member { value: Node { value: Value::Array(items), span: list }, .. }) => {
                            list.end = list.end.max(element.span.end);
                            items.push(element);
                        }
                        _ => {
                            let list = element.span;
                            members.push(Member {
                                key,
                                key_span: span(b.ident.span()),
                                value: Node { value: Value::Array(vec![element]), span: list },
                            })
                        }
                    }
                }
            }
        }
        Node { value: Value::Object(members), span: whole }
    }

    fn block(&mut self, block: &Block) -> (String, Node) {
        let whole = span(block.span());
        if block.has_ident("dynamic") {
            let name = block.labels.first().map_or("", |l| l.as_str()).to_string();
            let unknown = Unknown::opaque(&format!("dynamic \"{name}\" block"));
            return (name, Node { value: Value::Unknown(Box::new(unknown)), span: whole });
        }
        (block.ident.as_str().to_string(), self.body(&block.body, whole))
    }

    fn written(&self, at: Span) -> &str {
        self.text.get(at.start..at.end).unwrap_or_default()
    }

    fn expression(&mut self, expression: &Expression) -> Node {
        let at = span(expression.span());
        let value = match expression {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(_) => Value::Number(self.written(at).to_string()),
            Expression::String(s) => Value::String(s.value().clone()),
            Expression::Array(items) => Value::Array(items.iter().map(|e| self.expression(e)).collect()),
            Expression::Object(object) => Value::Object(
                object
                    .iter()
                    .map(|(key, value)| {
                        let key_span = span(key.span());
                        let key = match key {
                            ObjectKey::Ident(i) => i.as_str().to_string(),
                            ObjectKey::Expression(e) => {
                                e.as_str().map_or_else(|| self.written(key_span).to_string(), str::to_string)
                            }
                        };
                        Member { key, key_span, value: self.expression(value.expr()) }
                    })
                    .collect(),
            ),
            Expression::StringTemplate(template) => self.template(template, at),
            Expression::Parenthesis(inner) => return self.expression(inner.inner()),
            Expression::Variable(_) | Expression::Traversal(_) => {
                let written = self.written(at).to_string();
                let hole = self.reference(&written);
                Value::Unknown(Box::new(Unknown::template(&written, vec![hole], None)))
            }
            Expression::HeredocTemplate(_)
            | Expression::Conditional(_)
            | Expression::FuncCall(_)
            | Expression::UnaryOp(_)
            | Expression::BinaryOp(_)
            | Expression::ForExpr(_) => Value::Unknown(Box::new(Unknown::opaque(self.written(at)))),
        };
        Node { value, span: at }
    }

    /// `"arn:${data.aws_partition.current.partition}:s3:::${var.bucket}/"`: literal text and
    /// holes; a directive (`%{if}`) makes the whole string opaque.
    fn template(&mut self, template: &StringTemplate, at: Span) -> Value {
        let written = self.written(at).to_string();
        let mut parts = Vec::new();
        for element in template.iter() {
            match element {
                Element::Literal(text) => parts.push(Part::Text(text.value().clone())),
                Element::Interpolation(i) => {
                    let expression = self.written(span(i.expr.span())).trim().to_string();
                    let hole = if matches!(i.expr, Expression::Variable(_) | Expression::Traversal(_)) {
                        self.reference(&expression)
                    } else {
                        Part::Hole(self.examples.hole(&expression, &expression, None))
                    };
                    parts.push(hole);
                }
                Element::Directive(_) => return Value::Unknown(Box::new(Unknown::opaque(&written))),
            }
        }
        let append_at = (at.end > at.start + 1).then_some(at.end - 1);
        Value::Unknown(Box::new(Unknown::template(&written, parts, append_at)))
    }

    /// A hole for a reference, with an example when its resource type and attribute say its
    /// form (`aws_s3_bucket.x.arn`, `data.aws_partition.current.partition`).
    fn reference(&mut self, expression: &str) -> Part {
        let segments: Vec<&str> = expression.split('.').map(|s| s.split('[').next().unwrap_or(s)).collect();
        let (resource_type, name, attribute) = match segments.as_slice() {
            ["data", t, n, a, ..] => (*t, format!("data.{t}.{n}"), *a),
            [t, n, a, ..] if !matches!(*t, "var" | "local" | "module" | "each" | "count" | "path" | "self") => {
                (*t, format!("{t}.{n}"), *a)
            }
            _ => ("", expression.to_string(), ""),
        };
        let form = match (resource_type, attribute) {
            ("aws_partition", "partition") => Some(Form::Partition),
            ("aws_partition", "dns_suffix") => Some(Form::DnsSuffix),
            ("aws_caller_identity", "account_id") => Some(Form::AccountId),
            _ => Form::of_resource(resource_type, attribute),
        };
        Part::Hole(self.examples.hole(expression, &name, form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TF: &str = r#"
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_cloudtrail" "main" {
  name           = "main-trail"
  s3_bucket_name = aws_s3_bucket.logs.id

  event_selector {
    read_write_type           = "All"
    include_management_events = "false"

    data_resource {
      type   = "AWS::S3::Object"
      values = ["${aws_s3_bucket.logs.arn}/", var.extra, "arn:${data.aws_partition.current.partition}:s3:::${var.b}/"]
    }
  }

  dynamic "advanced_event_selector" {
    for_each = var.selectors
    content {}
  }
}
"#;

    #[test]
    fn a_terraform_trail_becomes_its_request() {
        assert!(looks_like(TF));
        let trails = trails(TF).unwrap();
        assert_eq!((trails[0].name.as_str(), trails[0].label.as_str()), ("main-trail", "aws_cloudtrail.main"));
        let doc = &trails[0].document;
        let Value::Array(selectors) = &doc.get("EventSelectors").unwrap().value.value else { panic!() };
        let s = &selectors[0];
        assert_eq!(s.get("IncludeManagementEvents").unwrap().value.value, Value::Bool(false));
        let Value::Array(resources) = &s.get("DataResources").unwrap().value.value else { panic!() };
        let values = &resources[0].get("Values").unwrap().value;
        let Value::Array(values) = &values.value else { panic!() };
        let Value::Unknown(first) = &values[0].value else { panic!() };
        assert_eq!(first.example().as_deref(), Some("arn:aws:s3:::bucket-1/"));
        assert_eq!(&TF[values[0].span.start..values[0].span.end], "\"${aws_s3_bucket.logs.arn}/\"");
        let Value::Unknown(third) = &values[2].value else { panic!() };
        assert_eq!(third.shape().as_deref(), Some("arn:*:s3:::*/"));
        let advanced = &doc.get("AdvancedEventSelectors").unwrap().value;
        assert!(matches!(&advanced.value, Value::Array(items) if matches!(items[0].value, Value::Unknown(_))));
        let key = doc.get("EventSelectors").unwrap().key_span;
        assert_eq!(&TF[key.start..key.end], "event_selector");
    }

    #[test]
    fn what_is_not_terraform_or_too_deep_is_an_error() {
        assert!(!looks_like("Resources:\n  x: 1\n"));
        assert!(!looks_like("resourceful = 1"));
        assert!(trails("resource \"aws_cloudtrail\" \"x\" {").is_err());
        let deep = format!("locals {{ x = {} }}", "[".repeat(100));
        assert!(trails(&deep).unwrap_err().message.contains("nesting"));
    }
}
