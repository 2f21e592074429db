// People's own files in the request editor (issue 11 §4), in a real browser: the badge names the
// dialect, the ask worker's importers put the diagnostics at their places in the file, with the
// codes, messages and fixes of the JSON path; a trail picker for files with several trails; the
// replay runs the picked trail; describe-trails output is a context; samples and share links.
import { test, expect, type Page } from '@playwright/test';
import * as path from 'path';
import { editorText, replaceText } from './page';

const AXE = path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

/** ReadWriteType misspelt on line 7. */
const YAML = `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: management-events
      EventSelectors:
        - ReadWriteType: Writeonly
          IncludeManagementEvents: true
`;
/** The same selectors as a JSON request. */
const JSON_REQUEST = '{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "Writeonly", "IncludeManagementEvents": true}]}';

/** Two trails; the second's ReadWriteType (line 11) is not one. */
const TERRAFORM = `resource "aws_cloudtrail" "first" {
  name = "management-events"
  event_selector {
    read_write_type = "All"
  }
}

resource "aws_cloudtrail" "second" {
  name = "org-audit"
  event_selector {
    read_write_type = "Sometimes"
  }
}
`;

async function open(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.locator('.request-editor .cm-content')).toBeVisible();
  await expect(page.getByTestId('status').first()).toBeVisible();
}

/** The element shown with this test id (a file's view hides the page's own problems and result). */
const shown = (page: Page, id: string) => page.getByTestId(id).locator('visible=true');

/** The 1-based editor line holding an error mark. */
async function markedLines(page: Page): Promise<number[]> {
  return page.locator('.request-editor .cm-line').evaluateAll((lines) =>
    lines.flatMap((line, i) => (line.querySelector('.cm-lintRange-error') ? [i + 1] : [])));
}

/** The problem rows shown, as [code, message]. */
async function problems(page: Page): Promise<string[][]> {
  return page.locator('.problem:visible').evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-code') ?? '', r.querySelector('.message')?.textContent ?? '']));
}

test('a CloudFormation YAML template: the badge, the error on its YAML line, the JSON path\'s code and message, a fix that edits the YAML', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('dialect')).toHaveText('JSON request');
  await replaceText(page, 'request', JSON_REQUEST);
  await expect(shown(page, 'status')).toContainText('InvalidEventSelectorsException');
  const asJson = await problems(page);
  expect(asJson[0][0]).toBe('InvalidEventSelectorsException');

  await replaceText(page, 'request', YAML);
  await expect(page.getByTestId('dialect')).toHaveText('CloudFormation YAML');
  await expect(shown(page, 'status')).toHaveText('400 InvalidEventSelectorsException');
  await expect.poll(() => problems(page)).toEqual(asJson);
  await expect.poll(() => markedLines(page)).toEqual([7]);
  // Plain text: no JSON highlighting, no JSON syntax error on the YAML.
  await expect(page.locator('.problem[data-code=JsonSyntaxError]:visible')).toHaveCount(0);

  await page.locator('.problem:visible').first().getByRole('button', { name: /^Fix:/ }).click();
  await expect.poll(() => editorText(page, 'request')).toBe(YAML.replace('Writeonly', '"WriteOnly"'));
  await expect(shown(page, 'status')).toHaveText('200 OK · CloudTrail would accept these selectors');
  await expect(page.getByTestId('dialect')).toHaveText('CloudFormation YAML');
  await expect(shown(page, 'error-count')).toHaveText('0 errors');
  await expect.poll(() => markedLines(page)).toEqual([]);

  // Back to JSON: the page's own analysis again.
  await replaceText(page, 'request', JSON_REQUEST.replace('Writeonly', 'WriteOnly'));
  await expect(page.getByTestId('dialect')).toHaveText('JSON request');
  await expect(shown(page, 'status')).toHaveText('200 OK · CloudTrail would accept this request');
});

