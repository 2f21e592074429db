//! The search: is there an event of the class that some rule logs, and one that no rule logs?
//! Both are exact over the atoms (see `space`), so over every record.
//!
//! "Logged": one rule, then one atom per dimension that meets both the rule and the class.
//! "Unlogged": every rule must fail on some dimension. Walking the dimensions, the state is
//! the set of rules already failed; only the maximal sets need keeping, since failing more
//! rules never hurts. The event is unlogged when all rules have failed.

use super::bits::Bits;
use super::compile::Rule;
use super::space::{atoms, Atom, Dim, DimAtoms, Pred};
use super::AskError;

/// Past this many kept states the question is refused rather than risk the page's time.
const MAX_STATES: usize = 20_000;

/// One atom per dimension, in [`Dim::ALL`] order.
pub(crate) type Event = Vec<Atom>;

/// The atoms of every dimension for one set of predicates.
pub(crate) struct Solver {
    preds: Vec<Pred>,
    dims: Vec<DimAtoms>,
}

/// A dimension's atoms as one search sees them: those in the class, with the rules each fails.
struct View {
    /// (atom index, rules failed there), deduplicated by the rules failed.
    options: Vec<(usize, Bits)>,
}

impl Solver {
    pub(crate) fn new(preds: &[Pred]) -> Solver {
        Solver { preds: preds.to_vec(), dims: Dim::ALL.iter().map(|&d| atoms(d, preds)).collect() }
    }

    /// The positions, among dimension `d`'s predicates, of those in `preds` on `d`.
    fn local(&self, d: usize, preds: &[usize]) -> Vec<usize> {
        let dim = &self.dims[d];
        preds.iter().filter_map(|p| dim.preds.binary_search(p).ok()).collect()
    }

    fn view(&self, d: usize, rules: &[Rule], class: &[usize]) -> View {
        let dim = &self.dims[d];
        let local =
            |preds: &[usize]| -> Vec<usize> { preds.iter().filter_map(|p| dim.preds.binary_search(p).ok()).collect() };
        let (class, rules): (Vec<usize>, Vec<Vec<usize>>) =
            (local(class), rules.iter().map(|r| local(&r.preds)).collect());
        let mut options: Vec<(usize, Bits)> = Vec::new();
        for (a, holds) in dim.holds.iter().enumerate().filter(|(_, h)| class.iter().all(|&j| h.get(j))) {
            let fails = Bits::from_fn(rules.len(), |r| rules[r].iter().any(|&j| !holds.get(j)));
            if !options.iter().any(|(_, f)| *f == fails) {
                options.push((a, fails));
            }
        }
        View { options }
    }

    fn event(&self, choice: &[usize]) -> Event {
        choice.iter().enumerate().map(|(d, &a)| self.dims[d].atoms[a].clone()).collect()
    }

    /// An event of the class, if the class has one.
    pub(crate) fn member(&self, class: &[usize]) -> Option<Event> {
        let mut choice = Vec::with_capacity(self.dims.len());
        for (d, dim) in self.dims.iter().enumerate() {
            let local = self.local(d, class);
            choice.push(dim.holds.iter().position(|h| local.iter().all(|&j| h.get(j)))?);
        }
        Some(self.event(&choice))
    }

    /// An event of the class that `rules` logs.
    pub(crate) fn logged(&self, rules: &[Rule], class: &[usize]) -> Option<Event> {
        rules.iter().find_map(|rule| {
            let both: Vec<usize> = class.iter().chain(&rule.preds).copied().collect();
            self.member(&both)
        })
    }

    /// An event of the class that no rule of `rules` logs.
    pub(crate) fn unlogged(&self, rules: &[Rule], class: &[usize]) -> Result<Option<Event>, AskError> {
        let mut states: Vec<(Bits, Vec<usize>)> = vec![(Bits::new(rules.len()), Vec::new())];
        for d in 0..self.dims.len() {
            let view = self.view(d, rules, class);
            let mut next: Vec<(Bits, Vec<usize>)> = Vec::new();
            for (failed, choice) in &states {
                for (a, fails) in &view.options {
                    let mut chosen = choice.clone();
                    chosen.push(*a);
                    next.push((failed.union(fails), chosen));
                }
            }
            states = maximal(next);
            if states.len() > MAX_STATES {
                return Err(AskError::TooComplex);
            }
        }
        Ok(states.into_iter().find(|(failed, _)| failed.is_full(rules.len())).map(|(_, c)| self.event(&c)))
    }

    /// Whether `replacement` tests like `current` under every predicate on dimension `d`.
    pub(crate) fn same_tests(&self, d: usize, current: &Atom, replacement: &Atom) -> bool {
        self.dims[d].preds.iter().all(|&p| self.preds[p].holds(current) == self.preds[p].holds(replacement))
    }
}

/// The states no other state covers (a superset of failed rules is at least as good).
fn maximal(mut states: Vec<(Bits, Vec<usize>)>) -> Vec<(Bits, Vec<usize>)> {
    states.sort_by_key(|(failed, _)| std::cmp::Reverse(failed.count()));
    let mut kept: Vec<(Bits, Vec<usize>)> = Vec::new();
    for state in states {
        if !kept.iter().any(|(k, _)| state.0.is_subset(k)) {
            kept.push(state);
        }
    }
    kept
}
