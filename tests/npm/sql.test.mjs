// The installed package writing SQL: the same text as `trailscope sql`, typed options, the
// trail's state from a context, and refusals as `{refused}`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSql, sqlLayout } from 'trailscope';

const S3_BUT_LOGS = JSON.stringify({
  TrailName: 'audit',
  AdvancedEventSelectors: [{ FieldSelectors: [
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
    { Field: 'resources.ARN', NotStartsWith: ["arn:aws:s3:::it's/"] },
  ] }],
});

test('toSql writes each dialect and mode', () => {
  const athena = toSql(S3_BUT_LOGS, undefined, { dialect: 'athena', mode: 'select' }).answer;
  assert.match(athena, /FROM cloudtrail_logs_pp s/);
  assert.match(athena, /NOT starts_with\(coalesce\(r\.arn, r\.arnprefix\), 'arn:aws:s3:::it''s\/'\)/);
  const spark = toSql(S3_BUT_LOGS, undefined, { dialect: 'spark', mode: 'count', table: 'db.trail' }).answer;
  assert.match(spark, /FROM db\.trail s/);
  assert.match(spark, /'arn:aws:s3:::it\\'s\/'/);
  assert.match(spark, /GROUPING SETS/);
  const duckdb = toSql(S3_BUT_LOGS, undefined, { dialect: 'duckdb', mode: 'view', source: 'logs/*.json.gz' }).answer;
  assert.match(duckdb, /CREATE OR REPLACE VIEW trailscope_logged AS/);
  assert.match(duckdb, /read_json\('logs\/\*\.json\.gz'/);
  assert.match(sqlLayout('duckdb'), /read_json/);
});

test('toSql reads the trail state and refuses what it cannot write', () => {
  const context = JSON.stringify({ account: '123456789012', region: 'us-east-1', trails: [{ name: 'audit', homeRegion: 'us-east-1', isLogging: false }] });
  assert.equal(toSql(S3_BUT_LOGS, context, { dialect: 'athena', mode: 'where' }).answer, 'FALSE');
  assert.match(toSql(S3_BUT_LOGS, undefined, { dialect: 'athena', mode: 'select', source: 'x' }).refused, /--source is for DuckDB/);
  assert.match(toSql('{"TrailName": "audit", "EventSelectors": [{"ReadWriteType": "Sometimes"}]}', undefined, { dialect: 'duckdb', mode: 'where' }).refused, /InvalidEventSelectorsException/);
  assert.match(toSql(S3_BUT_LOGS, undefined, { dialect: 'oracle', mode: 'where' }).refused, /invalid options/);
});
