// The installed package exporting selectors: the same exports as `trailscope export`, from the
// canonical selectors, or a refusal that says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportAs, exportDialects, canonical } from 'trailscope';

const REQUEST = JSON.stringify({
  TrailName: 'audit',
  AdvancedEventSelectors: [{ Name: "it's ${env}", FieldSelectors: [
    { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::logs/'] },
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
  ] }],
});

test('exportDialects lists the six dialects, each with a label and a file extension', () => {
  const menu = exportDialects();
  assert.deepEqual(menu.map((d) => d.id), ['cli', 'boto3', 'cfn-yaml', 'cfn-json', 'terraform', 'cdk']);
  assert.deepEqual(menu.map((d) => d.extension), ['sh', 'py', 'yaml', 'json', 'tf', 'ts']);
  assert.ok(menu.every((d) => d.label.length > 0));
});

test('every dialect exports; CloudFormation JSON holds the canonical selectors', () => {
  for (const { id } of exportDialects()) assert.equal(typeof exportAs(REQUEST, id).answer, 'string', id);
  const template = JSON.parse(exportAs(REQUEST, 'cfn-json').answer);
  const { AdvancedEventSelectors } = template.Resources.Trail.Properties;
  assert.deepEqual({ AdvancedEventSelectors }, canonical(REQUEST).answer);
  assert.match(exportAs(REQUEST, 'terraform').answer, /name = "it's \$\$\{env\}"/);
  assert.match(exportAs(REQUEST, 'cli').answer, /"Name": "it'\\''s \$\{env\}"/);
});

test('an invalid request, a dialect that cannot hold the selectors and an unknown dialect are refused', () => {
  assert.match(exportAs('{"TrailName": "x", "EventSelectors": [{}]}', 'cli').refused, /InvalidTrailNameException/);
  const emptyName = REQUEST.replace("it's ${env}", '');
  assert.match(exportAs(emptyName, 'cdk').refused, /minLength 1.*D51/);
  assert.equal(typeof exportAs(emptyName, 'terraform').answer, 'string');
  assert.match(exportAs(REQUEST, 'yaml').refused, /no dialect "yaml"/);
});

test('the request is judged in the account context, as validate judges it', () => {
  const context = (trails) => JSON.stringify({ account: '123456789012', region: 'us-east-1', trails });
  assert.match(exportAs(REQUEST, 'cli', context([])).refused, /TrailNotFoundException/);
  assert.equal(typeof exportAs(REQUEST, 'cli', context([{ name: 'audit', homeRegion: 'us-east-1' }])).answer, 'string');
  assert.match(exportAs(REQUEST, 'cli', '{').refused, /invalid context/);
});
