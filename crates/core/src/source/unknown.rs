//! Values trailscope cannot know: what an IaC file writes as a reference or a function
//! (`${aws_s3_bucket.b.arn}/`, `var.x`, `!Sub "arn:${AWS::Partition}:s3:::${Bucket}/"`,
//! `Fn::If`, a TypeScript identifier). The importers put one in the document where the value
//! would be (decisions D45): the rules skip what they cannot know and check the known shape.

/// An unevaluated expression, in the document at the place of its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    /// The expression as written, for messages and notes (shortened when long).
    pub written: String,
    /// The value's known shape when the expression builds a string from literal text and
    /// holes (`!Sub`, `!Join`, an HCL template); `None` when nothing of it is known.
    pub parts: Option<Vec<Part>>,
    /// Where text appended to the value goes in the source (before a template's closing
    /// quote), so that a fix such as "add the trailing slash" can edit the original text.
    pub append_at: Option<usize>,
}

/// A piece of a string template.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    Hole(Hole),
}

/// A reference inside a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Hole {
    /// As written, e.g. `AWS::Partition` or `aws_s3_bucket.b.arn`.
    pub expression: String,
    /// A value of the form every value of this reference has (a partition, a bucket name, a
    /// bucket ARN, ...), when the reference says what it is (decisions D45); `None` when it
    /// can be anything (a parameter, a variable).
    pub example: Option<String>,
}

/// Longest `written` text kept: a whole `Fn::If` with its branches is not a useful message.
const MAX_WRITTEN: usize = 120;

impl Unknown {
    /// An unknown of which nothing is known but how it is written.
    pub fn opaque(written: &str) -> Self {
        Unknown { written: shorten(written), parts: None, append_at: None }
    }

    /// A string template of literal text and holes.
    pub fn template(written: &str, parts: Vec<Part>, append_at: Option<usize>) -> Self {
        Unknown { written: shorten(written), parts: Some(merge_texts(parts)), append_at }
    }

    /// The value with every hole replaced by its example, when every hole has one: what the
    /// rules judge in its place (decisions D45).
    pub fn example(&self) -> Option<String> {
        let mut out = String::new();
        for part in self.parts.as_ref()? {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Hole(hole) => out.push_str(hole.example.as_deref()?),
            }
        }
        Some(out)
    }

    /// The known shape, holes written `*` (e.g. `arn:*:s3:::*/`), for notes.
    pub fn shape(&self) -> Option<String> {
        let parts = self.parts.as_ref()?;
        let shape: String = parts
            .iter()
            .map(|p| match p {
                Part::Text(text) => text.as_str(),
                Part::Hole(_) => "*",
            })
            .collect();
        parts.iter().any(|p| matches!(p, Part::Text(t) if !t.is_empty())).then_some(shape)
    }

    /// The holes without an example: the references whose values are not known at all.
    pub fn open_holes(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().flatten().filter_map(|p| match p {
            Part::Hole(Hole { expression, example: None }) => Some(expression.as_str()),
            Part::Hole(_) | Part::Text(_) => None,
        })
    }
}

/// Adjacent literal pieces as one, so that a shape reads as written.
fn merge_texts(parts: Vec<Part>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::with_capacity(parts.len());
    for part in parts {
        match (out.last_mut(), part) {
            (Some(Part::Text(last)), Part::Text(text)) => last.push_str(&text),
            (_, part) => out.push(part),
        }
    }
    out
}

fn shorten(written: &str) -> String {
    let written = written.trim();
    match written.char_indices().nth(MAX_WRITTEN) {
        Some((i, _)) => format!("{}...", &written[..i]),
        None => written.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hole(expression: &str, example: Option<&str>) -> Part {
        Part::Hole(Hole { expression: expression.into(), example: example.map(str::to_string) })
    }

    #[test]
    fn a_template_is_judged_by_its_example_only_when_every_hole_has_one() {
        let parts = vec![
            Part::Text("arn:".into()),
            hole("AWS::Partition", Some("aws")),
            Part::Text(":s3:::".into()),
            hole("Bucket", None),
            Part::Text("/".into()),
        ];
        let unknown = Unknown::template("!Sub ...", parts, None);
        assert_eq!(unknown.example(), None);
        assert_eq!(unknown.shape().as_deref(), Some("arn:*:s3:::*/"));
        assert_eq!(unknown.open_holes().collect::<Vec<_>>(), ["Bucket"]);
        let typed = Unknown::template("x", vec![Part::Text("arn:".into()), hole("P", Some("aws"))], None);
        assert_eq!(typed.example().as_deref(), Some("arn:aws"));
        assert_eq!(Unknown::opaque("var.x").example(), None);
        assert_eq!(Unknown::opaque("var.x").shape(), None);
    }

    #[test]
    fn long_expressions_are_shortened() {
        assert!(Unknown::opaque(&"x".repeat(500)).written.ends_with("..."));
    }
}
