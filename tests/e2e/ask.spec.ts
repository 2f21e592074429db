// Ask the trail (issue 10), as a user meets it: the panel loads on demand, presets and the
// question builder, exact answers with examples and what decided them, the console-template
// badge, the semantic diff against the trail's stored selectors, the checkers, and the question
// kept across a reload (the state every share link carries).
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'fs';
import * as path from 'path';
import { editorText, replaceText } from './page';

const ALL_S3 = '{"TrailName": "management-events", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}';
const ALL_BUT_LOGS = '{"TrailName": "management-events", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::logs/"]}]}]}';

async function openAsk(page: Page) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.getByTestId('status')).toBeVisible();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.getByTestId('ask-open').click();
  await expect(page.getByTestId('ask-question')).toBeVisible();
  return requests;
}

const answer = (page: Page) => page.getByTestId('ask-answer');

test('the panel loads on demand and answers a preset exactly, with examples', async ({ page }) => {
  const loaded = await openAsk(page);
  expect(loaded.some((p) => p.endsWith('/ask/ask-panel.js'))).toBe(true);
  await replaceText(page, 'request', ALL_BUT_LOGS);
  await page.getByTestId('ask-preset').selectOption({ label: 'S3 object writes, every bucket' });
  await expect(page.getByTestId('ask-question')).toHaveValue(/"readOnly": "false"/);
  await page.getByTestId('ask-button').click();
  await expect(answer(page)).toContainText('answer: some of');
  await expect(answer(page)).toContainText('not logged, e.g. s3.amazonaws.com PutObject on arn:aws:s3:::logs/');
  await expect(answer(page)).toContainText('NotStartsWith ["arn:aws:s3:::logs/"] excludes it');
  await answer(page).locator('details summary').last().click();
  await expect(answer(page).locator('pre.json').last()).toContainText('"eventCategory": "Data"');
  // An edit is answered again, without asking: all buckets now.
  await replaceText(page, 'request', ALL_S3);
  await expect(answer(page)).toContainText('answer: all of');
});

test('the builder adds keys with the catalogues\' values, and a bad question is refused, not guessed', async ({ page }) => {
  await openAsk(page);
  await page.getByTestId('ask-question').fill('{}');
  await page.getByTestId('ask-key').selectOption('eventCategory');
  await expect(page.locator('#ask-values option[value="Management"]')).toHaveCount(1);
  await page.getByTestId('ask-value').fill('Management');
  await page.getByTestId('ask-add').click();
  await expect(page.getByTestId('ask-question')).toHaveValue('{"eventCategory": "Management"}');
  await page.getByTestId('ask-button').click();
  // The default sample logs every management event.
  await expect(answer(page)).toContainText('answer: all of {"eventCategory":"Management"}');
  await page.getByTestId('ask-question').fill('{"eventname": "GetObject"}');
  await page.getByTestId('ask-button').click();
  await expect(answer(page)).toContainText('unknown key "eventname"');
});

test('the template badge, the diff against the stored selectors and the checkers', async ({ page }) => {
  await openAsk(page);
  await replaceText(page, 'request', ALL_S3);
  await expect(page.getByTestId('templates')).toContainText('= console template: Log all events (AWS::S3::Object)');
  const diff = page.getByTestId('ask-diff');
  // The trail stores the default selectors (every management event, no data events).
  await expect(diff).toContainText('only A logs: {"eventCategory":"Management"');
  await expect(diff).toContainText('only B logs: {"eventCategory":"Data"');
  await page.getByTestId('checkers-button').click();
  const checkers = page.getByTestId('checkers');
  await expect(checkers).toContainText('logs S3 write data events for all buckets: CloudTrail logs all');
  await expect(checkers).toContainText('Steampipe');
  await replaceText(page, 'request', ALL_BUT_LOGS);
  await expect(checkers.locator('.checker.disagrees').first()).toContainText('Prowler');
});

