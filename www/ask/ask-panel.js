// The Ask panel (issue 10): a question about a class of events, answered exactly by trailscope's
// core in the ask worker (../worker/ask-worker.js), drawn from the core's answer lines (the same
// lines the CLI prints, crates/core/src/ask/lines.rs). Loaded on demand when the panel opens, so
// it costs the page nothing until then (`make size`). It decides nothing itself: it lays out
// what the worker answers.
//
// mount(root, host) builds the panel in `root` and returns {refresh()}; `host` is the page:
//   request() -> string, context() -> string | null, before() -> string | null (the trail's
//   stored selectors, get-event-selectors JSON), question: string | null (from a link),
//   onQuestion(text) (told what was asked, for share links), insert(requestText) (replaces the
//   request, undoably), replay(recordText) (replays one record in the replay panel) and worker
//   (the page's ask worker, shared with its Format button).

import { el, stylesheet } from './panel.js';

const CLASS = {
  heading: 'line-heading', all: 'answer answer-all', some: 'answer answer-some', none: 'answer answer-none',
  note: 'hint', logged: 'example logged', unlogged: 'example unlogged', deciding: 'deciding',
  right: 'checker agrees', wrong: 'checker disagrees', unknown: 'checker unknown', template: 'badge template',
};

/** One answer line: its text styled by kind; a record (which `replay` replays) or a checker's
 * flaws on demand. */
function line({ kind, text, detail }, replay) {
  const span = el('span', { className: CLASS[kind] ?? '' }, text);
  if (kind === 'template') {
    if (detail) span.title = detail;
    return span;
  }
  const item = el('li', {}, span);
  if (detail && (kind === 'logged' || kind === 'unlogged')) {
    const again = el('button', { type: 'button', className: 'fix', testid: 'replay-example' }, 'Replay this example');
    again.addEventListener('click', () => replay(detail));
    item.append(' ', again, el('details', {}, el('summary', {}, 'The record'),
      el('pre', { className: 'json', tabIndex: 0, 'aria-label': 'Example record' }, detail)));
  } else if (detail) {
    item.append(el('span', { className: 'why' }, detail));
  }
  return item;
}

/** An answer ({answer: lines} or {refused: message}) in `box`. */
function show(box, result, replay) {
  if (result.refused !== undefined) {
    box.replaceChildren(el('p', { className: 'ask-refused', role: 'alert' }, result.refused));
  } else {
    box.replaceChildren(el('ul', { className: 'ask-lines' }, ...result.answer.map((l) => line(l, replay))));
  }
}

/** The request's TrailName, to keep when a template replaces its selectors. */
function trailName(request) {
  try {
    return JSON.parse(request).TrailName ?? 'my-trail';
  } catch {
    return 'my-trail';
  }
}

/** JSON text of `value` as a string literal. */
const quoted = (value) => JSON.stringify(String(value));

/** The question's text with `"key": value` added before its closing brace. The worker judges
 * the result (and says so if it is not a question). */
function withKey(question, key, value, prefix) {
  const literal = prefix ? `{"StartsWith": ${quoted(value)}}` : quoted(value);
  const trimmed = question.trim();
  const body = (trimmed.endsWith('}') ? trimmed.slice(0, -1) : '{').trimEnd();
  return `${body}${body.endsWith('{') ? '' : ', '}${quoted(key)}: ${literal}}`;
}

