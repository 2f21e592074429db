// The installed package replaying CloudTrail events in Node: verdict rows, counts, explanations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ReplaySession, VerdictStore } from 'trailscope';

const SEED_LOG = readFileSync(new URL('../events/seed-examples.json', import.meta.url));
const WRITE_ONLY = '{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}';

/** Every row of `log`, pushed in chunks of `size` bytes. */
function replay(session, log, size) {
  const rows = [];
  for (let i = 0; i < log.length; i += size) rows.push(...JSON.parse(session.push(log.subarray(i, i + size), true)));
  rows.push(...JSON.parse(session.finish(true)));
  return rows;
}

test('the seed log: verdicts, matched selectors and counts, across chunk boundaries', () => {
  const session = new ReplaySession(WRITE_ONLY);
  const rows = replay(session, SEED_LOG, 333);
  assert.equal(rows.length, 10);
  // Write management events only: the data events (PutObject, Invoke) need DataResources.
  const logged = rows.filter((r) => r.logged);
  assert.deepEqual(logged.map((r) => [r.eventSource, r.eventName, r.matched]), [
    ['ec2.amazonaws.com', 'RunInstances', [0]],
    ['rdsdata.amazonaws.com', 'ExecuteStatement', [0]],
  ]);
  const read = rows.find((r) => r.eventName === 'GetConsoleOutput');
  assert.deepEqual([read.logged, read.matched, read.category], [false, [], 'Management']);
  const summary = JSON.parse(session.summary());
  assert.deepEqual([summary.events, summary.logged, summary.not_logged, summary.problems], [10, 2, 8, 0]);
  assert.deepEqual(summary.by_selector, [2]);
  assert.deepEqual(summary.by_event['ec2.amazonaws.com RunInstances'], { events: 1, logged: 1 });
  session.free();
});

test('a row is explained from the bytes it points at', () => {
  const session = new ReplaySession(WRITE_ONLY);
  const row = replay(session, SEED_LOG, 1 << 16).find((r) => r.eventName === 'GetConsoleOutput');
  const record = SEED_LOG.subarray(row.offset, row.offset + row.length).toString('utf8');
  const why = JSON.parse(session.explain(record, row.wrapping));
  assert.equal(why.logged, false);
  assert.equal(why.category, 'Management');
  assert.equal(why.selectors[0].matched, false);
  assert.match(why.selectors[0].reason, /readOnly/);
  const broken = JSON.parse(session.explain('{', 0));
  assert.deepEqual(Object.keys(broken), ['problem']);
  assert.equal(typeof broken.problem, 'string');
  session.free();
});

test('counts only, broken records as problem rows, selectors as a trail stores them', () => {
  const session = ReplaySession.fromSelectors('{"TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/t", "EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true}]}');
  const bytes = new TextEncoder().encode('{"eventName": "RunInstances", "readOnly": false, "eventCategory": "Management"}\n{"eventName": 3}\n');
  assert.equal(JSON.parse(session.push(bytes, false)) + JSON.parse(session.finish(false)), 1);
  const problems = replay(new ReplaySession(WRITE_ONLY), bytes, 7).filter((r) => !('logged' in r));
  assert.deepEqual(problems.map((p) => p.index), [1]);
  assert.equal(typeof problems[0].message, 'string');
});

test('invalid selectors throw the validation error', () => {
  assert.throws(() => new ReplaySession('{"TrailName": "ab", "EventSelectors": [{}]}'), /^Error: InvalidTrailNameException: /);
});

test('stored selectors that PutEventSelectors would refuse throw', () => {
  const six = JSON.stringify({ EventSelectors: Array(6).fill({}) });
  assert.throws(() => ReplaySession.fromSelectors(six), /^Error: the stored selectors would be refused \(InvalidEventSelectorsException at \/EventSelectors\/5\): /);
});

test('a VerdictStore keeps the rows: filtered pages, places to explain from, the top events', () => {
  const store = new VerdictStore(WRITE_ONLY, undefined, '{"EventSelectors": [{}]}');
  store.beginFile();
  for (let i = 0; i < SEED_LOG.length; i += 333) store.push(SEED_LOG.subarray(i, i + 333));
  store.finish();
  assert.equal(store.rows, 10);
  const page = (logged, selector, start = 0, count = 20) => JSON.parse(store.page({ logged, selector, text: '' }, start, count));
  assert.deepEqual([page('all', null).total, page('logged', null).total, page('not', null).total, page('logged', 0).total], [10, 2, 8, 2]);
  // The default trail logged the 4 management events; write-only keeps 2 of them.
  const changed = page('changed', null);
  assert.equal(changed.total, 2);
  assert.ok(changed.rows.every((r) => r.logged === false));
  assert.deepEqual(changed.before, [true, true]);
  assert.deepEqual(page('all', null, 8).rows.map((r) => r.index), [8, 9]);
  const place = JSON.parse(store.place(changed.rows[0].index));
  const record = SEED_LOG.subarray(place.offset, place.offset + place.length).toString('utf8');
  assert.equal(JSON.parse(store.explain(record, place.wrapping)).logged, false);
  assert.equal(JSON.parse(store.place(10)), null);
  const report = JSON.parse(store.report());
  assert.deepEqual([report.summary.events, report.compared, report.top[0]], [10, true, { name: 'lambda.amazonaws.com Invoke', events: 4, logged: 0 }]);
  store.free();
});

test('a VerdictStore pages the rows ReplaySession gives (one row shape), less the eventID it does not keep', () => {
  const request = '{"TrailName": "t-trail", "EventSelectors": [{}]}';
  const tail = new TextEncoder().encode('\n{"eventName": 3}\n');
  const session = new ReplaySession(request);
  const rows = [...JSON.parse(session.push(SEED_LOG, true)), ...JSON.parse(session.push(tail, true)), ...JSON.parse(session.finish(true))];
  session.free();
  const store = new VerdictStore(request, undefined, '{"EventSelectors": [{"ReadWriteType": "WriteOnly"}]}');
  store.beginFile();
  store.push(SEED_LOG);
  store.push(tail);
  store.finish();
  const page = JSON.parse(store.page({ logged: 'all', selector: null, text: '' }, 0, 20));
  assert.equal(page.total, 11);
  assert.deepEqual(page.rows, rows.map((r) => ('message' in r ? r : { ...r, eventID: null })));
  const problem = page.rows.find((r) => 'message' in r);
  assert.deepEqual(Object.keys(problem).sort(), ['column', 'index', 'line', 'message', 'offset']);
  assert.equal(page.before.length, page.rows.length);
  assert.equal(page.before[problem.index], false);
  assert.deepEqual(Object.keys(JSON.parse(store.place(0))).sort(), ['file', 'length', 'offset', 'row', 'wrapping']);
  assert.deepEqual(JSON.parse(store.place(problem.index)), { problem: problem.message });
  const report = JSON.parse(store.report());
  assert.deepEqual(Object.keys(report).sort(), ['compared', 'summary', 'top']);
  assert.deepEqual(Object.keys(report.top[0]).sort(), ['events', 'logged', 'name']);
  store.free();
  // Without stored selectors pages carry no verdicts before.
  const plain = new VerdictStore(request, undefined, undefined);
  plain.beginFile();
  plain.push(SEED_LOG);
  plain.finish();
  assert.deepEqual(JSON.parse(plain.page({ logged: 'all', selector: null, text: '' }, 0, 1)).before, []);
  plain.free();
});
