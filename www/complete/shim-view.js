// @codemirror/view as the editor bundle has it (see codemirror in www/editor/editor.js).
export const {
  Direction, logException, showTooltip, EditorView, ViewPlugin, getTooltip, Decoration, WidgetType, keymap,
} = globalThis.trailscopeCodeMirror.view;
