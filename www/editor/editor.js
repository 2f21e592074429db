// The JSON editor behind trailscope's request and context panels: CodeMirror 6 with line
// numbers, syntax colours, undo/redo, bracket matching and closing, auto-indent, lint markers,
// and completion loaded on demand (www/complete/). No find panel (Ctrl+F is the browser's; the
// panel cost the page 6.7 KB gzipped) and no folding (1.9 KB gzipped: the room went to fixes
// and completion, issue 12 §4). Bundled by esbuild into crates/web/js/editor.bundle.js and driven
// from Rust (crates/web/src/platform/editor_js.rs); it never judges JSON itself: diagnostics
// come from Rust.
import {
  EditorState, Compartment, Annotation, StateEffect, EditorSelection, codePointAt, codePointSize, fromCodePoint, Facet,
  combineConfig, StateField, Prec, Transaction, Text, MapMode, RangeValue, RangeSet, CharCategory,
} from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars, Direction, logException, showTooltip, ViewPlugin, getTooltip, Decoration,
  WidgetType,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from "@codemirror/commands";
import {
  syntaxHighlighting, HighlightStyle, bracketMatching, indentOnInput, syntaxTree, indentUnit,
} from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { lintGutter, setDiagnostics, lintKeymap } from "@codemirror/lint";
import { json } from "@codemirror/lang-json";
import { tags } from "@lezer/highlight";
import { StyleModule } from "style-mod";

// CodeMirror's styles go through style-mod, which writes a <style> element into a document
// (blocked by the page's Content-Security-Policy: style-src has no 'unsafe-inline') but adopts
// a constructed stylesheet into a root without a <head>, like a shadow root (CSSOM: allowed).
// So the document is handed to it as such a root. Browsers without adoptedStyleSheets
// (Safari < 16.4, Firefox < 101) keep the <style> element: the CSP blocks it there.
if ("adoptedStyleSheets" in Document.prototype) {
  const documentSheets = {
    ownerDocument: document,
    get adoptedStyleSheets() { return document.adoptedStyleSheets; },
    set adoptedStyleSheets(sheets) { document.adoptedStyleSheets = sheets; },
  };
  const mount = StyleModule.mount;
  StyleModule.mount = (root, modules, options) => mount(root === document ? documentSheets : root, modules, options);
}

// Colours come from CSS variables, so the page's light/dark themes apply to the editor too.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--syntax-key)" },
  { tag: tags.string, color: "var(--syntax-string)" },
  { tag: tags.number, color: "var(--syntax-number)" },
  { tag: [tags.bool, tags.null], color: "var(--syntax-keyword)" },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: "var(--syntax-punctuation)" },
]);

const theme = EditorView.theme({
  "&": { maxHeight: "inherit", fontSize: "13px", backgroundColor: "var(--editor-bg)", color: "var(--text)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5", overflow: "auto" },
  ".cm-gutters": { backgroundColor: "var(--editor-gutter)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--editor-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--editor-active-line)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--editor-selection) !important" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-diagnostic": { fontFamily: "var(--sans)", maxWidth: "40em" },
  ".cm-panels": { backgroundColor: "var(--panel)", color: "var(--text)" },
});

// Typing over a selection, Chrome replaces it itself and keeps the deleted text's colour as a
// style attribute on the new text, which the CSP blocks and reports (harmlessly: CodeMirror
// redraws the line). Such an edit is made here instead, through the input handlers typed text
// goes through (closeBrackets wraps a selection in brackets).
const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const { state } = view;
    const text = event.data;
    if (event.inputType !== "insertText" || text == null) return false;
    if (state.selection.ranges.every((r) => r.empty)) return false;
    event.preventDefault();
    if (state.readOnly) return true;
    const { from, to } = state.selection.main;
    const insert = () => state.update(state.replaceSelection(text), { userEvent: "input.type", scrollIntoView: true });
    if (!state.facet(EditorView.inputHandler).some((handler) => handler(view, from, to, text, insert))) view.dispatch(insert());
    return true;
  },
});

