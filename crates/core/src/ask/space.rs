//! The solver's view of a record: eleven dimensions, each cut into finitely many atoms, so
//! that every value of a dimension behaves, under every predicate in play, like one atom's
//! representative. That makes "is there an event such that ..." a finite search, and exact.
//!
//! Why a finite set is enough for strings: the predicates only compare with constants, by
//! equality, prefix and suffix (spec §5.1). Take a value `x` equal to no constant, `p` the
//! longest constant prefix it starts with and `s` the longest constant suffix it ends with;
//! then `p + F + s`, with `F` a character no constant contains, starts with exactly the
//! constants `x` starts with (a longer one would have to contain `F`), ends with exactly the
//! same suffixes, and equals no constant. So the constants and every `p + F + s` cover every
//! string.

use super::bits::Bits;
use crate::replay::matcher::{Operators, Test};
use std::collections::HashSet;

/// One dimension of a record. `Resource` is one entry of `resources[]`, type and ARN
/// together (decisions D34: a question is answered over records with at most one resource).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Dim {
    Category,
    ReadOnly,
    Console,
    Source,
    Name,
    EventType,
    UserArn,
    ErrorCode,
    Vpce,
    Region,
    Resource,
}

impl Dim {
    pub(crate) const ALL: [Dim; 11] = [
        Dim::Category,
        Dim::ReadOnly,
        Dim::Console,
        Dim::Source,
        Dim::Name,
        Dim::EventType,
        Dim::UserArn,
        Dim::ErrorCode,
        Dim::Vpce,
        Dim::Region,
        Dim::Resource,
    ];

    /// The values a record may hold (decisions D34): the three categories event selectors
    /// can select (Insights events come from insight selectors, spec §5.3); `readOnly` and
    /// `sessionCredentialFromConsole` as "true"/"false" (D24); any string elsewhere.
    fn fixed(self) -> Option<&'static [&'static str]> {
        match self {
            Dim::Category => Some(&["Management", "Data", "NetworkActivity"]),
            Dim::ReadOnly | Dim::Console => Some(&["true", "false"]),
            Dim::Source
            | Dim::Name
            | Dim::EventType
            | Dim::UserArn
            | Dim::ErrorCode
            | Dim::Vpce
            | Dim::Region
            | Dim::Resource => None,
        }
    }

    /// Whether a record may lack the field (decisions D34): every record has a category (D26
    /// derives one), an eventSource, eventName, eventType and awsRegion (spec §7.1).
    fn may_be_absent(self) -> bool {
        match self {
            Dim::Category | Dim::Source | Dim::Name | Dim::EventType | Dim::Region => false,
            Dim::ReadOnly | Dim::Console | Dim::UserArn | Dim::ErrorCode | Dim::Vpce | Dim::Resource => true,
        }
    }
}

/// A representative value of one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Atom {
    Absent,
    Text(String),
    /// A resource's type and ARN.
    Resource(String, String),
}

/// A test of one dimension.
#[derive(Debug, Clone)]
pub(crate) enum Pred {
    /// The value passes the operators (spec §5.1; a missing value as D23 says).
    Text(Dim, Operators),
    /// The record's resource passes both parts (decisions D25, D34).
    Resource(Box<ResourcePred>),
}

/// A resource test: its type, and its ARN, which only a resource of `arn_type` offers when
/// that is set (the selector's resources.type, D25).
#[derive(Debug, Clone)]
pub(crate) struct ResourcePred {
    pub(crate) of_type: Option<Operators>,
    pub(crate) arn: Option<Operators>,
    pub(crate) arn_type: Option<String>,
}

fn passes(operators: &Operators, value: Option<&str>) -> bool {
    operators.test(value) == Test::Pass
}

impl ResourcePred {
    fn type_ok(&self, resource_type: &str) -> bool {
        self.of_type.as_ref().is_none_or(|o| passes(o, Some(resource_type)))
            && (self.arn.is_none() || self.arn_type.as_deref().is_none_or(|t| t == resource_type))
    }

    fn arn_ok(&self, arn: &str) -> bool {
        self.arn.as_ref().is_none_or(|o| passes(o, Some(arn)))
    }
}

impl Pred {
    pub(crate) fn dim(&self) -> Dim {
        match self {
            Pred::Text(dim, _) => *dim,
            Pred::Resource(_) => Dim::Resource,
        }
    }

    pub(crate) fn holds(&self, atom: &Atom) -> bool {
        match (self, atom) {
            (Pred::Text(_, o), Atom::Absent) => passes(o, None),
            (Pred::Text(_, o), Atom::Text(v)) => passes(o, Some(v)),
            (Pred::Resource(p), Atom::Resource(t, a)) => p.type_ok(t) && p.arn_ok(a),
            (Pred::Resource(_), Atom::Absent | Atom::Text(_)) | (Pred::Text(..), Atom::Resource(..)) => false,
        }
    }
}

