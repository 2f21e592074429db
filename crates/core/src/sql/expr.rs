//! A boolean SQL expression that folds its constants, so that a condition the compiler can
//! decide (an `eventCategory` test, a field selectors do not know) leaves no `TRUE AND` behind
//! and a selector that can never match drops out of the query.

/// A boolean expression: decided at compile time, or SQL text (parenthesized where it is
/// combined, so it can be placed anywhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Sql {
    Const(bool),
    Text(String),
}

impl Sql {
    pub(crate) fn text(text: impl Into<String>) -> Sql {
        Sql::Text(text.into())
    }

    /// All of `items`; `TRUE` when there are none.
    pub(crate) fn and(items: impl IntoIterator<Item = Sql>) -> Sql {
        Sql::join(items, true, " AND ")
    }

    /// Any of `items`; `FALSE` when there are none.
    pub(crate) fn or(items: impl IntoIterator<Item = Sql>) -> Sql {
        Sql::join(items, false, " OR ")
    }

    /// `unit` is the constant that leaves the result unchanged (TRUE for AND, FALSE for OR);
    /// its opposite decides it.
    fn join(items: impl IntoIterator<Item = Sql>, unit: bool, separator: &str) -> Sql {
        let mut texts = Vec::new();
        for item in items {
            match item {
                Sql::Const(value) if value == unit => {}
                Sql::Const(value) => return Sql::Const(value),
                Sql::Text(text) => texts.push(text),
            }
        }
        match texts.len() {
            0 => Sql::Const(unit),
            1 => Sql::Text(texts.remove(0)),
            _ => Sql::Text(format!("({})", texts.join(separator))),
        }
    }

    pub(crate) fn not(self) -> Sql {
        match self {
            Sql::Const(value) => Sql::Const(!value),
            Sql::Text(text) => Sql::Text(format!("NOT {text}")),
        }
    }

    /// The SQL text (`TRUE` / `FALSE` for a constant).
    pub(crate) fn render(&self) -> &str {
        match self {
            Sql::Const(true) => "TRUE",
            Sql::Const(false) => "FALSE",
            Sql::Text(text) => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Sql;

    #[test]
    fn constants_fold_and_texts_are_parenthesized() {
        let a = || Sql::text("a = 1");
        assert_eq!(Sql::and([Sql::Const(true), a()]), a());
        assert_eq!(Sql::and([a(), Sql::Const(false)]), Sql::Const(false));
        assert_eq!(Sql::or([a(), Sql::Const(true)]), Sql::Const(true));
        assert_eq!(Sql::or(Vec::new()), Sql::Const(false));
        assert_eq!(Sql::and(Vec::new()).render(), "TRUE");
        assert_eq!(Sql::or([a(), Sql::text("b")]).render(), "(a = 1 OR b)");
        assert_eq!(Sql::and([a(), Sql::text("b")]).not().render(), "NOT (a = 1 AND b)");
        assert_eq!(Sql::Const(false).not(), Sql::Const(true));
    }
}
