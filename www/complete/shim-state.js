// @codemirror/state as the editor bundle has it (see codemirror in www/editor/editor.js).
export const {
  Annotation, StateEffect, EditorSelection, codePointAt, codePointSize, fromCodePoint, Facet, combineConfig, StateField,
  Prec, Transaction, Text, MapMode, RangeValue, RangeSet, CharCategory,
} = globalThis.trailscopeCodeMirror.state;
