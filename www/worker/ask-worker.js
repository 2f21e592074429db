// Questions to the trail run here, off the page's main thread (a diff of two large selector
// sets takes tens of milliseconds): the page posts {id, op, args}, the worker answers
// {id, op, result} with what trailscope's wasm returns (an `Asked<T>`, crates/wasm/src/ask.rs).
// Ops: covers(request, question, context), diff(before, after, context), checkers(request,
// context), templates(request), presets().
import init, { covers, diff, checkers, templates, presets } from './pkg/trailscope_wasm.js';

const ready = init();
const OPS = { covers, diff, checkers, templates, presets };

onmessage = async (event) => {
  const { id, op, args } = event.data;
  await ready;
  let result;
  try {
    result = OPS[op](...args);
  } catch (error) {
    result = { kind: 'refused', message: `internal error: ${error}` };
  }
  postMessage({ id, op, result });
};
