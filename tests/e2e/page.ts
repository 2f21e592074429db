// What the e2e specs read from and do to the page: the editors' texts (from CodeMirror's view),
// typing the way a user does, colours, and axe-core's verdict.
import { expect, type Frame, type Page } from '@playwright/test';
import * as path from 'path';

const AXE = path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

/** The editor's document and main selection: from CodeMirror's view when the DOM exposes it,
 * else the document from the rendered lines and the selection from the DOM. */
export async function editorState(page: Page | Frame, which: 'request' | 'context') {
  return page.evaluate((selector) => {
    const content = document.querySelector(selector) as any;
    if (!content) return null;
    const tile = content.cmTile ?? content.cmView;
    const view = tile?.root?.view ?? tile?.rootView?.view ?? tile?.view;
    if (view?.state?.doc) {
      const { from, to } = view.state.selection.main;
      const line = view.state.doc.lineAt(from);
      return {
        fromView: true,
        doc: view.state.doc.toString() as string,
        selected: view.state.sliceDoc(from, to) as string,
        line: line.number as number,
        column: from - line.from + 1,
      };
    }
    const lines = Array.from(content.querySelectorAll('.cm-line')).map((l: any) => l.textContent ?? '');
    return { fromView: false, doc: lines.join('\n'), selected: String(window.getSelection() ?? ''), line: 0, column: 0 };
  }, `.${which}-editor .cm-content`);
}

export async function editorText(page: Page | Frame, which: 'request' | 'context') {
  return (await editorState(page, which))?.doc ?? null;
}

/** Replaces an editor's whole text the way a user would: click, select all, type. */
export async function replaceText(page: Page, which: 'request' | 'context', text: string) {
  await page.locator(`.${which}-editor .cm-content`).click();
  await page.keyboard.press('Control+A');
  // insertText: one input event, so CodeMirror does not auto-close brackets (except a lone "{",
  // which closeBrackets would wrap around the selection: delete first, then drop the closer).
  if (text.length === 1) {
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText(text);
    const doc = await editorText(page, which);
    if (doc !== text && doc === text + '}') await page.keyboard.press('Delete');
  } else {
    await page.keyboard.insertText(text);
  }
  await expect.poll(() => editorText(page, which), { message: `${which} editor text` }).toBe(text);
  await analysed(page);
}

/** Waits until the page shows the analysis of the editors' texts (the result pane is
 * `aria-busy` from an edit until then): a click meanwhile could land on a moving layout. */
export async function analysed(page: Page) {
  await expect(page.locator('.side-pane[aria-busy="true"]')).toHaveCount(0);
}

export function relativeLuminance(css: string): number {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
  expect(m, `an rgb() colour: ${css}`).not.toBeNull();
  const [r, g, b] = [m![1], m![2], m![3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The page's background: the body's, or the root's when the body is transparent. */
export async function pageBackground(page: Page | Frame): Promise<string> {
  return page.evaluate(() => {
    const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const body = getComputedStyle(document.body).backgroundColor;
    return transparent(body) ? getComputedStyle(document.documentElement).backgroundColor : body;
  });
}

/** axe's serious and critical violations on the page as it is now (the page's CSP forbids the
 * injected script: specs that call this use `bypassCSP`). */
export async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}