test('a Terraform file with two trails: the picker lists both with their status; picking the second shows its problems', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', TERRAFORM);
  await expect(page.getByTestId('dialect')).toHaveText('Terraform');
  const picker = page.getByRole('combobox', { name: /Trail/ });
  await expect(picker.locator('option')).toHaveText([/^management-events .*· valid$/, /^org-audit .*· 1 error$/]);
  await expect(shown(page, 'status')).toHaveText('200 OK · CloudTrail would accept these selectors');
  await expect.poll(() => markedLines(page)).toEqual([]);

  await picker.selectOption({ index: 1 });
  await expect(shown(page, 'status')).toHaveText('400 InvalidEventSelectorsException');
  await expect(shown(page, 'error-count')).toHaveText('1 error');
  await expect(page.locator('.problem:visible .where').first()).toHaveText(/^11:/);
  await expect.poll(() => markedLines(page)).toEqual([11]);
  await expect(page.getByTestId('file-judged')).toContainText('need valid selectors');
});

test('the replay runs the picked trail\'s selectors', async ({ page }) => {
  await open(page);
  await page.getByTestId('samples').selectOption('write-only-management');
  await page.getByTestId('replay-seed').click();
  await expect(page.getByTestId('replay-status')).toContainText('Replayed');
  const writes = await page.getByTestId('count-logged').textContent();

  await page.getByTestId('samples').selectOption('file:terraform.tf');
  await expect(page.getByTestId('dialect')).toHaveText('Terraform');
  await expect(page.getByTestId('file-judged')).toContainText('judge this trail');
  await page.getByTestId('replay-seed').click();
  await expect(page.getByTestId('replay-status')).toContainText('Replayed');
  await expect(page.getByTestId('count-logged')).toHaveText(writes!);
});

test('describe-trails output in the context editor is the account context', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', '{"TrailName": "audit", "EventSelectors": [{}]}');
  await expect(shown(page, 'status')).toContainText('TrailNotFoundException');
  const listed = JSON.stringify({ trailList: [{ Name: 'audit', TrailARN: 'arn:aws:cloudtrail:eu-west-1:222222222222:trail/audit', HomeRegion: 'eu-west-1' }] }, null, 2);
  await replaceText(page, 'context', listed);
  await expect(shown(page, 'status')).toHaveText('200 OK · CloudTrail would accept this request');
  await expect(page.getByTestId('context-ignored')).toHaveCount(0);
  await expect(shown(page, 'result')).toContainText('arn:aws:cloudtrail:eu-west-1:222222222222:trail/audit');
  expect(await editorText(page, 'context')).toBe(listed);
});

