// Checks that dist/ is the folder to host: it works from any path on any static server, under
// the strict Content-Security-Policy of index.html. Fails loudly when Trunk's output changes
// shape (say, an inline loader script again, or an absolute URL).
import { existsSync, readFileSync } from "node:fs";

const html = readFileSync("dist/index.html", "utf8");
const problems = [];
const check = (ok, problem) => ok || problems.push(problem);

const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
check(csp, "no Content-Security-Policy meta tag");
const loose = (csp ?? "").split(/[;\s]+/).filter((t) => /^'unsafe-|\*/.test(t) || (t.includes(":") && t !== "data:"));
check(loose.length === 0, `a CSP that allows inline code or other origins: ${loose.join(" ")}`);
for (const [tag, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  check(/\bsrc="/.test(attrs) && body.trim() === "", `an inline script: ${tag.slice(0, 80)}`);
}
check(!/<style\b|\sstyle="/.test(html), "an inline style");
for (const [, url] of html.matchAll(/\s(?:src|href|data-js|data-wasm)="([^"]*)"/g)) {
  if (url.startsWith("data:")) continue;
  check(url.startsWith("./") && !url.includes(".."), `not a relative URL inside the folder: ${url}`);
  check(existsSync(`dist/${url}`), `missing from dist/: ${url}`);
}
check(html.includes('src="./loader.js"'), "the page does not start from loader.js");

if (problems.length > 0) {
  console.error(`dist/ is not ready to host:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("dist/: relative URLs only, no inline script or style, CSP present");
