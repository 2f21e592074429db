// Accessibility, measured (issue 12, section 6): axe-core finds no serious or critical violation
// on any view, in both themes and in embed mode, and the page works from the keyboard alone.
import { test, expect, type Page } from '@playwright/test';
import { editorText, replaceText, violations } from './page';

const INVALID = '{"TrailName": "my--trail", "EventSelectors": [{"ReadWriteType": "Often", "Bogus": 1}]}';
/** One problem, with a fix that makes the request valid. */
const FIXABLE = '{"TrailName": "my--trail", "EventSelectors": [{"ReadWriteType": "All"}]}';

async function open(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.locator('.request-editor .cm-content')).toBeVisible();
  await expect(page.getByTestId('status')).toBeVisible();
}

/** Each view the page has, reached from the opened page. */
const VIEWS: [string, (page: Page) => Promise<void>][] = [
  ['valid request', async () => {}],
  ['invalid request', async (page) => replaceText(page, 'request', INVALID)],
  ['replay with an explanation', async (page) => {
    await page.getByTestId('replay-seed').click();
    await page.locator('.result-row').first().click();
    await expect(page.getByTestId('replay-explanation')).toBeVisible();
  }],
  ['share panel', async (page) => {
    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-link')).toBeVisible();
  }],
  ['ask panel with an answer and the checkers', async (page) => {
    await page.getByTestId('ask-open').click();
    await page.getByTestId('ask-button').click();
    await expect(page.getByTestId('ask-answer')).toContainText('answer:');
    await page.getByTestId('checkers-button').click();
    await expect(page.getByTestId('checkers')).toContainText('Prowler');
  }],
  ['export and SQL panel, on its SQL tab', async (page) => {
    await page.getByTestId('output-open').click();
    await page.getByTestId('output-tab-sql').click();
    await expect(page.getByTestId('output-text')).toContainText('SELECT');
  }],
  ['embed panel', async (page) => {
    await page.getByTestId('embed').click();
    await expect(page.getByTestId('embed-code')).toBeVisible();
  }],
];

test.describe('axe-core', () => {
  // axe is injected as a script, which the page's CSP forbids: only these scans bypass it.
  test.use({ bypassCSP: true });

  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious or critical violation on any view, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, reach] of VIEWS) {
        // Each view from the default sample (the page keeps the last state in local storage).
        await page.goto('/');
        await page.evaluate(() => localStorage.clear());
        await open(page);
        await reach(page);
        expect(await violations(page), name).toEqual([]);
      }
    });

    test(`none in embed mode, ${scheme}`, async ({ page }) => {
      await open(page, `/?embed=1&replay=1&context=1&theme=${scheme}`);
      expect(await violations(page), 'embed').toEqual([]);
      await page.getByTestId('replay-seed').click();
      await page.locator('.result-row').first().click();
      expect(await violations(page), 'embed with an explanation').toEqual([]);
    });
  }
});

/** What has the focus, in words a test can compare. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e) return '';
    if (e.closest('.request-editor')) return 'request-editor';
    if (e.closest('.context-editor')) return 'context-editor';
    return e.dataset.testid ?? e.className ?? e.tagName;
  });

/** Tabs until `target` has the focus (leaving editors with Esc then Tab); what was passed. */
async function tabUntil(page: Page, target: string, limit = 120): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)).endsWith('-editor')) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(now);
    if (now === target) return seen;
  }
  throw new Error(`${target} not reached by Tab; seen: ${seen.join(', ')}`);
}

test('keyboard only: every control, a problem and back, a fix, Share and Embed, replay rows, an explanation', async ({ page }) => {
  await open(page);
  // Every control is reached by Tab (the editors are left with Esc then Tab).
  const seen = await tabUntil(page, 'request-editor');
  for (const control of ['samples', 'share', 'embed', 'download-state', 'upload-state', 'reset']) expect(seen).toContain(control);
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(FIXABLE);
  await expect(page.getByTestId('status')).toHaveText('400 InvalidTrailNameException');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('problem-main');

  // From a problem to its place in the editor, and back.
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('request-editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('problem-main');

  // A fix, applied from the keyboard.
  await tabUntil(page, 'fix');
  const before = await editorText(page, 'request');
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page, 'request')).not.toBe(before);

  // The rest of the page: the context editor, the replay controls.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const rest = await tabUntil(page, 'replay-seed');
  expect(rest).toContain('context-editor');

  // Share and Embed: the focus moves into the panel, Esc closes it and gives the focus back.
  for (const [button, inside] of [['share', 'share-link'], ['embed', 'embed-readonly']]) {
    await page.getByTestId(button).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe(inside);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-close')).toHaveCount(0);
    expect(await focused(page)).toBe(button);
  }

  // Replay: run the seed examples, walk the rows, open an explanation and reach its JSON.
  await page.getByTestId('replay-seed').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('replay-status')).toContainText('Replayed seed examples');
  await tabUntil(page, 'result-row logged');
  const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index);
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index);
  expect(Number(second)).toBe(Number(first) + 1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('replay-explanation')).toContainText(`Event ${second}`);
  await tabUntil(page, 'json');
});

test('Esc then Tab leaves the editor with text selected, and typing over a selection breaks no CSP rule', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    (window as any).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).violations.push(e.violatedDirective));
  });
  const text = await editorText(page, 'request');
  await page.locator('.request-editor .cm-line').nth(1).click();
  await page.keyboard.press('End');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focused(page)).not.toBe('request-editor');
  expect(await editorText(page, 'request')).toBe(text);

  // Typing over a selection within one line, then over one across lines.
  await page.locator('.request-editor .cm-line').nth(1).click();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.type('x');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.type('y');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
});