/// The atoms of one dimension and, for each, which of the dimension's predicates hold.
#[derive(Debug)]
pub(crate) struct DimAtoms {
    pub(crate) atoms: Vec<Atom>,
    /// For each atom, bit `j` tells whether `preds[j]` holds.
    pub(crate) holds: Vec<Bits>,
    /// The global indexes of the predicates on this dimension.
    pub(crate) preds: Vec<usize>,
}

/// Cuts `dim` into atoms for `preds` (all predicates; those of other dimensions are skipped).
pub(crate) fn atoms(dim: Dim, preds: &[Pred]) -> DimAtoms {
    let mine: Vec<usize> = (0..preds.len()).filter(|&i| preds[i].dim() == dim).collect();
    let own: Vec<&Pred> = mine.iter().map(|&i| &preds[i]).collect();
    let signed = match (dim, dim.fixed()) {
        (Dim::Resource, None) => resource_atoms(&own),
        (_, fixed) => {
            let values: Vec<Atom> = match fixed {
                Some(values) => values.iter().map(|v| Atom::Text(v.to_string())).collect(),
                None => strings(own.iter().filter_map(|p| text_parts(p))).into_iter().map(Atom::Text).collect(),
            };
            let absent = dim.may_be_absent().then_some(Atom::Absent);
            absent.into_iter().chain(values).map(|a| (Bits::from_fn(own.len(), |j| own[j].holds(&a)), a)).collect()
        }
    };
    let mut seen: HashSet<Bits> = HashSet::new();
    let (mut atoms, mut holds) = (Vec::new(), Vec::new());
    for (signature, atom) in signed {
        if seen.insert(signature.clone()) {
            atoms.push(atom);
            holds.push(signature);
        }
    }
    DimAtoms { atoms, holds, preds: mine }
}

/// Resources: no resource, or each type representative with each ARN representative. A
/// resource predicate is its type part and its ARN part, so each part is signed once and a
/// pair's signature is the intersection of its parts'.
fn resource_atoms(own: &[&Pred]) -> Vec<(Bits, Atom)> {
    let parts = |of_type: bool| -> Vec<(String, Bits)> {
        let reps = strings(own.iter().filter_map(|p| resource_parts(p, of_type)));
        let test = |p: &Pred, rep: &str| match p {
            Pred::Resource(r) if of_type => r.type_ok(rep),
            Pred::Resource(r) => r.arn_ok(rep),
            Pred::Text(..) => false,
        };
        reps.into_iter()
            .map(|rep| (Bits::from_fn(own.len(), |j| test(own[j], &rep)), rep))
            .map(|(b, r)| (r, b))
            .collect()
    };
    let (types, arns) = (parts(true), parts(false));
    let mut out = vec![(Bits::new(own.len()), Atom::Absent)];
    for (t, type_sig) in &types {
        out.extend(
            arns.iter().map(|(a, arn_sig)| (type_sig.intersection(arn_sig), Atom::Resource(t.clone(), a.clone()))),
        );
    }
    out
}

/// The constants one predicate compares with: (exact, prefixes, suffixes).
type Parts<'a> = (Vec<&'a str>, Vec<&'a str>, Vec<&'a str>);

fn text_parts(pred: &Pred) -> Option<Parts<'_>> {
    match pred {
        Pred::Text(_, operators) => Some(operators.constants()),
        Pred::Resource(_) => None,
    }
}

fn resource_parts(pred: &Pred, of_type: bool) -> Option<Parts<'_>> {
    let Pred::Resource(p) = pred else { return None };
    let operators = if of_type { p.of_type.as_ref() } else { p.arn.as_ref() };
    let mut parts = operators.map(Operators::constants).unwrap_or_default();
    if of_type {
        parts.0.extend(p.arn_type.as_deref());
    }
    Some(parts)
}

/// The constants, then `p + F + s` for every constant prefix or none and suffix or none.
fn strings<'a>(parts: impl Iterator<Item = Parts<'a>>) -> Vec<String> {
    let (mut exact, mut prefixes, mut suffixes) = (Vec::new(), vec![""], vec![""]);
    for (e, p, s) in parts {
        exact.extend(e);
        prefixes.extend(p);
        suffixes.extend(s);
    }
    for list in [&mut exact, &mut prefixes, &mut suffixes] {
        list.sort_unstable();
        list.dedup();
    }
    let fresh = fresh_char(exact.iter().chain(&prefixes).chain(&suffixes));
    let mut out: Vec<String> = exact.iter().map(|e| e.to_string()).collect();
    for p in &prefixes {
        out.extend(suffixes.iter().map(|s| format!("{p}{fresh}{s}")));
    }
    out
}

/// A character no constant contains (the `F` of the module's argument).
pub(crate) fn fresh_char<'a>(constants: impl Iterator<Item = &'a &'a str> + Clone) -> char {
    let used = |c: char| constants.clone().any(|s| s.contains(c));
    "~^|`#%@!".chars().chain((0xE000..0xF8FF).filter_map(char::from_u32)).find(|&c| !used(c)).unwrap_or('\u{F8FF}')
}
