// Starts the page. Trunk would start it with an inline <script>, which the page's
// Content-Security-Policy forbids, so Trunk.toml's pattern_script puts this file's <script> in
// its place, with the hashed names of wasm-bindgen's JS and the wasm (relative to this file).
const { js, wasm } = document.querySelector("script[data-js][data-wasm]").dataset;
const { default: init } = await import(new URL(js, import.meta.url));
await init({ module_or_path: new URL(wasm, import.meta.url) });