const SAMPLE_FILES = [
  ['cloudformation.yaml', 'CloudFormation YAML'], ['cloudformation.json', 'CloudFormation JSON'], ['terraform.tf', 'Terraform'],
  ['terraform-plan.json', 'Terraform JSON'], ['cdk.ts', 'CDK'],
];
for (const [file, dialect] of SAMPLE_FILES) {
  test(`the ${dialect} sample loads valid`, async ({ page }) => {
    await open(page);
    await page.getByTestId('samples').selectOption(`file:${file}`);
    await expect(page.getByTestId('dialect')).toHaveText(dialect);
    await expect(shown(page, 'status')).toHaveText('200 OK · CloudTrail would accept these selectors');
    await expect(shown(page, 'error-count')).toHaveText('0 errors');
    const picker = page.getByRole('combobox', { name: /Trail/ });
    for (const option of await picker.locator('option').allTextContents()) expect(option).toMatch(/· valid$/);
    await expect(page.getByTestId('replaced')).toContainText('A sample file loaded');
    // The view holds the picker (several trails) or nothing in its place, never the word "null".
    await expect(page.locator('.iac-problems')).toContainText('Problems');
    expect(await page.locator(".iac-problems").evaluate((e) => e.firstChild?.nodeType)).toBe(1);
    // The menu names the file while the request is still it, "Custom" once edited.
    await expect(page.getByTestId('samples')).toHaveValue(`file:${file}`);
    await page.locator('.request-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    await expect(page.getByTestId('samples')).toHaveValue('');
  });
}

test('the describe-trails sample is the account context, for the default request', async ({ page }) => {
  await open(page);
  await page.getByTestId('samples').selectOption('file:describe-trails.json');
  await expect.poll(() => editorText(page, 'context')).toContain('"trailList"');
  await expect(page.getByTestId('dialect')).toHaveText('JSON request');
  await expect(shown(page, 'status')).toHaveText('200 OK · CloudTrail would accept this request');
  await expect(page.getByTestId('context-ignored')).toHaveCount(0);
  await expect(shown(page, 'result')).toContainText('arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events');
  await expect(page.getByTestId('replaced')).toContainText('A sample file loaded');
});

test('a share link keeps the Terraform text as written and the trail picked', async ({ page, browser }) => {
  await open(page);
  await replaceText(page, 'request', TERRAFORM);
  const picker = page.getByRole('combobox', { name: /Trail/ });
  await expect(picker).toBeVisible();
  await expect(shown(page, 'status')).toHaveText('200 OK · CloudTrail would accept these selectors');
  await picker.selectOption('1');
  await expect(shown(page, 'status')).toHaveText('400 InvalidEventSelectorsException');
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();

  const other = await (await browser.newContext()).newPage();
  await open(other, link);
  await expect.poll(() => editorText(other, 'request')).toBe(TERRAFORM);
  await expect(other.getByTestId('dialect')).toHaveText('Terraform');
  const picked = other.getByRole('combobox', { name: /Trail/ });
  await expect(picked.locator('option')).toHaveCount(2);
  await expect(picked).toHaveValue('1');
  await expect(shown(other, 'status')).toHaveText('400 InvalidEventSelectorsException');
  // The last visit keeps the pick too (local storage): the page opened without a link. The
  // page saves after analysing the picked trail, a debounce after the view shows it.
  await expect.poll(() => other.evaluate(() => localStorage.getItem('trailscope.state'))).toContain('"trail":"aws_cloudtrail.second"');
  await open(other, '/');
  await expect.poll(() => editorText(other, 'request')).toBe(TERRAFORM);
  await expect(other.getByRole('combobox', { name: /Trail/ })).toHaveValue('1');
});

/** Drops a file holding `text` on an editor, as a file manager would. */
async function drop(page: Page, which: 'request' | 'context', name: string, text: string) {
  const data = await page.evaluateHandle(([name, text]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'text/plain' }));
    return transfer;
  }, [name, text]);
  await page.locator(`.${which}-editor .cm-content`).dispatchEvent('drop', { dataTransfer: data });
}

test('a file dropped on the request editor replaces its text, undoably, and is read as its dialect', async ({ page }) => {
  await open(page);
  const before = await editorText(page, 'request');
  await drop(page, 'request', 'main.tf', TERRAFORM);
  await expect.poll(() => editorText(page, 'request')).toBe(TERRAFORM);
  await expect(page.getByTestId('dialect')).toHaveText('Terraform');
  await expect(page.getByRole('combobox', { name: /Trail/ }).locator('option')).toHaveCount(2);
  // One change of its own: undo brings back the request it replaced, read as JSON again.
  await page.locator('.request-editor .cm-content').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page, 'request')).toBe(before);
  await expect(page.getByTestId('dialect')).toHaveText('JSON request');
});

test('a dropped file past the 4 MiB input limit is read only to the limit, and the page says it is too large', async ({ page }) => {
  await open(page);
  await drop(page, 'request', 'huge.json', `{"TrailName": "${'a'.repeat(5 * 1024 * 1024)}"}`);
  await expect.poll(async () => (await editorText(page, 'request'))?.length).toBe(4 * 1024 * 1024 + 1);
  await expect(shown(page, 'status')).toContainText('InputTooLarge');
});

test.describe('axe', () => {
  // axe-core is injected as a script: the page's CSP would block it.
  test.use({ bypassCSP: true });
  for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation with the badge and the trail picker (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await replaceText(page, 'request', TERRAFORM);
    await expect(page.getByRole('combobox', { name: /Trail/ })).toBeVisible();
    await expect(page.getByTestId('dialect')).toHaveText('Terraform');
    await page.addScriptTag({ path: AXE });
    const results = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
});
