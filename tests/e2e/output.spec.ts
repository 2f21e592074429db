// Export and SQL (issues 11 §4 and 13), as a user meets it: the card loads on demand; the
// "Export as" menu shows the core's export of the request in each dialect and copies it; the SQL
// tab writes each engine's query in each mode over the table or files given, saying which table
// layout it assumes; an invalid request (or SQL the engine cannot say exactly) shows the refusal,
// never text; an edit refreshes the output; axe finds nothing serious in either theme.
import { test, expect, type Page } from '@playwright/test';
import { replaceText, violations } from './page';

const BUCKET = 'arn:aws:s3:::audit-bucket/';
/** Selectors in canonical order (what an export holds, decisions D50). */
const selectors = (prefix: string) => [
  {
    Name: 'S3 writes',
    FieldSelectors: [
      { Field: 'eventCategory', Equals: ['Data'] },
      { Field: 'readOnly', Equals: ['false'] },
      { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
      { Field: 'resources.ARN', StartsWith: [prefix] },
    ],
  },
];
const request = (prefix: string) => JSON.stringify({ TrailName: 'management-events', AdvancedEventSelectors: selectors(prefix) });
const INVALID = '{"TrailName": "my--trail", "EventSelectors": [{"ReadWriteType": "Often"}]}';
/** The default context with the trail stopped: its SQL selects nothing (decisions D33). */
const STOPPED = JSON.stringify({
  account: '123456789012', region: 'us-east-1', partition: 'aws',
  trails: [{ name: 'management-events', homeRegion: 'us-east-1', account: '123456789012', isOrganizationTrail: false, status: 'ok', isLogging: false }],
});

/** What each export dialect's text holds for REQUEST: the call or resource, the trail, the value. */
const EXPORTS: [string, string, string[]][] = [
  ['cli', 'AWS CLI command', ['aws cloudtrail put-event-selectors', '--trail-name', 'management-events', BUCKET]],
  ['boto3', 'boto3 (Python)', ['client.put_event_selectors(', 'TrailName="management-events"', `"StartsWith": ["${BUCKET}"]`]],
  ['cfn-yaml', 'CloudFormation (YAML)', ['Type: AWS::CloudTrail::Trail', 'TrailName: management-events', BUCKET]],
  ['cfn-json', 'CloudFormation (JSON)', ['"AWS::CloudTrail::Trail"', '"TrailName": "management-events"', BUCKET]],
  ['terraform', 'Terraform (aws_cloudtrail)', ['resource "aws_cloudtrail"', '"management-events"', BUCKET]],
  ['cdk', 'CDK (TypeScript CfnTrail)', ['new CfnTrail(', "trailName: 'management-events'", `startsWith: ['${BUCKET}']`]],
];

/** What each query mode's SQL starts with or holds. */
const MODES: [string, string][] = [
  ['select', 'SELECT eventid'],
  ['count', 'GROUPING SETS'],
  ['view', 'CREATE OR REPLACE VIEW trailscope_logged'],
  ['where', BUCKET],
];

/** Each engine: where its queries read from by default and when given one, and its layout. */
const ENGINES = [
  { id: 'athena', input: 'sql-table', given: 'audit_db.trail_logs', fallback: 'cloudtrail_logs_pp', layout: 'CREATE EXTERNAL TABLE cloudtrail_logs_pp' },
  { id: 'spark', input: 'sql-table', given: 'audit_db.trail_logs', fallback: 'cloudtrail_logs_pp', layout: 'spark.read.json' },
  { id: 'duckdb', input: 'sql-source', given: 'logs/2026/*.json.gz', fallback: "read_json('*.json.gz'", layout: 'read_json' },
];

const text = (page: Page) => page.getByTestId('output-text');
const refused = (page: Page) => page.getByTestId('output-refused');

async function openOutput(page: Page, body = request(BUCKET)) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.getByTestId('status')).toBeVisible();
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await replaceText(page, 'request', body);
  await page.getByTestId('output-open').click();
  await expect(page.getByTestId('output-dialect')).toBeVisible();
  return loaded;
}

