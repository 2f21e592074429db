// Browser plumbing for the page's state: the share-link codec (UTF-8 text, deflate-raw with the
// browser's own CompressionStream, base64url), bounded decompression, and file download (files
// are read in Rust with gloo). What the state means is decided in Rust
// (crates/web/src/state/playground.rs); nothing here runs or inserts what a link holds.

const chunkSize = 0x8000;

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += chunkSize) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunkSize));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("it is not base64url text");
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Compresses `text` for a link: base64url of its deflate-raw bytes. */
export async function packText(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/**
 * The text `packText` made, or an Error saying why not. Stops reading past `maxBytes` of
 * output, so a small link cannot unpack into gigabytes.
 */
export async function unpackText(packed, maxBytes) {
  const reader = new Blob([fromBase64Url(packed)]).stream()
    .pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch {
      throw new Error("its data is damaged (not compressed text)");
    }
    if (step.done) break;
    total += step.value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`it unpacks to more than ${Math.floor(maxBytes / 1048576)} MiB`);
    }
    chunks.push(step.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("its data is not UTF-8 text");
  }
}

/** Saves `text` as a file named `name` (the browser's download). */
export function downloadText(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Puts `text` on the clipboard; false when the browser refuses (the text stays on screen). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
