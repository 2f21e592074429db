//! Reading the CLI's inputs: request and context files (bounded, UTF-8), event files (streamed,
//! gzip detected by its magic bytes).

use flate2::read::MultiGzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use trailscope_core::import::describe_trails_context;
use trailscope_core::{limits::MAX_INPUT_BYTES, put_event_selectors, AccountContext, Evaluation};

pub fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn open(path: &Path) -> Result<Box<dyn Read>, String> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(Box::new(file))
}

/// A whole text file (or stdin), up to one byte past the core's input limit (so the core can
/// say the input is too large).
pub fn read_text(path: &Path) -> Result<String, String> {
    let mut bytes = Vec::new();
    open(path)?
        .take((MAX_INPUT_BYTES + 1) as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!("{} is not UTF-8 text (invalid byte at offset {})", path.display(), e.utf8_error().valid_up_to())
    })
}

/// An events file as a stream of bytes, inflated when it starts with the gzip magic bytes.
pub fn open_events(path: &Path) -> Result<Box<dyn Read>, String> {
    let mut reader = BufReader::with_capacity(1 << 16, open(path)?);
    let head = reader.fill_buf().map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(MultiGzDecoder::new(reader)))
    } else {
        Ok(Box::new(reader))
    }
}

/// The context file, if one was given: a context, or `aws cloudtrail describe-trails` output
/// (with `get-trail-status` merged in, optionally; decisions D48).
pub fn load_context(path: Option<&PathBuf>) -> Result<Option<AccountContext>, String> {
    let Some(path) = path else { return Ok(None) };
    let text = read_text(path)?;
    let context = AccountContext::from_json(&text).or_else(|e| match describe_trails_context(&text) {
        Ok(context) => Ok(context),
        Err(why) if text.contains("\"trailList\"") => {
            Err(format!("invalid describe-trails output {}: {why}", path.display()))
        }
        Err(_) => Err(format!("invalid context {}:{}:{}: {}", path.display(), e.line, e.column, e.message)),
    })?;
    Ok(Some(context))
}

/// A request file evaluated as PutEventSelectors (in the context given).
pub struct LoadedRequest {
    pub source: String,
    pub name: String,
    pub evaluation: Evaluation,
}

pub fn load_request(path: &Path, context: Option<&PathBuf>) -> Result<LoadedRequest, String> {
    let source = read_text(path)?;
    let context = load_context(context)?;
    let evaluation = put_event_selectors(&source, context.as_ref());
    Ok(LoadedRequest { source, name: display_name(path), evaluation })
}