test('the card loads on demand, from the page\'s own files', async ({ page }) => {
  const loaded = await openOutput(page);
  await expect(text(page)).toContainText('aws cloudtrail put-event-selectors');
  expect(loaded.some((u) => u.endsWith('/output/output-panel.js'))).toBe(true);
  const origin = new URL(page.url()).origin;
  expect(loaded.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'))).toEqual([]);
});

test('Export as: each dialect is the core\'s export of the request; CloudFormation JSON parses', async ({ page }) => {
  await openOutput(page);
  const dialect = page.getByTestId('output-dialect');
  await expect(dialect.locator('option')).toHaveText(EXPORTS.map(([, label]) => label));
  for (const [id, , holds] of EXPORTS) {
    await dialect.selectOption(id);
    for (const part of holds) await expect(text(page), `${id} holds ${part}`).toContainText(part);
  }
  await dialect.selectOption('cfn-json');
  await expect(text(page)).toContainText('"Resources"');
  const template = JSON.parse((await text(page).textContent())!);
  const trail = template.Resources.Trail.Properties;
  expect(trail.TrailName).toBe('management-events');
  expect(trail.AdvancedEventSelectors).toEqual(selectors(BUCKET));
});

test('Copy puts the text on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openOutput(page);
  await page.getByTestId('output-dialect').selectOption('terraform');
  await expect(text(page)).toContainText('resource "aws_cloudtrail"');
  await page.getByTestId('output-copy').click();
  await expect(page.getByTestId('output-copied')).toHaveText('Copied the Terraform (aws_cloudtrail) to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text(page).textContent());
  // The next output clears the announcement.
  await page.getByTestId('output-dialect').selectOption('cdk');
  await expect(page.getByTestId('output-copied')).toHaveText('');
});

test('SQL: each engine and mode, over the table or files given, with the layout it assumes', async ({ page }) => {
  await openOutput(page);
  await page.getByTestId('output-tab-sql').click();
  for (const engine of ENGINES) {
    await page.getByTestId('sql-dialect').selectOption(engine.id);
    await expect(page.getByTestId('sql-layout')).toContainText(engine.layout);
    await expect(page.getByTestId(engine.input)).toBeVisible();
    for (const [mode, holds] of MODES) {
      await page.getByTestId('sql-mode').selectOption(mode);
      await expect(text(page), `${engine.id} ${mode}`).toContainText(holds);
      await expect(text(page), `${engine.id} ${mode}`).toContainText(BUCKET);
    }
    await page.getByTestId('sql-mode').selectOption('select');
    await page.getByTestId(engine.input).fill('');
    await expect(text(page)).toContainText(engine.fallback);
    await page.getByTestId(engine.input).fill(engine.given);
    await expect(text(page)).toContainText(engine.given);
  }
});

test('an invalid request shows the refusal, never an export or SQL', async ({ page }) => {
  await openOutput(page, INVALID);
  await expect(refused(page)).toContainText('the request is not valid');
  await expect(text(page)).toBeHidden();
  await expect(page.getByTestId('output-copy')).toBeDisabled();
  await page.getByTestId('output-tab-sql').click();
  await expect(refused(page)).toContainText('the selectors are not valid');
  await expect(text(page)).toBeHidden();
  // A value SQL cannot hold exactly (a NUL, decisions D42) is refused by the engine too.
  await replaceText(page, 'request', request('arn:aws:s3:::audit-bucket/\u0000'));
  await expect(refused(page)).toContainText('cannot write this exactly in SQL');
});

test('editing the request or the account context refreshes the output', async ({ page }) => {
  await openOutput(page);
  await expect(text(page)).toContainText(BUCKET);
  await replaceText(page, 'request', request('arn:aws:s3:::other-bucket/'));
  await expect(text(page)).toContainText('arn:aws:s3:::other-bucket/');
  await expect(text(page)).not.toContainText(BUCKET);
  await page.getByTestId('output-tab-sql').click();
  await expect(text(page)).toContainText('-- Judged for a logging');
  await replaceText(page, 'context', STOPPED);
  await expect(text(page)).toContainText('-- Judged for a trail that is not logging');
  await replaceText(page, 'request', INVALID);
  await expect(refused(page)).toBeVisible();
  await expect(text(page)).toBeHidden();
});

test('the tabs work from the keyboard', async ({ page }) => {
  await openOutput(page);
  await page.getByTestId('output-tab-export').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('output-tab-sql')).toBeFocused();
  await expect(page.getByTestId('output-tab-sql')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sql-dialect')).toBeVisible();
  await expect(page.getByTestId('output-dialect')).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('sql-dialect')).toBeFocused();
});

test.describe('axe-core and the phone layout', () => {
  test.use({ bypassCSP: true, viewport: { width: 390, height: 844 } });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the opened panel, ${scheme}: no serious or critical violation, no overflow`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openOutput(page);
      await expect(text(page)).toContainText(BUCKET);
      expect(await violations(page), 'export').toEqual([]);
      await page.getByTestId('output-tab-sql').click();
      await expect(text(page)).toContainText('SELECT');
      expect(await violations(page), 'sql').toEqual([]);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1] + 1);
      const card = await page.getByTestId('output-panel').boundingBox();
      expect(card!.x + card!.width).toBeLessThanOrEqual(391);
    });
  }
});
