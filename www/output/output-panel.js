// Export and SQL (issues 11 §4 and 13): the request's selectors as another tool's text (the AWS
// CLI command, boto3, CloudFormation, Terraform, CDK) or as the SQL that selects exactly the
// events they log (Athena, Spark, DuckDB), written by trailscope's core in the ask worker
// (../worker/ask-worker.js: exportAs, exportDialects, toSql, sqlLayout). Loaded on demand when
// the card is opened, so it costs the page nothing until then (`make size`). It writes nothing
// itself: it shows the worker's answer, or its refusal (an invalid request, or a target that
// cannot say the selectors exactly), and copies it.
//
// mount(root, host) builds the panel in `root` and returns {refresh()}; `host` is the page:
//   request() -> string, context() -> string | null (the account context, as Format and Ask
//   pass it) and ask(op, args) -> Promise (one question to the page's ask worker).

import { el, stylesheet } from '../ask/panel.js';

/** The SQL engines (`toSql`'s dialects) and where each reads the events from. */
const ENGINES = [
  { id: 'athena', label: 'Amazon Athena (Trino)', input: 'table' },
  { id: 'spark', label: 'Spark SQL', input: 'table' },
  { id: 'duckdb', label: 'DuckDB', input: 'source' },
];
/** The query modes, in `trailscope sql --mode` terms. */
const MODES = [
  ['select', 'select: one row per logged event'],
  ['count', 'count: events and data-event cost per selector'],
  ['view', 'view: CREATE VIEW trailscope_logged'],
  ['where', 'where: the predicate alone'],
];

const option = ([value, label]) => el('option', { value }, label);

/** A labelled control in a row (`control` has the id the label points at). */
const field = (label, control) => el('div', { className: 'ask-row' }, el('label', { htmlFor: control.id }, label), control);

/** The two tabs (Export as, SQL), with the arrow keys moving between them. */
function tabs(names, onSelect) {
  const buttons = names.map(([id, label]) => el('button', {
    type: 'button', role: 'tab', id: `output-tab-${id}`, testid: `output-tab-${id}`, 'aria-controls': 'output-body',
  }, label));
  const select = (index) => {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-selected', String(i === index));
      b.tabIndex = i === index ? 0 : -1;
    });
    onSelect(names[index][0]);
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(i));
    b.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = (i + step + buttons.length) % buttons.length;
      select(next);
      buttons[next].focus();
    });
  });
  return { list: el('div', { role: 'tablist', 'aria-label': 'Output', className: 'output-tabs' }, ...buttons), select };
}

/** The Export as controls: the dialect, from the core's list. */
function exportControls(host, changed) {
  const dialect = el('select', { id: 'output-dialect', testid: 'output-dialect' });
  dialect.addEventListener('change', changed);
  host.ask('exportDialects', []).then((list) => {
    dialect.replaceChildren(...list.map((d) => option([d.id, d.label])));
    changed();
  });
  return {
    row: field('Export as', dialect),
    ask: () => ['exportAs', [host.request(), dialect.value, host.context()]],
    ready: () => dialect.value !== '',
    what: () => dialect.selectedOptions[0]?.textContent ?? '',
  };
}

/** The SQL controls: the engine, the mode, and the table (Athena, Spark) or the log files
 * (DuckDB) the query reads; the layout the engine's query assumes shown beside them. */
