// The README's JavaScript example, run as written (from this consumer folder, where
// "trailscope" resolves to the installed package), prints the output the README shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readmeBlock } from './readme.mjs';

test('the README example prints what the README says it prints', () => {
  const cwd = fileURLToPath(new URL('.', import.meta.url));
  const out = execFileSync(process.execPath, ['--input-type=module'], { input: readmeBlock('example'), cwd, encoding: 'utf8' });
  assert.equal(out, readmeBlock('output'));
});
