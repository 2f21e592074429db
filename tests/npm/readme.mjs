// The README's JavaScript examples, read from between their marker comments, so tests run
// exactly what the README shows. `node tests/npm/readme.mjs page` prints one block.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** The fenced code block between `<!-- readme-NAME:start -->` and `<!-- readme-NAME:end -->`. */
export function readmeBlock(name) {
  const text = readFileSync(README, 'utf8');
  const match = text.match(new RegExp(`<!-- readme-${name}:start -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n<!-- readme-${name}:end -->`));
  if (!match) throw new Error(`README.md: no readme-${name} block`);
  return match[1];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(readmeBlock(process.argv[2]));
