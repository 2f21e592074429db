// Replay throughput of the wasm build in the browser, on the same synthetic log as the native
// run (same seed and size). Results go to window.benchResult for the driver script.
import init, { ReplaySession, synth } from './pkg/trailscope_wasm.js';

const params = new URLSearchParams(location.search);
const seed = Number(params.get('seed') || 2026);
const events = Number(params.get('events') || 100000);
const runs = Number(params.get('runs') || 5);

await init();
const selectors = await (await fetch('./replay-selectors.json')).text();
const log = synth(seed, events);
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function replay(rows) {
  const session = new ReplaySession(selectors, undefined);
  const start = performance.now();
  let logged = 0;
  for (let i = 0; i < log.length; i += 65536) {
    const out = session.push(log.subarray(i, i + 65536), rows);
    logged += rows ? JSON.parse(out).filter((r) => r.logged).length : Number(out);
  }
  const end = session.finish(rows);
  logged += rows ? JSON.parse(end).filter((r) => r.logged).length : Number(end);
  const ms = performance.now() - start;
  session.free();
  return { ms, logged };
}

replay(false);
const counts = [], withRows = [];
let logged = 0;
for (let i = 0; i < runs; i++) {
  const a = replay(false);
  counts.push(a.ms);
  logged = a.logged;
  withRows.push(replay(true).ms);
}
const mb = log.length / 1e6;
window.benchResult = {
  bytes: log.length, events, logged,
  mbPerSecond: mb / (median(counts) / 1000),
  mbPerSecondWithRows: mb / (median(withRows) / 1000),
};