function sqlControls(host, changed) {
  const engine = el('select', { id: 'sql-dialect', testid: 'sql-dialect' }, ...ENGINES.map((e) => option([e.id, e.label])));
  const mode = el('select', { id: 'sql-mode', testid: 'sql-mode' }, ...MODES.map(option));
  const inputs = {
    table: el('input', { id: 'sql-table', testid: 'sql-table', placeholder: 'cloudtrail_logs_pp', spellcheck: false }),
    source: el('input', { id: 'sql-source', testid: 'sql-source', placeholder: '*.json.gz', spellcheck: false }),
  };
  const where = { table: field('Table', inputs.table), source: field('Log files', inputs.source) };
  const layout = el('span', { testid: 'sql-layout' });
  const decision = el('a', { href: new URL('docs/decisions.html#D40', document.baseURI).href, target: '_blank', rel: 'noopener' },
    'decision D40 in full');
  const chosen = () => ENGINES.find((e) => e.id === engine.value);
  const onEngine = () => {
    for (const [key, row] of Object.entries(where)) row.hidden = key !== chosen().input;
    host.ask('sqlLayout', [engine.value]).then((note) => { layout.textContent = note; });
    changed();
  };
  engine.addEventListener('change', onEngine);
  mode.addEventListener('change', changed);
  inputs.table.addEventListener('input', changed);
  inputs.source.addEventListener('input', changed);
  onEngine();
  const options = () => {
    const input = chosen().input;
    const value = inputs[input].value.trim();
    return { dialect: engine.value, mode: mode.value, ...(value ? { [input]: value } : {}) };
  };
  return {
    row: el('div', { className: 'output-controls' }, field('Engine', engine), field('Query', mode), where.table, where.source,
      el('p', { className: 'hint output-layout' }, el('strong', {}, 'Table layout assumed: '), layout, ' ', decision)),
    ask: () => ['toSql', [host.request(), host.context(), options()]],
    ready: () => true,
    what: () => `${chosen().label} query`,
  };
}

/** The generated text (or the refusal) and its Copy button, with the copy's outcome announced. */
function output() {
  const text = el('pre', { className: 'json output-text', tabIndex: 0, 'aria-label': 'Generated text', testid: 'output-text' });
  const refused = el('p', { className: 'ask-refused', role: 'alert', testid: 'output-refused', hidden: true });
  const copy = el('button', { type: 'button', className: 'action', testid: 'output-copy' }, 'Copy');
  const status = el('span', { role: 'status', 'aria-live': 'polite', className: 'hint', testid: 'output-copied' });
  let what = '';
  copy.addEventListener('click', () => navigator.clipboard.writeText(text.textContent).then(
    () => { status.textContent = `Copied the ${what} to the clipboard.`; },
    () => {
      getSelection().selectAllChildren(text);
      status.textContent = 'Could not copy: the text is selected, press Ctrl+C.';
    },
  ));
  /** Shows an answer ({answer: text} or {refused: message}) for `name`. */
  const show = (result, name) => {
    what = name;
    const ok = result.answer !== undefined;
    text.textContent = ok ? result.answer : '';
    refused.textContent = ok ? '' : result.refused;
    [text.hidden, refused.hidden, copy.disabled] = [!ok, ok, !ok];
    status.textContent = '';
  };
  return { nodes: [text, refused, el('div', { className: 'ask-row' }, copy, status)], show };
}

export function mount(root, host) {
  stylesheet(new URL('../ask/ask.css', import.meta.url));
  stylesheet(new URL('output.css', import.meta.url));
  let current = null;
  let asked = 0;
  const out = output();
  /** Asks the current tab's question; only the latest answer is shown. */
  const refresh = () => {
    if (!current?.ready()) return;
    const [op, args] = current.ask();
    const id = ++asked;
    host.ask(op, args).then((result) => {
      if (id === asked) out.show(result, current.what());
    });
  };
  const controls = { export: exportControls(host, refresh), sql: sqlControls(host, refresh) };
  const body = el('div', { role: 'tabpanel', id: 'output-body', className: 'output-body' },
    controls.export.row, controls.sql.row, ...out.nodes);
  const { list, select } = tabs([['export', 'Export as'], ['sql', 'SQL']], (name) => {
    current = controls[name];
    controls.export.row.hidden = name !== 'export';
    controls.sql.row.hidden = name !== 'sql';
    body.setAttribute('aria-labelledby', `output-tab-${name}`);
    refresh();
  });
  root.replaceChildren(
    el('h2', {}, 'Export and SQL'),
    el('p', { className: 'hint' }, 'The request\'s selectors, in canonical form, for another tool; or the SQL that selects exactly the events they log, over your CloudTrail logs.'),
    list, body,
  );
  select(0);
  return { refresh };
}
