//! Client-side parameter validation, as botocore's `ParamValidator` does it before any request
//! is sent (spec §1.6): required members, JSON types, minimum lengths and unknown members.
//! Every problem is reported, in botocore's order; the combined message is botocore's report.

mod python;
mod schema;
mod validator;

pub use schema::{
    Shape, ADVANCED_EVENT_SELECTOR, EVENT_SELECTOR, GET_EVENT_SELECTORS_OUTPUT, PUT_EVENT_SELECTORS_REQUEST,
};
pub use validator::validate;
