// Editor help (issue 12 §4), as a user meets it: the fixes the problems list and the editor's
// tooltip offer where a value or key is wrong, including a fix that edits the account context.
import { test, expect, type Page } from '@playwright/test';
import { editorText, replaceText } from './page';

async function open(page: Page) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.getByTestId('status')).toBeVisible();
}

const problem = (page: Page, code: string) => page.locator(`li.problem[data-code=${code}]`);

test('an unknown key gets a "Remove" fix that leaves valid JSON', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', '{"TrailName": "management-events", "Foo": 1, "EventSelectors": [{"ReadWriteType": "All"}]}');
  const row = problem(page, 'ParamValidationError');
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Fix: Remove "Foo"' }).click();
  await expect.poll(() => editorText(page, 'request')).toBe('{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "All"}]}');
  await expect(page.getByTestId('status')).toHaveText(/^200 OK/);
});

test('an enum value far from every choice offers each choice to pick', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', '{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "Everything"}]}');
  const fixes = problem(page, 'InvalidEventSelectorsException').locator('button.fix');
  await expect(fixes).toHaveText(['Fix: Replace with "ReadOnly"', 'Fix: Replace with "WriteOnly"', 'Fix: Replace with "All"']);
  await fixes.nth(1).click();
  await expect.poll(() => editorText(page, 'request')).toContain('"ReadWriteType": "WriteOnly"');
  await expect(page.getByTestId('status')).toHaveText(/^200 OK/);
});

test('a misspelt field name gets a did-you-mean, in the problems list and the tooltip', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', '{"TrailName": "management-events", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "eventname", "Equals": ["PutObject"]}]}]}');
  await expect(problem(page, 'InvalidEventSelectorsException').locator('button.fix')).toHaveText(['Fix: Replace with "eventName"']);
  await page.locator('.request-editor .cm-lintRange-error').first().hover();
  await page.locator('.cm-tooltip-lint button', { hasText: 'Replace with "eventName"' }).click();
  await expect.poll(() => editorText(page, 'request')).toContain('"Field": "eventName"');
  await expect(page.getByTestId('status')).toHaveText(/^200 OK/);
});

test('a trail missing from the context can be added to it, and the request is then answered', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', '{"TrailName": "brand-new-trail", "EventSelectors": [{"ReadWriteType": "All"}]}');
  await expect(page.getByTestId('status')).toHaveText('400 TrailNotFoundException');
  const before = await editorText(page, 'context');
  // The fix edits the context, so the request editor's tooltip does not offer it.
  await page.locator('.request-editor .cm-lintRange-error').first().hover();
  await expect(page.locator('.cm-tooltip-lint')).toBeVisible();
  await expect(page.locator('.cm-tooltip-lint button', { hasText: 'account context' })).toHaveCount(0);
  await page.mouse.move(0, 0);
  await problem(page, 'TrailNotFoundException').getByRole('button', { name: 'Fix: Add "brand-new-trail" to the account context' }).click();
  await expect(page.getByTestId('status')).toHaveText(/^200 OK/);
  const after = await editorText(page, 'context');
  // An insertion: every trail and line of the context as it was is still there.
  expect(after).toContain('"name": "brand-new-trail"');
  expect(after!.replace(/,\n {4}\{ "name": "brand-new-trail"[^\n]*/, '')).toBe(before);
});

/** Puts the request editor's cursor `fromEnd` characters before the end of its text. */
async function cursorBeforeEnd(page: Page, fromEnd: number) {
  await page.keyboard.press('Control+End');
  for (let i = 0; i < fromEnd; i++) await page.keyboard.press('ArrowLeft');
}

const options = (page: Page) => page.locator('.cm-tooltip-autocomplete li');

test('completion loads at the first keystroke and offers ReadWriteType values', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await open(page);
  expect(loaded.some((p) => p.endsWith('/complete/complete.js')), 'not loaded before typing').toBe(false);
  await replaceText(page, 'request', '{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "W"}]}');
  await cursorBeforeEnd(page, 4);
  await expect(async () => {
    await page.keyboard.press('Control+Space');
    await expect(options(page)).toHaveText(['WriteOnlyvalue'], { timeout: 1000 });
  }).toPass();
  expect(loaded.some((p) => p.endsWith('/complete/complete.js'))).toBe(true);
  // (Enter right after the list opens is ignored by design: CodeMirror's interactionDelay.)
  await options(page).first().click();
  await expect.poll(() => editorText(page, 'request')).toBe('{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}');
  await expect(page.getByTestId('status')).toHaveText(/^200 OK/);
});

test('completion offers the fields of the selector\'s category and the resource types', async ({ page }) => {
  await open(page);
  const data = '{"TrailName": "management-events", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, ';
  await replaceText(page, 'request', `${data}{"Field": "resources.type", "Equals": [""]}, {"Field": ""}]}]}`);
  await cursorBeforeEnd(page, 6);
  await expect(async () => {
    await page.keyboard.press('Control+Space');
    await expect(options(page).first()).toBeVisible({ timeout: 1000 });
  }).toPass();
  const fields = await options(page).allTextContents();
  expect(fields).toContain('resources.ARNfield');
  expect(fields).toContain('eventNamefield');
  await page.keyboard.press('Escape');
  // The resource type's value: every type of the catalogue, filtered by what is typed.
  await replaceText(page, 'request', `${data}{"Field": "resources.type", "Equals": ["AWS::Lambda"]}]}]}`);
  await cursorBeforeEnd(page, 7);
  await page.keyboard.press('Control+Space');
  await expect(options(page).first()).toHaveText(/^AWS::Lambda::Function/);
});

test('Esc then Tab leaves the editor while a completion is still being asked', async ({ page }) => {
  await open(page);
  // The ask worker never answers: the completion stays pending, as it does while the worker loads.
  await page.evaluate(() => {
    (globalThis as any).asked = 0;
    (globalThis as any).trailscopeComplete = () => { (globalThis as any).asked++; return new Promise(() => {}); };
  });
  const content = page.locator('.request-editor .cm-content');
  await content.click();
  await page.keyboard.press('Control+End');
  // The first keystroke loads completion (www/complete/); the next ones ask for it.
  await page.keyboard.type('"e');
  await expect(page.locator('.request-editor .cm-content[aria-autocomplete]')).toHaveCount(1);
  await page.keyboard.type('v');
  await expect.poll(() => page.evaluate(() => (globalThis as any).asked)).toBeGreaterThan(0);
  const typed = await editorText(page, 'request');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => !document.activeElement?.closest('.request-editor'))).toBe(true);
  expect(await editorText(page, 'request')).toBe(typed);
});
