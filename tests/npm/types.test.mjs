// The TypeScript types (written next to the Rust, crates/wasm/src) against real values: every
// member a value has is declared, every required member is present, literal unions hold. A field
// added, renamed or made optional on the Rust side fails here, not in a user's build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate, defaultContext, ReplaySession, VerdictStore } from 'trailscope';

const DTS = readFileSync(new URL('./node_modules/trailscope/trailscope.d.ts', import.meta.url), 'utf8');
const interfaces = new Map();
for (const [, name, body] of DTS.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
  const members = [...body.matchAll(/^ {4}(\w+)(\??): ([^;(]+);$/gm)].map(([, key, optional, type]) => ({ key, optional, type }));
  interfaces.set(name, members);
}
const aliases = new Map([...DTS.matchAll(/^export type (\w+) =\s*([\s\S]*?);$/gm)].map(([, name, type]) => [name, type.trim()]));

/** The alternatives of a union type, split at `|` outside brackets. */
function alternatives(type) {
  const parts = [];
  let depth = 0, start = 0;
  for (let i = 0; i < type.length; i++) {
    if ('<({['.includes(type[i])) depth++;
    if ('>)}]'.includes(type[i])) depth--;
    if (type[i] === '|' && depth === 0) parts.push(type.slice(start, i)), (start = i + 1);
  }
  return [...parts, type.slice(start)].map((t) => t.trim()).filter((t) => t !== '');
}

/** Problems of `value` against the TypeScript type `type` (empty when it fits). */
function check(value, type, at) {
  const options = alternatives(type);
  if (options.length > 1) {
    const failures = options.map((t) => check(value, t, at));
    return failures.some((f) => f.length === 0) ? [] : [`${at}: ${JSON.stringify(value)} is none of ${type}`, ...failures.flat()];
  }
  const record = type.match(/^(?:Partial<)?Record<(\w+), (\w+)>>?$/);
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if ((record || interfaces.has(type)) && !isObject) {
    return [`${at}: ${JSON.stringify(value)} is not an object (${type})`];
  } else if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return [`${at}: not an array`];
    return value.flatMap((v, i) => check(v, type.slice(0, -2), `${at}/${i}`));
  } else if (['string', 'number', 'boolean'].includes(type)) {
    return typeof value === type ? [] : [`${at}: ${JSON.stringify(value)} is not a ${type}`];
  } else if (type === 'null') {
    return value === null ? [] : [`${at}: not null`];
  } else if (/^["\d]/.test(type)) {
    return JSON.stringify(value) === type ? [] : [`${at}: ${JSON.stringify(value)} is not ${type}`];
  } else if (record) {
    return Object.entries(value).flatMap(([k, v]) => [...check(k, record[1], at), ...check(v, record[2], `${at}/${k}`)]);
  } else if (interfaces.has(type)) {
    const members = interfaces.get(type);
    const undeclared = Object.keys(value).filter((k) => !members.some((m) => m.key === k));
    return [
      ...undeclared.map((k) => `${at}/${k}: not declared in ${type}`),
      ...members.flatMap((m) => (m.key in value ? check(value[m.key], m.type, `${at}/${m.key}`) : m.optional ? [] : [`${at}/${m.key}: missing (${type})`])),
    ];
  } else if (aliases.has(type)) {
    return check(value, aliases.get(type), at);
  }
  // Inline object and intersection types (SelectorsResponse) are left to tsc (consumer.ts).
  return type.startsWith('{') || type.includes('&') ? [] : [`${at}: cannot check type ${type}`];
}

const fits = (value, type) => assert.deepEqual(check(value, type, type), []);

test('reports fit Report', () => {
  fits(validate('{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}', defaultContext()), 'Report');
  fits(validate('{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "Writeonly", "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::b"]}]}]}'), 'Report');
  fits(validate('{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": 1}]}', '{'), 'Report');
  fits(validate('{"TrailName": "t-trail", "AdvancedEventSelectors": [{"Name": "n", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}'), 'Report');
  fits(validate('{'), 'Report');
});

test('replay rows, summary and explanations fit Row, Summary and Explanation', () => {
  const session = new ReplaySession('{"TrailName": "t-trail", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "readOnly", "Equals": ["false"]}]}]}');
  const log = readFileSync(new URL('../events/seed-examples.json', import.meta.url));
  const rows = [...JSON.parse(session.push(log, true)), ...JSON.parse(session.push(new TextEncoder().encode('\n{"eventName": 3}\n'), true)), ...JSON.parse(session.finish(true))];
  assert.ok(rows.some((r) => 'message' in r) && rows.some((r) => r.logged));
  fits(rows, 'Row[]');
  fits(JSON.parse(session.summary()), 'Summary');
  const record = log.subarray(rows[1].offset, rows[1].offset + rows[1].length).toString();
  fits(JSON.parse(session.explain(record, rows[1].wrapping)), 'Explanation');
  fits(JSON.parse(session.explain('{', 0)), '{ problem: string }');
  session.free();
});

test('a VerdictStore\'s pages, places and report fit RowsPage, RowPlace and StoreReport', () => {
  const store = new VerdictStore('{"TrailName": "t-trail", "EventSelectors": [{}]}', undefined, '{"EventSelectors": [{"ReadWriteType": "WriteOnly"}]}');
  store.beginFile();
  store.push(readFileSync(new URL('../events/seed-examples.json', import.meta.url)));
  store.push(new TextEncoder().encode('\n{"eventName": 3}\n'));
  store.finish();
  const page = JSON.parse(store.page({ logged: 'all', selector: null, text: '' }, 0, 20));
  assert.ok(page.rows.some((r) => 'problem' in r) && page.rows.some((r) => r.logged));
  fits(page, 'RowsPage');
  fits(JSON.parse(store.place(0)), 'RowPlace');
  fits(JSON.parse(store.place(10)), '{ problem: string }');
  fits(JSON.parse(store.report()), 'StoreReport');
  store.free();
});
