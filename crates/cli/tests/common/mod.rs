//! Running the binary and making input files, shared by the CLI tests.

use std::io::Write;
use std::ops::Deref;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use tempfile::TempPath;

/// Runs `trailscope args`, feeding `stdin` if given.
pub fn trailscope(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trailscope"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run trailscope");
    if let Some(input) = stdin {
        // The process may exit before reading (usage errors): a broken pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// A file in the temp folder, deleted when dropped (also when a test fails). It derefs to its
/// path as `&str`, which is what the binary's arguments need.
pub struct TempFile(TempPath);

impl Deref for TempFile {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.to_str().expect("temp paths are UTF-8")
    }
}

impl AsRef<Path> for TempFile {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

/// A new file holding `content` (text or bytes). Names are unique, so tests can run in
/// parallel; `name` ends the file's name to say what it holds.
pub fn temp(name: &str, content: impl AsRef<[u8]>) -> TempFile {
    let mut file = tempfile::Builder::new().prefix("trailscope-cli-").suffix(&format!("-{name}")).tempfile().unwrap();
    file.write_all(content.as_ref()).unwrap();
    TempFile(file.into_temp_path())
}
