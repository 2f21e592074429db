//! Running the binary and making input files, shared by the CLI tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

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

/// A temporary file holding `content`; tests run in parallel, so every file gets its own name.
pub fn temp(name: &str, content: &[u8]) -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("trailscope-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = dir.join(format!("{n}-{name}"));
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}
