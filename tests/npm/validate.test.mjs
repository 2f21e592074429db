// The installed package (tests/npm/node_modules/trailscope, from `npm pack`) validating
// requests in Node: the same report as the CLI and the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, defaultContext } from 'trailscope';

test('a valid request gets the PutEventSelectors response with defaults', () => {
  const report = validate('{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}', defaultContext());
  assert.equal(report.valid, true);
  assert.equal(report.error, null);
  assert.equal(report.form, 'PutEventSelectorsRequest');
  assert.deepEqual(report.response, {
    TrailARN: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events',
    EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
  });
  assert.deepEqual(report.trail.after, report.response);
});

test('an invalid request gets the exception, its JSON pointer and positions', () => {
  // The emoji is one column, two UTF-16 units and four bytes: `from`/`to` and `start`/`end` differ.
  const request = '{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "😀Sometimes"}]}';
  const report = validate(request);
  assert.equal(report.valid, false);
  assert.equal(report.response, null);
  assert.deepEqual(report.error, {
    __type: 'InvalidEventSelectorsException',
    message: 'ReadWriteType "😀Sometimes" is not valid; valid values are ReadOnly, WriteOnly and All',
    http_status: 400,
    raised_by: 'service',
  });
  const [d] = report.diagnostics;
  assert.equal(d.code, 'InvalidEventSelectorsException');
  assert.equal(d.severity, 'error');
  assert.equal(d.pointer, '/EventSelectors/0/ReadWriteType');
  assert.deepEqual([d.line, d.column, d.end_line, d.end_column], [1, 63, 1, 75]);
  assert.equal(request.slice(d.from, d.to), '"😀Sometimes"');
  assert.deepEqual([d.start, d.end], [d.from, d.to + 2]);
  assert.match(d.spec, /^§/);
});

test('a fix is a list of edits that removes its diagnostic', () => {
  const request = '{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "Writeonly"}]}';
  const { diagnostics } = validate(request);
  const [edit] = diagnostics[0].fixes[0].edits;
  assert.equal(edit.text, '"WriteOnly"');
  const fixed = request.slice(0, edit.from) + edit.text + request.slice(edit.to);
  assert.equal(validate(fixed).valid, true);
});

test('client-side problems are a ParamValidationError, as botocore reports them', () => {
  const report = validate('{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": 1}]}');
  assert.equal(report.error.__type, 'ParamValidationError');
  assert.equal(report.error.raised_by, 'client');
  assert.equal('http_status' in report.error, false);
  assert.equal(report.diagnostics[0].pointer, '/EventSelectors/0/ReadWriteType');
});

test('a broken context is reported, not thrown; the request is judged without it', () => {
  const report = validate('{"TrailName": "t-trail", "EventSelectors": [{}]}', '{');
  assert.equal(report.valid, true);
  assert.equal(typeof report.context_error.message, 'string');
  assert.equal('context_error' in validate('{}'), false);
});
