// The installed package answering questions in Node: the same answers as `trailscope covers`,
// `diff`, `fmt`, `presets` and `checkers`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covers, diff, canonical, presets, templates, checkers } from 'trailscope';

const S3_BUT_LOGS = JSON.stringify({
  TrailName: 'audit',
  AdvancedEventSelectors: [{ FieldSelectors: [
    { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::logs/'] },
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
  ] }],
});
const ALL_S3 = JSON.stringify({
  TrailName: 'audit',
  EventSelectors: [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] }] }],
});

test('covers answers some, with an unlogged example in the excluded bucket', () => {
  const asked = covers(S3_BUT_LOGS, '{"eventCategory": "Data", "resources.type": "AWS::S3::Object", "readOnly": "false"}');
  const coverage = asked.answer;
  assert.equal(coverage.answer, 'some');
  assert.equal(coverage.trail.assumed, true);
  assert.ok(coverage.unloggedExample.record.resources[0].ARN.startsWith('arn:aws:s3:::logs/'));
  assert.equal(coverage.unloggedExample.deciding[0].field_selector, 0);
  assert.equal(coverage.loggedExample.logged, true);
});

test('covers reads the trail state from the context, and refuses what it cannot answer', () => {
  const context = JSON.stringify({ account: '123456789012', region: 'us-east-1', trails: [{ name: 'audit', homeRegion: 'us-east-1', isLogging: false }] });
  assert.equal(covers(S3_BUT_LOGS, '{"eventCategory": "Data"}', context).answer.answer, 'none');
  assert.deepEqual(Object.keys(covers(S3_BUT_LOGS, '{"eventname": "x"}')), ['refused']);
  assert.match(covers('{"TrailName": "audit", "EventSelectors": [{"ReadWriteType": "Sometimes"}]}', '{}').refused, /InvalidEventSelectorsException/);
});

test('diff, canonical, presets, templates and checkers', () => {
  const d = diff(ALL_S3, S3_BUT_LOGS).answer;
  assert.equal(d.equivalent, false);
  assert.deepEqual(d.onlyA[0].question['resources.ARN'], { StartsWith: 'arn:aws:s3:::logs/' });
  assert.equal(diff(ALL_S3, ALL_S3.replace('arn:aws:s3:::', 'arn:aws:s3')).answer.equivalent, true);
  const fields = canonical(S3_BUT_LOGS).answer.AdvancedEventSelectors[0].FieldSelectors.map((f) => f.Field);
  assert.deepEqual(fields, ['eventCategory', 'resources.type', 'resources.ARN']);
  assert.ok(presets().some((p) => p.id === 'cis-s3-write' && p.source.includes('S3.22')));
  assert.deepEqual(templates(ALL_S3).answer.map((t) => t.template), ['log-all-events']);
  const rows = checkers(S3_BUT_LOGS).answer;
  assert.equal(rows[0].check, 's3Write');
  assert.equal(rows[0].checkers.find((c) => c.checker === 'prowler').agrees, false);
});
