// The request editor on people's own files (issue 11 §4): a CloudFormation template (JSON or
// YAML), a Terraform file or `terraform show -json` output, CDK CfnTrail props. Loaded on demand
// when the editor's text is not a JSON request (the page's own wasm has no importers: its first
// load is at its budget, `make size`); the core reads the file in the ask worker
// (../worker/ask-worker.js, `readFile`) and this module lays out its answer: every trail's
// diagnostics in the editor at their places in the file, a trail picker, the picked trail's
// problems and outcome. It decides nothing itself.
//
// refresh(editor, contextEditor, json, contextRefused) after each of the page's analyses: its
// two editors (www/editor/editor.js), whether the page read the request as a JSON request itself
// and whether it could not read the context. `file` is what the page reads back (crates/web/src/
// iac): `request`, while the editor holds a file, the picked trail's selectors as a JSON request
// (empty when they are not valid), which the page analyses instead (for the replay and the Ask
// panel); `context`, describe-trails output the context editor holds and the context it
// describes. When either changes, the editor's `changed()` has the page analyse again. The view
// draws in two places of its own (iac.css hides the page's problems and result meanwhile).

import { el } from '../ask/panel.js';

const ask = (op, args) => globalThis.trailscopeAsk(op, args);
// The page's stylesheet is counted in its first load; this module's loads with it.
const sheet = document.createElement('link');
Object.assign(sheet, { rel: 'stylesheet', href: new URL('iac.css', import.meta.url).href });
document.head.append(sheet);
// Nothing is drawn before it applies (it hides the page's own problems and result meanwhile).
await new Promise((resolve) => {
  sheet.onload = sheet.onerror = resolve;
});

/** What the page reads back; `picked` is the trail picked, by label or name (the page sets it
 * from a link, and keeps it in links and local storage). */
export const file = { request: undefined, context: null, picked: null };
// (Inside show(), `file` is the file read: these reach the object above.)
const pickedTrail = () => file.picked;
const pickTrail = (label) => {
  file.picked = label;
};
let asked = 0;
/** Where the view draws: beside the page's problems, above its result. */
let roots = null;
/** The answer shown: the texts read and the core's reading of them. */
let shown = null;
const badge = () => document.querySelector('[data-testid=dialect]');
/** The roots show a file (else the page shows its own JSON analysis). */
let filing = false;

/** JSON-looking text stays the page's to judge while the worker reads it (typing a request
 * breaks its JSON for a moment; that is no reason to swap the panels). */