// "Esc then Tab leaves the editor": Escape lets the next Tab move focus (CodeMirror's tab focus
// mode), also when Escape first collapses a selection or closes a completion (which would
// otherwise swallow it): first of the highest precedence, so that it always runs, then lets
// those run too. A completion still waiting for the ask worker took the Escape before it.
const escapeThenTab = Prec.highest(keymap.of([{ key: "Escape", run: (view) => (view.setTabFocusMode(2000), false) }]));

// A file dropped on an editor replaces its text (one undoable change), as opening it would:
// CodeMirror would insert it into the text where it fell. Past the core's input limit (4 MiB,
// crates/core/src/limits.rs) only the limit and one byte are read: the page then says the text
// is too large (InputTooLarge) instead of holding a huge file.
const MAX_INPUT_BYTES = 4 * 1024 * 1024;
function dropped(event, handle) {
  const file = event.dataTransfer?.files?.[0];
  if (!file) return false;
  event.preventDefault();
  file.slice(0, MAX_INPUT_BYTES + 1).text().then((text) => handle.setText(text));
  return true;
}

/**
 * Creates an editor in `parent`.
 * @param {HTMLElement} parent
 * @param {string} text initial document
 * @param {() => void} onChange called after every document change (read the text with getText:
 *   copying a large document on every keystroke would cost more than the keystroke)
 * @param {{label?: string, readOnly?: boolean}} options
 */
export function createEditor(parent, text, onChange, options = {}) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        escapeThenTab, lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), completion.of([]),
        drawSelection(), indentOnInput(), bracketMatching(), closeBrackets(), highlightActiveLine(),
        syntaxHighlighting(highlight), language.of(json()), lintGutter(), theme, typeOverSelection, EditorView.lineWrapping,
        EditorState.tabSize.of(2),
        EditorState.readOnly.of(Boolean(options.readOnly)),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
        // tabindex: the content is a tab stop already (contenteditable); saying so lets checkers
        // (axe) see that a scrolled editor is reached by keyboard.
        EditorView.contentAttributes.of({ "aria-label": options.label || "JSON editor", tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
        EditorView.domEventHandlers({ drop: (event, view) => !view.state.readOnly && dropped(event, handle) }),
      ],
    }),
  });
  const handle = new EditorHandle(view, onChange);
  // The ask worker answers (crates/web/src/ask/mod.rs sets trailscopeComplete).
  if (options.completion && !options.readOnly) handle.enableCompletion((text, at) => globalThis.trailscopeComplete?.(text, at));
  return handle;
}

/**
 * Where a diagnostic goes: its UTF-16 offsets (a report's), or a context error's line and column
 * (serde's, at the end of the token at fault: the quoted token before it is marked), or, for a
 * context error without a place (line 0), the first quoted value its message names.
 */
function place(doc, d, clamp) {
  if (d.from != null) return { from: clamp(d.from), to: clamp(Math.max(d.to ?? 0, d.from)) };
  const text = doc.toString();
  let at = d.line > 0 ? clamp(doc.line(Math.min(d.line, doc.lines)).from + d.column - 1) : -1;
  if (at < 0) {
    const named = /"[^"]*"/.exec(d.message ?? "");
    const found = named ? text.indexOf(named[0]) : -1;
    at = found >= 0 ? found + named[0].length : 0;
  }
  const open = text[at - 1] === '"' ? text.lastIndexOf('"', at - 2) : -1;
  return open >= 0 ? { from: open, to: at } : { from: Math.max(0, at - 1), to: at };
}

// The on-demand completion module (www/complete/complete.js) bundles @codemirror/autocomplete
// but not CodeMirror's core: it must share this bundle's instances (their facets and fields are
// compared by identity), so it reads them from here (www/complete/shim-*.js).
const codemirror = {
  state: { Annotation, StateEffect, EditorSelection, codePointAt, codePointSize, fromCodePoint, Facet, combineConfig, StateField, Prec, Transaction, Text, MapMode, RangeValue, RangeSet, CharCategory },
  view: { Direction, logException, showTooltip, EditorView, ViewPlugin, getTooltip, Decoration, WidgetType, keymap },
  language: { syntaxTree, indentUnit },
};
const completion = new Compartment();
// JSON (highlighting, completion) or plain text: a CloudFormation YAML, Terraform or CDK file in
// the request editor is read by the core's importers (www/iac/), not as JSON.
const language = new Compartment();

