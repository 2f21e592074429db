// Writes docs/decisions.md and docs/cloudtrail-selectors.md into dist/docs/ as decisions.html
// and spec.html, the pages the page's decision and spec badges link to (decisions.html#D5,
// spec.html#s3.1). A small Markdown subset (headings, lists, tables, code, emphasis, links) is
// enough for these two files; the pages obey the same strict CSP as the page itself.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const CSP = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'";
const PAGES = [
  ["docs/decisions.md", "dist/docs/decisions.html", "trailscope decisions"],
  ["docs/cloudtrail-selectors.md", "dist/docs/spec.html", "trailscope spec: PutEventSelectors and event-selector matching"],
];
const CSS = `body{max-width:60rem;margin:2rem auto;padding:0 1rem;font:15px/1.55 system-ui,sans-serif;color-scheme:light dark}
code,pre{font-family:ui-monospace,monospace;font-size:.92em}pre{overflow:auto;padding:.6rem;border:1px solid #8884}
table{border-collapse:collapse;display:block;overflow:auto}td,th{border:1px solid #8886;padding:.2rem .5rem;vertical-align:top}
:target{outline:2px solid #3b5bdb;outline-offset:4px}`;

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
function inline(text) {
  return escape(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])_([^_]+)_(?=[\s).,:;]|$)/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
}
/** The anchor of a heading ("### 3.1 Name rules" -> s3.1) or a decision item ("**D5**" -> D5). */
const headingId = (text) => /^(\d+(?:\.\d+)*)\.?\s/.exec(text)?.[1];
const decisionId = (text) => /^\*\*(D\d+)\*\*/.exec(text)?.[1];

function convert(markdown) {
  const out = [];
  let list = 0;
  let code = false;
  const closeLists = (depth) => { for (; list > depth; list--) out.push("</ul>"); };
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("```")) {
      closeLists(0);
      out.push(code ? "</pre>" : "<pre>");
      code = !code;
    } else if (code) {
      out.push(escape(line));
    } else if (/^#{1,6} /.test(line)) {
      closeLists(0);
      const [, hashes, text] = /^(#+) (.*)$/.exec(line);
      const id = headingId(text);
      out.push(`<h${hashes.length}${id ? ` id="s${id}"` : ""}>${inline(text)}</h${hashes.length}>`);
    } else if (line.startsWith("|")) {
      closeLists(0);
      const rows = [];
      for (; i < lines.length && lines[i].startsWith("|"); i++) rows.push(lines[i]);
      i--;
      const cells = (row) => row.replace(/^\||\|$/g, "").split("|").map((c) => inline(c.trim()));
      out.push("<table>");
      rows.filter((r) => !/^\|[\s:|-]+\|$/.test(r)).forEach((r, n) => {
        const tag = n === 0 ? "th" : "td";
        out.push(`<tr>${cells(r).map((c) => `<${tag}>${c}</${tag}>`).join("")}</tr>`);
      });
      out.push("</table>");
    } else if (/^\s*[-*] /.test(line)) {
      const depth = Math.floor(/^\s*/.exec(line)[0].length / 2) + 1;
      for (; list < depth; list++) out.push("<ul>");
      closeLists(depth);
      let text = line.replace(/^\s*[-*] /, "");
      for (; i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]) && !/^\s*[-*] /.test(lines[i + 1]); i++) text += ` ${lines[i + 1].trim()}`;
      const id = decisionId(text);
      out.push(`<li${id ? ` id="${id}"` : ""}>${inline(text)}</li>`);
    } else if (line.trim() === "") {
      closeLists(0);
    } else {
      closeLists(0);
      let text = line;
      for (; i + 1 < lines.length && lines[i + 1].trim() !== "" && !/^(#|\||\s*[-*] |```)/.test(lines[i + 1]); i++) text += ` ${lines[i + 1]}`;
      out.push(`<p>${inline(text)}</p>`);
    }
  }
  closeLists(0);
  return out.join("\n");
}

mkdirSync("dist/docs", { recursive: true });
writeFileSync("dist/docs/docs.css", CSS);
for (const [from, to, title] of PAGES) {
  const body = convert(readFileSync(from, "utf8"));
  writeFileSync(to, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${CSP}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(title)}</title>
<link rel="icon" href="data:," />
<link rel="stylesheet" href="./docs.css" />
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`);
}
console.log("dist/docs/: decisions.html and spec.html written from docs/");