test('the question asked is kept: a reload (or a link) opens the panel with it', async ({ page }) => {
  await openAsk(page);
  await page.getByTestId('ask-question').fill('{"eventCategory": "Data"}');
  await page.getByTestId('ask-button').click();
  await expect(answer(page)).toContainText('answer: none of {"eventCategory":"Data"}');
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).join())).toContain('"question"');
  await page.reload();
  await expect(page.getByTestId('ask-question')).toHaveValue('{"eventCategory": "Data"}');
  await expect(answer(page)).toContainText('answer: none of');
});

test('a console template is inserted undoably, and an example replays in the replay panel', async ({ page }) => {
  await openAsk(page);
  await page.getByTestId('ask-template').selectOption({ label: 'Log only write events (data events)' });
  await page.getByTestId('ask-insert').click();
  await expect.poll(() => editorText(page, 'request')).toContain('"Equals": [\n            "false"');
  await expect(page.getByTestId('replaced')).toContainText('A console template inserted');
  await expect(page.getByTestId('templates')).toContainText('Log only write events (AWS::S3::Object)');
  // The insertion is undone like any other replacement; then inserted again.
  await page.getByTestId('undo-replace').click();
  await expect.poll(() => editorText(page, 'request')).not.toContain('"false"');
  await page.getByTestId('ask-insert').click();
  await expect(page.getByTestId('templates')).toContainText('Log only write events (AWS::S3::Object)');
  // The write preset is all logged; its example replays as one logged event.
  await page.getByTestId('ask-preset').selectOption({ label: 'S3 object writes, every bucket' });
  await page.getByTestId('ask-button').click();
  await expect(answer(page)).toContainText('answer: all of');
  await page.getByTestId('replay-example').first().click();
  await expect(page.getByTestId('replay-status')).toContainText('Replayed');
  await expect(page.locator('.result-row').first()).toContainText('PutObject');
  await expect(page.locator('.result-row.logged')).toHaveCount(1);
});

test('the coverage puzzles are a group of samples, and the checkers misjudge them as the spec says', async ({ page }) => {
  const index = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'crates/core/samples/index.json'), 'utf8'));
  const puzzles = index.filter((s: any) => s.group === 'coverage-puzzles');
  await openAsk(page);
  const group = page.locator('[data-testid=samples] optgroup[label^="Coverage puzzles"] option');
  await expect(group).toHaveCount(puzzles.length);
  // V4: a read-only selector; Prowler's write check passes it (checkers.md §1).
  await page.getByTestId('samples').selectOption('coverage-v4-advanced-s3-read-only');
  await page.getByTestId('checkers-button').click();
  const write = page.getByTestId('checkers').locator('li').filter({ hasText: 'Prowler' }).first();
  await expect(write).toContainText('PASS');
  await expect(page.getByTestId('checkers').locator('.checker.disagrees').first()).toContainText('Prowler');
});

test('Format writes the canonical form, undoably, and only for a request CloudTrail accepts', async ({ page }) => {
  await openAsk(page);
  const unordered = '{"TrailName": "management-events", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::b/", "arn:aws:s3:::a/"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "eventCategory", "Equals": ["Data"]}]}]}';
  await replaceText(page, 'request', unordered);
  await page.getByTestId('format').click();
  await expect.poll(() => editorText(page, 'request')).toContain('{\n  "TrailName": "management-events",\n');
  const text = (await editorText(page, 'request'))!;
  const fields = [...text.matchAll(/"Field": "([^"]+)"/g)].map((m) => m[1]);
  expect(fields).toEqual(['eventCategory', 'resources.type', 'resources.ARN']);
  expect(text.indexOf('arn:aws:s3:::a/')).toBeLessThan(text.indexOf('arn:aws:s3:::b/'));
  // Ctrl+Z brings the text back.
  await page.locator('.request-editor .cm-content').click();
  await page.keyboard.press('Control+Z');
  await expect.poll(() => editorText(page, 'request')).toBe(unordered);
  await replaceText(page, 'request', '{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "Often"}]}');
  await expect(page.getByTestId('format')).toBeDisabled();
});
