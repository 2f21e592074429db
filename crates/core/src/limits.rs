//! Input limits: larger input gets a clear `InputTooLarge` diagnostic instead of slow work.

/// Largest request text read. A request at every documented limit (500 advanced values of
/// 2048 characters each) is about 1 MB of JSON; 4 MiB leaves room for formatting.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Problems of one stage an evaluation lists; past them, problems are counted (decisions D53).
pub const SHOWN_PER_STAGE: usize = 1000;