export function mount(root, host) {
  stylesheet(new URL('ask.css', import.meta.url));
  const worker = host.worker ?? new Worker(new URL('../worker/ask-worker.js', import.meta.url), { type: 'module' });
  const latest = {};
  const handlers = {};
  let next = 0;
  const ask = (op, args, handler) => {
    next += 1;
    latest[op] = next;
    handlers[op] = handler;
    worker.postMessage({ id: next, op, args });
  };
  worker.addEventListener('message', ({ data }) => {
    if (latest[data.op] === data.id) handlers[data.op](data.result);
  });

  const templates = el('span', { className: 'templates', testid: 'templates' });
  const preset = el('select', { id: 'ask-preset', testid: 'ask-preset' },
    el('option', { value: '', selected: true, disabled: true }, 'Choose a compliance question…'));
  const key = el('select', { id: 'ask-key', testid: 'ask-key' });
  const mode = el('select', { 'aria-label': 'How the value compares' },
    el('option', { value: 'equals' }, 'equals'), el('option', { value: 'prefix' }, 'starts with'));
  const values = el('datalist', { id: 'ask-values' });
  const value = el('input', { 'aria-label': 'Value', testid: 'ask-value' });
  value.setAttribute('list', 'ask-values');
  const add = el('button', { type: 'button', className: 'fix', testid: 'ask-add' }, 'Add');
  const question = el('textarea', { id: 'ask-question', className: 'ask-question', rows: 3, spellcheck: false, testid: 'ask-question' });
  question.value = host.question ?? '{"eventCategory": "Data", "resources.type": "AWS::S3::Object", "readOnly": "false"}';
  const askButton = el('button', { type: 'button', className: 'action', testid: 'ask-button' }, 'Ask');
  const checkersButton = el('button', { type: 'button', className: 'fix', testid: 'checkers-button' }, 'What would posture checkers say?');
  const template = el('select', { id: 'ask-template', testid: 'ask-template' },
    el('option', { value: '', selected: true, disabled: true }, 'Insert a console template…'));
  const templateType = el('input', { 'aria-label': 'Resource type (data templates)', value: 'AWS::S3::Object', testid: 'ask-template-type' });
  templateType.setAttribute('list', 'ask-types');
  const types = el('datalist', { id: 'ask-types' });
  const insert = el('button', { type: 'button', className: 'fix', testid: 'ask-insert' }, 'Insert');
  const answer = el('div', { testid: 'ask-answer', 'aria-live': 'polite' });
  const diff = el('div', { testid: 'ask-diff' });
  const checkers = el('div', { testid: 'checkers' });
  root.replaceChildren(
    el('div', { className: 'card-head' }, el('h2', {}, 'Ask the trail'), templates),
    el('p', { className: 'hint' }, 'Is a class of events logged? Answered exactly from the selectors and the trail\'s state, no events needed.'),
    el('div', { className: 'ask-row' }, el('label', { htmlFor: 'ask-preset' }, 'Preset'), preset),
    el('div', { className: 'ask-row' }, el('label', { htmlFor: 'ask-key' }, 'Add'), key, mode, value, values, add),
    el('label', { htmlFor: 'ask-question', className: 'hint' }, 'Question (JSON: field names to a value, a list, or {"StartsWith": prefix})'),
    question,
    el('div', { className: 'ask-row' }, askButton, checkersButton),
    el('div', { className: 'ask-row' }, el('label', { htmlFor: 'ask-template' }, 'Template'), template, templateType, types, insert),
    answer, diff, checkers,
  );

  let keys = [];
  ask('keys', [], (list) => {
    keys = list;
    key.replaceChildren(...list.map((k) => el('option', { value: k.key }, k.key)));
    const resourceTypes = list.find((k) => k.key === 'resources.type');
    types.replaceChildren(...(resourceTypes ? resourceTypes.values : []).map((v) => el('option', { value: v })));
    key.dispatchEvent(new Event('change'));
  });
  key.addEventListener('change', () => {
    const found = keys.find((k) => k.key === key.value);
    values.replaceChildren(...(found ? found.values : []).map((v) => el('option', { value: v })));
  });
  ask('presets', [], (list) => {
    for (const p of list) preset.append(el('option', { value: p.id, title: p.source }, p.title));
    preset.addEventListener('change', () => {
      const chosen = list.find((p) => p.id === preset.value);
      if (!chosen) return;
      question.value = chosen.argument ? chosen.question.replace(`{${chosen.argument[0]}}`, chosen.argument[1]) : chosen.question;
    });
  });
  ask('consoleTemplates', [], (list) => {
    for (const t of list) template.append(el('option', { value: t.id, title: t.source }, `${t.title}${t.data ? ' (data events)' : ' (management events)'}`));
  });
  insert.addEventListener('click', () => {
    if (!template.value) return;
    ask('templateSelectors', [template.value, templateType.value], (r) => {
      if (r.refused !== undefined) return show(answer, r);
      host.insert(JSON.stringify({ TrailName: trailName(host.request()), ...r.answer }, null, 2) + '\n');
    });
  });
  add.addEventListener('click', () => {
    question.value = withKey(question.value, key.value, value.value, mode.value === 'prefix');
  });

  let asked = host.question !== null && host.question !== undefined;
  let showCheckers = false;
  const covers = () => ask('covers', [host.request(), question.value, host.context()], (r) => show(answer, r, host.replay));
  askButton.addEventListener('click', () => {
    asked = true;
    host.onQuestion(question.value);
    covers();
  });
  checkersButton.addEventListener('click', () => {
    showCheckers = true;
    ask('checkers', [host.request(), host.context()], (r) => {
      show(checkers, r, host.replay);
      checkers.prepend(el('h3', {}, 'What posture checkers would conclude'));
      checkers.append(el('p', { className: 'hint' }, 'Each checker modelled from its code at a cited commit (spec checkers.md); the per-bucket ones judged the buckets the selectors name.'));
    });
  });

  /** Asks everything shown again: the request, the context or the stored selectors changed. */
  function refresh() {
    ask('templates', [host.request()], (r) => (r.answer ? templates.replaceChildren(...r.answer.map((l) => line(l, host.replay))) : templates.replaceChildren()));
    const before = host.before();
    if (before) {
      ask('diff', [before, host.request(), host.context()], (r) => {
        show(diff, r, host.replay);
        diff.prepend(el('h3', {}, 'Against the trail\'s stored selectors (A: stored, B: this request)'));
      });
    } else {
      diff.replaceChildren();
    }
    if (asked) covers();
    if (showCheckers) checkersButton.click();
  }
  refresh();
  return { refresh };
}
