//! JSON with source positions: every value, key and member keeps its byte span, so a
//! diagnostic can point at the exact spot. Malformed input gives one [`SyntaxError`] at the
//! place where parsing stopped; the parser never panics and bounds its nesting depth.

mod parser;
/// The lexer the parser, the record splitter and the replay's field reader share.
pub mod scan;
mod value;

pub use parser::{parse, SyntaxError, MAX_DEPTH};
pub use value::{Member, Node, Value};
