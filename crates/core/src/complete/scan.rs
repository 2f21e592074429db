//! Where the cursor is in a request being typed (issue 12 §4): a scan of the text before it
//! that tolerates any unfinished JSON, and says whether the cursor is at a key or a value, in
//! which object or array, and what was typed of the token so far.

/// One step of the path from the root to the cursor's container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// What the cursor is about to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A member name of the innermost object.
    Key,
    /// A value: of the innermost object's current member, or an item of the innermost array.
    Value,
}

/// The cursor's place: the path to the value being written (for a key, to its object), the
/// string members already written in each enclosing object (to know a field selector's
/// `Field`), and the byte range the completion replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub role: Role,
    pub path: Vec<Step>,
    /// The innermost enclosing object's string members written before the cursor.
    pub siblings: Vec<(String, String)>,
    pub from: usize,
    pub to: usize,
    /// What was typed of the token, without its opening quote.
    pub typed: String,
}

#[derive(Debug)]
enum Expect {
    Key,
    Colon,
    Value,
    Comma,
}

#[derive(Debug)]
enum Frame {
    Object { key: Option<String>, expect: Expect, strings: Vec<(String, String)> },
    Array { index: usize, expect_value: bool },
}

/// The cursor's place at byte `offset` of `text`; None where nothing can be written (after a
/// key before its colon, say) or the offset is not a character boundary.
pub fn place(text: &str, offset: usize) -> Option<Place> {
    let before = text.get(..offset)?;
    let mut stack: Vec<Frame> = Vec::new();
    let mut root_done = false;
    let bytes = before.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object { key: None, expect: Expect::Key, strings: Vec::new() });
                i += 1;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0, expect_value: true });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                root_done = stack.is_empty();
                value_done(&mut stack, None);
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { key, expect, .. }) => (*key, *expect) = (None, Expect::Key),
                    Some(Frame::Array { index, expect_value }) => (*index, *expect_value) = (*index + 1, true),
                    None => {}
                }
                i += 1;
            }
            b':' => {
                if let Some(Frame::Object { expect, .. }) = stack.last_mut() {
                    *expect = Expect::Value;
                }
                i += 1;
            }
            b'"' => match string_end(bytes, i) {
                Some(end) => {
                    let s = unescape(&before[i + 1..end - 1]);
                    string_done(&mut stack, s);
                    i = end;
                }
                None => return finish(text, offset, stack, i, before[i + 1..].to_string()),
            },
            b if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'-' | b'.' | b'+')) {
                    i += 1;
                }
                if i == bytes.len() {
                    return finish(text, offset, stack, start, before[start..].to_string());
                }
                value_done(&mut stack, None);
            }
            _ => i += 1,
        }
    }
    if root_done {
        return None;
    }
    finish(text, offset, stack, offset, String::new())
}

/// The end (one past the closing quote) of the string starting at `start`, if it closes.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut j = start + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

fn unescape(raw: &str) -> String {
    serde_json::from_str(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string())
}

fn string_done(stack: &mut [Frame], s: String) {
    match stack.last_mut() {
        Some(Frame::Object { key, expect: expect @ Expect::Key, .. }) => (*key, *expect) = (Some(s), Expect::Colon),
        Some(Frame::Object { .. } | Frame::Array { .. }) => value_done(stack, Some(s)),
        None => {}
    }
}

/// A value ended in the innermost container (a string value is recorded by its member name).
fn value_done(stack: &mut [Frame], s: Option<String>) {
    match stack.last_mut() {
        Some(Frame::Object { key, expect, strings }) => {
            if let (Some(k), Some(s)) = (key.as_ref(), s) {
                strings.push((k.clone(), s));
            }
            *expect = Expect::Comma;
        }
        Some(Frame::Array { expect_value, .. }) => *expect_value = false,
        None => {}
    }
}

fn finish(text: &str, offset: usize, stack: Vec<Frame>, from: usize, typed: String) -> Option<Place> {
    let in_string = text.as_bytes().get(from) == Some(&b'"');
    let role = match stack.last() {
        Some(Frame::Object { expect: Expect::Key, .. }) => Role::Key,
        Some(Frame::Object { expect: Expect::Value, .. } | Frame::Array { expect_value: true, .. }) => Role::Value,
        Some(Frame::Object { expect: Expect::Colon | Expect::Comma, .. } | Frame::Array { .. }) | None => return None,
    };
    let to = if in_string { closing_quote(text, offset).unwrap_or(offset) } else { word_end(text, offset) };
    let siblings = stack.iter().rev().find_map(|f| match f {
        Frame::Object { strings, .. } => Some(strings.clone()),
        Frame::Array { .. } => None,
    });
    let path = stack
        .into_iter()
        .filter_map(|f| match f {
            Frame::Object { key, .. } => key.map(Step::Key),
            Frame::Array { index, .. } => Some(Step::Index(index)),
        })
        .collect();
    Some(Place { role, path, siblings: siblings.unwrap_or_default(), from, to, typed })
}

/// One past the quote that closes the string the cursor is in, on the same line.
fn closing_quote(text: &str, offset: usize) -> Option<usize> {
    let rest = text.get(offset..)?.as_bytes();
    let mut j = 0;
    while j < rest.len() && rest[j] != b'\n' {
        match rest[j] {
            b'\\' => j += 2,
            b'"' => return Some(offset + j + 1),
            _ => j += 1,
        }
    }
    None
}

fn word_end(text: &str, offset: usize) -> usize {
    let rest = text.get(offset..).unwrap_or_default();
    offset + rest.bytes().take_while(|b| b.is_ascii_alphanumeric()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text_with_cursor: &str) -> Option<Place> {
        let offset = text_with_cursor.find('|').unwrap();
        place(&text_with_cursor.replace('|', ""), offset)
    }

    #[test]
    fn a_key_of_the_top_object() {
        let p = at(r#"{"Tr|"#).unwrap();
        assert_eq!((p.role, p.path.as_slice(), p.typed.as_str(), p.from), (Role::Key, &[][..], "Tr", 1));
    }

    #[test]
    fn a_value_inside_a_closed_string_replaces_it_whole() {
        let text = r#"{"EventSelectors": [{"ReadWriteType": "Wr|ite"}]}"#;
        let p = at(text).unwrap();
        assert_eq!(p.role, Role::Value);
        assert_eq!(p.path, [Step::Key("EventSelectors".into()), Step::Index(0), Step::Key("ReadWriteType".into())]);
        assert_eq!((p.typed.as_str(), p.from, p.to), ("Wr", 38, 45));
    }

    #[test]
    fn an_operator_value_knows_its_field() {
        let p = at(r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "x"}, {"Field": "resources.type", "Equals": ["AWS::|"#).unwrap();
        assert_eq!(p.path.last(), Some(&Step::Index(0)));
        assert_eq!(p.path[3], Step::Index(1));
        assert_eq!(p.siblings, [("Field".to_string(), "resources.type".to_string())]);
    }

    #[test]
    fn a_bare_word_and_nowhere_to_write() {
        let p = at(r#"{"EventSelectors": [{"IncludeManagementEvents": tr|"#).unwrap();
        assert_eq!((p.role, p.typed.as_str()), (Role::Value, "tr"));
        assert!(at(r#"{"TrailName" |"#).is_none());
        assert!(at(r#"{}|"#).is_none());
    }
}
