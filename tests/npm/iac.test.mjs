// `validate` on people's own files (issue 11 §4): the dialect read, every trail's report, and
// positions in the file as written (YAML, HCL, TypeScript).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from 'trailscope';

const TEMPLATE = `Resources:
  Logs:
    Type: AWS::S3::Bucket
  Audit:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: audit-trail
      EventSelectors:
        - DataResources:
            - Type: AWS::S3::Object
              Values: [!Sub "arn:\${AWS::Partition}:s3:::\${Logs}"]
  Other:
    Type: AWS::CloudTrail::Trail
    Properties:
      AdvancedEventSelectors:
        - FieldSelectors: [{Field: eventCategory, Equals: [Management]}]
`;

test('a CloudFormation template: every trail, errors on the YAML line, fixes that edit the template', () => {
  const report = validate(TEMPLATE);
  assert.equal(report.dialect, 'cloudformation-yaml');
  assert.deepEqual(report.trails.map((t) => [t.name, t.label, t.report.valid]), [['audit-trail', 'Audit', false], ['Other', 'Other', true]]);
  assert.deepEqual(report.diagnostics, report.trails[0].report.diagnostics, 'the top level is the first trail');
  const error = report.trails[0].report.diagnostics.find((d) => d.severity === 'error');
  assert.equal(error.message, 'Value arn:${AWS::Partition}:s3:::${Logs} for DataResources.Values is invalid.');
  assert.equal(error.line, 11);
  const [edit] = error.fixes[0].edits;
  const fixed = TEMPLATE.slice(0, edit.from) + edit.text + TEMPLATE.slice(edit.to);
  assert.match(fixed, /\$\{Logs\}\/"\]/);
  assert.equal(validate(fixed).trails[0].report.valid, true);
  assert.equal(validate(TEMPLATE, undefined, 'Other').trails.length, 1);
});

test('a Terraform file: unknown references are notes, never errors', () => {
  const tf = `resource "aws_cloudtrail" "main" {
  name = var.name
  event_selector {
    include_management_events = false
    data_resource {
      type   = "AWS::S3::Object"
      values = ["\${aws_s3_bucket.logs.arn}/", var.extra]
    }
  }
}
`;
  const report = validate(tf);
  assert.equal(report.dialect, 'terraform');
  assert.equal(report.valid, true, JSON.stringify(report.diagnostics));
  const notes = report.diagnostics.filter((d) => d.severity === 'note');
  assert.deepEqual(notes.map((d) => [d.code, d.line]), [['NotChecked', 2], ['NotChecked', 7], ['NotChecked', 7]]);
});

test('CDK props: positions count UTF-16 units, as the editor does', () => {
  const ts = `// 😀 trail\nnew CfnTrail(this, 'T', { trailName: 'cdk-trail', eventSelectors: [{ readWriteType: 'Writeonly' }] });\n`;
  const report = validate(ts);
  assert.equal(report.dialect, 'cdk');
  const [d] = report.diagnostics;
  assert.equal(ts.slice(d.from, d.to), "'Writeonly'");
  assert.equal(d.fixes[0].edits[0].text, "'WriteOnly'");
});

test('describe-trails output is an account context', () => {
  const context = JSON.stringify({ trailList: [{ Name: 'audit', TrailARN: 'arn:aws:cloudtrail:eu-west-1:222222222222:trail/audit', HomeRegion: 'eu-west-1' }] });
  const report = validate('{"TrailName": "audit", "EventSelectors": [{}]}', context);
  assert.equal(report.valid, true);
  assert.equal(report.response.TrailARN, 'arn:aws:cloudtrail:eu-west-1:222222222222:trail/audit');
  assert.equal(report.dialect, 'json');
});
