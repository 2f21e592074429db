// The package's three glue modules share one wasm binary: the bundler build (the wasm as an ES
// module import, which bundlers and `node --experimental-wasm-modules` provide) and the web build
// (`init()` with the wasm's bytes) give the report the Node build gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { validate } from 'trailscope';

const REQUEST = '{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "Sometimes"}]}';
const cwd = fileURLToPath(new URL('.', import.meta.url));

/** What `code` (an ES module run in this folder) prints, parsed. */
function run(code, flags = []) {
  return JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module'], { input: code, cwd, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] }));
}

test('the bundler build', () => {
  const code = `import { validate } from "./node_modules/trailscope/bundler.js";
    console.log(JSON.stringify(validate(${JSON.stringify(REQUEST)})));`;
  assert.deepEqual(run(code, ['--experimental-wasm-modules']), validate(REQUEST));
});

test('the web build, initialised with the wasm bytes', () => {
  const code = `import init, { validate } from "trailscope/web";
    import { readFileSync } from "node:fs";
    await init({ module_or_path: readFileSync("./node_modules/trailscope/trailscope_bg.wasm") });
    console.log(JSON.stringify(validate(${JSON.stringify(REQUEST)})));`;
  assert.deepEqual(run(code), validate(REQUEST));
});
