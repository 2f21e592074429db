// Reads trailscope's CDK exports back with the real aws-cdk-lib (issue 11 §3): every
// case-NNNN/export.ts of the corpus (written by crates/core/tests/export.rs) type-checks with tsc
// against aws-cdk-lib's own declarations, then runs (transpiled by esbuild) in one CDK App whose
// synthesized template must hold the case's canonical selectors in its AWS::CloudTrail::Trail.
//
// Usage: node tests/export/cdk.mjs CORPUS_DIR (inside the repository, so that aws-cdk-lib,
// constructs and typescript resolve from its node_modules).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { transformSync } from 'esbuild';

const corpus = resolve(process.argv[2]);
const require = createRequire(join(corpus, 'index.cjs'));
const cases = readdirSync(corpus).filter((name) => name.startsWith('case-')).sort();
const written = cases.filter((name) => existsSync(join(corpus, name, 'export.ts')));

function fail(message) {
  console.log(`export round trip FAILED: ${message}`);
  process.exit(1);
}

// Type-check: strict, against the real declarations (skipLibCheck only skips checking them).
writeFileSync(
  join(corpus, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', target: 'es2022', skipLibCheck: true, types: [] },
    include: written.map((name) => `${name}/export.ts`),
  }),
);
const tsc = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsc');
try {
  execFileSync(tsc, ['-p', join(corpus, 'tsconfig.json')], { stdio: 'pipe' });
} catch (error) {
  fail(`tsc:\n${error.stdout}${error.stderr}`);
}

const { App } = require('aws-cdk-lib');
const outdir = mkdtempSync(join(tmpdir(), 'trailscope-cdk-'));
const app = new App({ outdir });
for (const name of written) {
  const source = readFileSync(join(corpus, name, 'export.ts'), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs' });
  writeFileSync(join(corpus, name, 'export.cjs'), code);
  const { TrailStack } = require(join(corpus, name, 'export.cjs'));
  new TrailStack(app, name);
}
const assembly = app.synth();
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));

for (const name of cases) {
  const expected = JSON.parse(readFileSync(join(corpus, name, 'expected.json'), 'utf8'));
  if (expected.Refused.includes('cdk')) {
    if (written.includes(name)) fail(`${name}: cdk refused but written`);
    continue;
  }
  const properties = assembly.getStackByName(name).template.Resources.Trail.Properties;
  const { TrailName, IsLogging, S3BucketName, ...selectors } = properties;
  const checks = [
    [TrailName === expected.Name, `TrailName ${TrailName}`],
    [IsLogging === true, 'IsLogging'],
    [isDeepStrictEqual(S3BucketName, { Ref: 'TrailBucketName' }), `S3BucketName ${JSON.stringify(S3BucketName)}`],
    [
      isDeepStrictEqual(selectors, expected.Selectors),
      `synthesized ${JSON.stringify(selectors)}\nexpected ${JSON.stringify(expected.Selectors)}`,
    ],
  ];
  for (const [ok, message] of checks) if (!ok) fail(`${name}/export.ts: ${message}`);
}
console.log(
  `export round trip: cdk: ${written.length} of ${cases.length} cases type-check against aws-cdk-lib and synthesize the canonical selectors`,
);
