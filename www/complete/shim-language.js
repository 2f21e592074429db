// @codemirror/language as the editor bundle has it (see codemirror in www/editor/editor.js).
export const { syntaxTree, indentUnit } = globalThis.trailscopeCodeMirror.language;
