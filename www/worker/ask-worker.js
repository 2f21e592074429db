// Questions to the trail run here, off the page's main thread (a diff of two large selector
// sets takes tens of milliseconds): the page posts {id, op, args}, the worker answers
// {id, op, result}, where result is what trailscope's wasm returns: an `Asked<Array<Line>>`,
// the answer as lines for people (crates/wasm/src/ask.rs, crates/core/src/ask/lines.rs).
// Ops: covers(request, question, context), diff(before, after, context), checkers(request,
// context), templates(request); presets() and keys() (the question builder's lists);
// consoleTemplates() and templateSelectors(id, resourceType) (to insert a template);
// format(request) (the editor's Format action); complete(text, offset) (the request editor's
// completion, offsets in UTF-16 units); exportAs(request, dialect, context) and exportDialects(),
// toSql(request, context, options) and sqlLayout(dialect) (the Export and SQL panel);
// readFile(text, context) (a request editor text that is not a JSON request: CloudFormation,
// Terraform, CDK, read with every trail's report) and context(text) (describe-trails output in
// the context editor, as the context it describes).
import init, {
  coversLines, diffLines, checkersLines, templatesLines, presets, questionKeys, consoleTemplates, templateSelectors,
  formatRequest, completeRequest, exportAs, exportDialects, toSql, sqlLayout, readFile, describeTrailsContext,
} from './pkg/trailscope_wasm.js';

const ready = init();
const OPS = {
  covers: coversLines, diff: diffLines, checkers: checkersLines, templates: templatesLines, presets, keys: questionKeys,
  consoleTemplates, templateSelectors, format: formatRequest, complete: completeRequest, exportAs, exportDialects, toSql,
  sqlLayout, readFile, context: describeTrailsContext,
};

onmessage = async (event) => {
  const { id, op, args } = event.data;
  await ready;
  let result;
  try {
    result = OPS[op](...args);
  } catch (error) {
    result = { refused: `internal error: ${error}` };
  }
  postMessage({ id, op, result });
};
