// Drives tests/bench/wasm-replay.html in headless Chromium and prints the wasm replay
// throughput next to the native CLI's on the same synthetic log (run by `make bench`).
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [port, cli] = process.argv.slice(2);
const seed = 2026, events = 100000;

// Native: the CLI on the same bytes (median of 5 runs of `replay --summary`).
const dir = mkdtempSync(join(tmpdir(), 'trailscope-bench-'));
const logPath = join(dir, 'log.json');
writeFileSync(logPath, execFileSync(cli, ['synth', '--events', String(events), '--seed', String(seed)], { maxBuffer: 1 << 30 }));
const nativeRuns = [];
let nativeSummary;
for (let i = 0; i < 5; i++) {
  const start = process.hrtime.bigint();
  nativeSummary = JSON.parse(execFileSync(cli, ['replay', '--selectors', 'tests/bench/replay-selectors.json', '--events', logPath, '--format', 'json', '--summary']));
  nativeRuns.push(Number(process.hrtime.bigint() - start) / 1e6);
}
nativeRuns.sort((a, b) => a - b);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage();
page.on('pageerror', (e) => { console.error(e); process.exitCode = 1; });
await page.goto(`http://127.0.0.1:${port}/wasm-replay.html?seed=${seed}&events=${events}`);
const wasm = await page.waitForFunction(() => window.benchResult, null, { timeout: 300000 }).then((h) => h.jsonValue());
await browser.close();

const mb = wasm.bytes / 1e6;
const native = mb / (nativeRuns[2] / 1000);
if (wasm.logged !== nativeSummary.logged) {
  console.error(`wasm logged ${wasm.logged} events, native ${nativeSummary.logged}`);
  process.exitCode = 1;
}
console.log(`synthetic log: ${events} events, ${mb.toFixed(1)} MB, ${wasm.logged} logged (native and wasm agree: ${wasm.logged === nativeSummary.logged})`);
console.log(`native CLI replay --summary:      ${native.toFixed(1)} MB/s`);
console.log(`wasm in Chromium (counts only):   ${wasm.mbPerSecond.toFixed(1)} MB/s  ratio to native ${(wasm.mbPerSecond / native).toFixed(2)}x`);
console.log(`wasm in Chromium (verdict rows):  ${wasm.mbPerSecondWithRows.toFixed(1)} MB/s  ratio to native ${(wasm.mbPerSecondWithRows / native).toFixed(2)}x`);