const looksJson = (text) => /^\s*[[{]/.test(text);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const errors = (report) => report.diagnostics.filter((d) => d.severity === 'error').length;
const isReturned = (error, d) => Boolean(error) && d.code === error.__type && error.message.includes(d.message);

export function refresh(editor, contextEditor, json, contextRefused) {
  if (!editor || !contextEditor) return;
  place();
  const context = contextEditor.getText();
  if (contextRefused) readContext(contextEditor, context);
  const id = ++asked;
  if (json) return leave(editor);
  const text = editor.getText();
  // The page analyses the picked trail once it is told it: the same texts need no new reading.
  if (filing && shown?.text === text && shown.context === context) return;
  if (filing) pending();
  else if (!looksJson(text)) enter(editor);
  ask('readFile', [text, context]).then((read) => {
    if (id !== asked) return;
    if (read.dialect === 'json' || (read.dialect === null && looksJson(text))) return leave(editor);
    if (!filing) enter(editor);
    shown = { text, context, file: read };
    show(editor);
  });
}

function place() {
  roots ??= { problems: el('div', { className: 'iac-problems' }), result: el('div', { className: 'iac-result' }) };
  if (!roots.problems.isConnected) document.querySelector('.request-pane')?.append(roots.problems);
  if (!roots.result.isConnected) document.querySelector('.side-pane')?.prepend(roots.result);
}

/** The page analyses `request` (a file's trail, or the editor's text when undefined). */
function judge(editor, request) {
  if (file.request === request) return;
  file.request = request;
  editor.changed();
}

/** describe-trails output in the context editor: the core reads the context it describes. */
function readContext(contextEditor, text) {
  ask('context', [text]).then((r) => {
    if (r.answer === undefined || contextEditor.getText() !== text) return;
    file.context = [text, r.answer];
    contextEditor.changed();
  });
}

/** The text is a file: the editor reads it as plain text, nothing of the JSON reading stays. */
function enter(editor) {
  filing = true;
  editor.setPlain(true);
  editor.setDiagnostics([]);
  badge().textContent = 'Reading…';
  pending();
  judge(editor, '');
}

/** The text is a JSON request: the page's own analysis shows it. */
function leave(editor) {
  if (!filing) return;
  filing = false;
  shown = null;
  editor.setPlain(false);
  badge().textContent = 'JSON request';
  roots.problems.replaceChildren();
  roots.result.replaceChildren();
  judge(editor, undefined);
}

/** Between an edit and its answer: the last answer is not shown as current. */
function pending() {
  roots.problems.setAttribute('aria-busy', 'true');
  roots.result.replaceChildren(el('div', { className: 'card result' },
    el('div', { className: 'card-head' }, el('h2', {}, 'Result'), el('span', { className: 'status', testid: 'status' }, 'Validating…'))));
}

function show(editor) {
  const { text, file } = shown;
  const at = Math.max(0, file.trails.findIndex((t) => t.label === pickedTrail() || t.name === pickedTrail()));
  const trail = file.trails[at];
  const { report } = trail;
  editor.setDiagnostics(report.diagnostics.map((d) => (d.severity === 'note' ? { ...d, severity: 'info' } : d)));
  const fix = (edits) => {
    if (editor.getText() === text) editor.applyEdits(edits);
  };
  roots.problems.removeAttribute('aria-busy');
  // The picker is null for a file of one trail (replaceChildren would write "null").
  roots.problems.replaceChildren(...[
    picker(file.trails, at, (index) => {
      pickTrail(file.trails[index].label || file.trails[index].name);
      show(editor);
    }),
    problems(report, (d) => editor.reveal(d.from ?? 0, d.to ?? 0), fix),
  ].filter((node) => node !== null));
  roots.result.replaceChildren(outcome(trail, file.trails.length));
  badge().textContent = file.short ?? 'Not a form trailscope reads';
  judge(editor, trail.request ?? '');
}

/** Which trail is shown, with every trail's status; only for a file with several. */
function picker(trails, at, pick) {
  if (trails.length < 2) return null;
  const status = (t) => (t.report.valid ? 'valid' : plural(errors(t.report), 'error'));
  const name = (t) => (t.label && t.label !== t.name ? `${t.name} (${t.label})` : t.name);
  const select = el('select', { testid: 'trail-picker', id: 'trail-picker' },
    ...trails.map((t, i) => el('option', { value: String(i), selected: i === at }, `${name(t)} · ${status(t)}`)));
  select.addEventListener('change', () => pick(Number(select.value)));
  return el('div', { className: 'trail-pick' },
    el('label', { htmlFor: 'trail-picker' }, `Trail (${trails.length} in this file)`), select);
}

/** The picked trail's problems, the one its call returns first (as the page lists a request's). */
function problems(report, reveal, fix) {
  const count = errors(report);
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  const returned = (d) => isReturned(report.error, d);
  const rows = [...report.diagnostics.filter(returned), ...report.diagnostics.filter((d) => !returned(d))];
  const head = el('div', { className: 'problems-head' }, el('h3', {}, 'Problems'),
    el('span', { className: `count${count ? ' error-count' : ''}`, testid: 'error-count' }, plural(count, 'error')),
    el('span', { className: `count${warnings ? ' warning-count' : ''}`, testid: 'warning-count' }, plural(warnings, 'warning')));
  const list = rows.length
    ? el('ul', { className: 'problem-list' }, ...rows.map((d) => row(d, returned(d), reveal, fix)))
    : el('p', { className: 'empty' }, 'No problems: CloudTrail would accept this trail\u2019s selectors.');
  return el('div', { className: 'problems', 'aria-label': 'Problems' }, head, list);
}

function row(d, returned, reveal, fix) {
  const severity = d.severity === 'error' ? 'error' : 'warning';
  const main = el('button', { className: 'problem-main', type: 'button', title: `Go to line ${d.line}` },
    el('span', { className: `sev ${severity}`, 'aria-label': d.severity }, severity === 'error' ? '✕' : '!'),
    el('span', { className: 'code' }, d.code), el('span', { className: 'message' }, d.message),
    el('span', { className: 'where' }, `${d.line}:${d.column}`));
  main.addEventListener('click', () => reveal(d));
  const fixes = d.fixes.filter((f) => f.target === 'request').map((f) => {
    const button = el('button', { className: 'fix', type: 'button' }, `Fix: ${f.title}`);
    button.addEventListener('click', () => fix(f.edits));
    return button;
  });
  const details = el('div', { className: 'problem-details' },
    returned ? el('span', { className: 'badge returned', testid: 'returned' }, 'the error the call returns') : null,
    d.help ? el('span', { className: 'help' }, d.help) : null, ...fixes);
  return el('li', { className: `problem ${severity}${returned ? ' returned' : ''}`, 'data-code': d.code }, main, details);
}

/** What CloudTrail would answer the picked trail's PutEventSelectors call. */
function outcome(trail, count) {
  const { report } = trail;
  const { error } = report;
  const status = error
    ? (error.raised_by === 'client' ? `${error.__type} · raised before sending` : `${error.http_status ?? 400} ${error.__type}`)
    : '200 OK · CloudTrail would accept these selectors';
  const which = count > 1 ? `Trail ${trail.name} (${trail.label}), one of ${count} in this file` : `Trail ${trail.name}`;
  const body = error ? { __type: error.__type, message: error.message } : report.response;
  return el('div', { className: 'card result', 'aria-live': 'polite', testid: 'result' },
    el('div', { className: 'card-head' }, el('h2', {}, 'Result'),
      el('span', { className: `status ${error ? 'error' : 'ok'}`, testid: 'status' }, status)),
    report.context_error ? el('p', { className: 'context-error', testid: 'context-ignored' },
      el('strong', {}, 'Your account context was not used'), `: ${report.context_error.message}.`) : null,
    el('p', { className: 'explain' }, `${which}: ${error ? 'the error its PutEventSelectors call returns' : 'the PutEventSelectors response'}.`),
    el('p', { className: 'hint', testid: 'file-judged' }, trail.request
      ? 'The replay and the Ask panel judge this trail\u2019s selectors.'
      : 'The replay and the Ask panel need valid selectors: they judge nothing until this trail\u2019s are fixed.'),
    body ? el('pre', { className: 'json', tabIndex: 0, 'aria-label': error ? 'Error response' : 'PutEventSelectors response' },
      JSON.stringify(body, null, 2)) : null);
}