class EditorHandle {
  constructor(view, onChange) {
    this.view = view;
    /** Tells the page to read the texts again (www/iac: a file's trail was read). */
    this.changed = onChange;
  }

  /**
   * Offers completion from `complete(text, offset)` (a promise of {from, to, items: [{label,
   * apply, kind}]}, UTF-16 offsets). The completion module loads at the first keystroke.
   */
  enableCompletion(complete) {
    const source = async (context) => {
      if (this.plain) return null;
      const found = await complete(context.state.doc.toString(), context.pos);
      if (!found?.items?.length || context.aborted) return null;
      // The core has filtered and ordered them by what was typed; each keystroke asks again.
      const options = found.items.map((c) => ({ label: c.label, apply: c.apply, type: c.kind === "value" ? "constant" : "property", detail: c.kind }));
      return { from: found.from, to: found.to, options, filter: false };
    };
    const load = () => {
      this.view.dom.removeEventListener("keydown", load, true);
      globalThis.trailscopeCodeMirror = codemirror;
      import(new URL("complete/complete.js", document.baseURI).href).then((m) => {
        this.view.dispatch({ effects: completion.reconfigure(m.completion(source)) });
      }, () => {});
    };
    this.view.dom.addEventListener("keydown", load, true);
  }

  /** JSON (`plain` false: highlighting and completion) or plain text (an IaC file). */
  setPlain(plain) {
    if (this.plain === plain) return;
    this.plain = plain;
    this.view.dispatch({ effects: language.reconfigure(plain ? [] : json()) });
  }

  /** Replaces the whole document as one undoable change of its own (never merged with edits
   * around it, so undo brings back exactly the text it replaced). */
  setText(text) {
    const current = this.view.state.doc.toString();
    if (current !== text) {
      this.view.dispatch({ changes: { from: 0, to: current.length, insert: text }, annotations: isolateHistory.of("full") });
    }
  }

  getText() {
    return this.view.state.doc.toString();
  }

  /**
   * Shows the report's diagnostics (the npm package's `Diagnostic` type: code, severity,
   * message, help, fix, and `from`/`to` in UTF-16 code units) as lint entries.
   */
  setDiagnostics(diagnostics) {
    const { doc } = this.view.state;
    const clamp = (n) => Math.max(0, Math.min(doc.length, n ?? 0));
    const list = diagnostics.map((d) => ({
      ...place(doc, d, clamp),
      severity: d.severity ?? "error",
      source: d.code,
      message: [d.code, d.message].filter(Boolean).join(": ") + (d.help ? `\nhelp: ${d.help}` : ""),
      actions: (d.fixes ?? []).filter((fix) => fix.target !== "context").map((fix) => ({
        name: fix.title,
        apply: (view) => view.dispatch({ changes: fix.edits.map((e) => ({ from: clamp(e.from), to: clamp(e.to), insert: e.text })) }),
      })),
    }));
    this.view.dispatch(setDiagnostics(this.view.state, list));
  }

  /**
   * Applies edits [{from, to, text}] (UTF-16 offsets) as one undoable change. Offsets past the
   * document are clamped to it (as for diagnostics): an edit from an older text must not throw.
   */
  applyEdits(edits) {
    const length = this.view.state.doc.length;
    const clamp = (n) => Math.max(0, Math.min(length, n ?? 0));
    this.view.dispatch({ changes: edits.map((e) => ({ from: clamp(e.from), to: clamp(Math.max(e.to ?? 0, e.from ?? 0)), insert: e.text })) });
    this.view.focus();
  }

  /** Selects from..to, scrolls it into view and focuses the editor. */
  reveal(from, to) {
    const length = this.view.state.doc.length;
    const anchor = Math.min(from, length);
    const head = Math.min(Math.max(to, from), length);
    this.view.dispatch({ selection: { anchor, head }, scrollIntoView: true });
    this.view.focus();
  }

  destroy() {
    this.view.destroy();
  }
}

export { packText, unpackText, downloadText, copyText } from "./codec.js";
