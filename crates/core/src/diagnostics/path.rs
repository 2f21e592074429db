//! Where a value sits in a document, as the chain of steps from the root, kept on the stack
//! while a check walks the document. Its JSON pointer is spelt out only for a value with a
//! problem: spelling one for each value of a 4 MiB document cost an allocation per value, more
//! than the checks (issue 14 §1).

use super::child_pointer;

#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The document, and what the check calls it (botocore: `EventSelectors` for a bare list of
    /// selectors, `""` for the input itself).
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// RFC 6901 JSON pointer.
    pub fn pointer(&self) -> String {
        match self {
            Path::Root(_) => String::new(),
            Path::Key(parent, key) => child_pointer(&parent.pointer(), key),
            Path::Index(parent, i) => child_pointer(&parent.pointer(), i),
        }
    }

    /// botocore's parameter path: the root's name, then `.Key` and `[i]` (`.TrailName`,
    /// `EventSelectors[0].DataResources`).
    pub fn botocore_name(&self) -> String {
        match self {
            Path::Root(name) => name.to_string(),
            Path::Key(parent, key) => format!("{}.{key}", parent.botocore_name()),
            Path::Index(parent, i) => format!("{}[{i}]", parent.botocore_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_and_botocore_name() {
        let root = Path::Root("");
        let selectors = Path::Key(&root, "Event/Selectors");
        let first = Path::Index(&selectors, 0);
        let field = Path::Key(&first, "Field");
        assert_eq!(field.pointer(), "/Event~1Selectors/0/Field");
        assert_eq!(field.botocore_name(), ".Event/Selectors[0].Field");
        let list = Path::Root("EventSelectors");
        assert_eq!(Path::Index(&list, 2).botocore_name(), "EventSelectors[2]");
        assert_eq!(list.pointer(), "");
    }
}
