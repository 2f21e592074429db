// Completion for the request editor, loaded on demand by www/editor/editor.js at the first
// keystroke: @codemirror/autocomplete over the editor bundle's own CodeMirror (the shims), and
// candidates from trailscope's core (the ask worker's `complete`), never from a list of its own.
import { autocompletion } from "@codemirror/autocomplete";

/** The extension: completion from `source` only, opened while typing and by Ctrl+Space. */
export function completion(source) {
  return autocompletion({ override: [source], activateOnTyping: true, icons: false });
}
