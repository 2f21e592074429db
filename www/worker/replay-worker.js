// The replay runs here, off the page's main thread: events stream from files (gzip inflated by
// the browser's DecompressionStream, told by its magic bytes), from text, or from the synthetic
// generator, into trailscope's wasm VerdictStore (crates/wasm/src/store.rs), which replays them
// and keeps the verdicts in compact columns (about 21 bytes an event). This file only pumps
// bytes and forwards messages: filtering, paging and the top events are the store's.
//
// Messages in (crates/web/src/replay/worker.rs, `ToWorker`):
//   {type: 'replay', request, context, before, sources: [File | {text} | {url} | {synth: {seed, events}}]}
//   {type: 'rerun', request, context, before}      same sources, new selectors
//   {type: 'cancel'}
//   {type: 'rows', filter: {logged: 'all'|'logged'|'not'|'changed', selector: index | null, text}, start, count}
//   {type: 'explain', index}
// Messages out (read by type into `FromWorker`, crates/web/src/replay/state.rs):
//   {type: 'progress'|'done'|'cancelled', bytes, total, summary, top, compared}
//   {type: 'rows', total, start, rows: [Row], before: [boolean] (when comparing)}
//   {type: 'explanation', index, record, explanation | problem}
//   {type: 'error', message}
import init, { VerdictStore, SynthLog, synthRecord } from './pkg/trailscope_wasm.js';

const ready = init();
const CHUNK = 1 << 16;
/** How often progress is reported and the worker yields to read a cancel (ms). */
const TICK_MS = 50;

let cancelled = false;
let generation = 0;
let sources = [];
/** The last replay's VerdictStore (crates/wasm/src/store.rs): its rows, kept to page and explain. */
let store = null;
/** Stores whose replay is still reading (freed when it stops, if replaced meanwhile). */
const running = new Set();

onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  await ready;
  switch (message.type) {
    case 'replay':
      // A {url} source (a file beside this one, e.g. the seed examples) is fetched once, as a Blob.
      sources = await Promise.all(message.sources.map(async (s) => (s.url ? (await fetch(new URL(s.url, import.meta.url))).blob() : s)));
      await start(message);
      break;
    case 'rerun':
      if (sources.length > 0) await start(message);
      break;
    case 'rows':
      postMessage({ type: 'rows', ...(store ? JSON.parse(store.page(message.filter, message.start, message.count)) : { total: 0, start: 0, rows: [], before: [] }) });
      break;
    case 'explain':
      await explain(message.index);
      break;
  }
};

const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** A reader of `stream`'s chunks. A byte stream (a plain file's) is read into one buffer, reused
 * from chunk to chunk, so a long replay makes no garbage arrays; each reader here is done with a
 * chunk (pushed or copied) before it reads the next. Other streams (gzip's) give their own. */
function chunkReader(stream) {
  let byob;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch {
    return stream.getReader(); // not a byte stream
  }
  let buffer = new ArrayBuffer(CHUNK);
  return {
    async read() {
      const { value, done } = await byob.read(new Uint8Array(buffer));
      // The read transferred the buffer: its new owner is the view returned.
      if (value) buffer = value.buffer;
      return { value, done };
    },
    cancel: (reason) => byob.cancel(reason),
  };
}

/** A source as [stream of bytes, size or null (unknown until read)]. */
async function open(source) {
  if (source instanceof Blob) {
    const head = new Uint8Array(await source.slice(0, 2).arrayBuffer());
    const stream = source.stream();
    return isGzip(head) ? [stream.pipeThrough(new DecompressionStream('gzip')), null] : [stream, source.size];
  }
  if (source.synth) {
    // Generated piece by piece as the replay pulls: a large log is never held whole. Every piece
    // is read into the same buffer, so a long replay makes no garbage arrays (a new one per piece
    // grew the tab by 60 MB over a 1 GB replay). That is safe: with highWaterMark 0 the stream
    // makes a piece only for a waiting read, and each reader here is done with a piece (pushed or
    // copied) before it reads the next.
    const log = new SynthLog(source.synth.seed, source.synth.events);
    const buffer = new Uint8Array(CHUNK);
    const stream = new ReadableStream(
      {
        pull(controller) {
          const count = log.readInto(buffer);
          if (count === 0) {
            log.free();
            controller.close();
          } else {
            controller.enqueue(buffer.subarray(0, count));
          }
        },
        cancel() {
          log.free();
        },
      },
      { highWaterMark: 0 },
    );
    return [stream, null];
  }
  const bytes = new TextEncoder().encode(source.text);
  return [new Blob([bytes]).stream(), bytes.length];
}

async function start({ request, context, before }) {
  const run = ++generation;
  cancelled = false;
  let current;
  try {
    // The rows, the filter, paging and the top events live in the wasm store.
    current = new VerdictStore(request, context ?? undefined, before ?? undefined);
  } catch (error) {
    postMessage({ type: 'error', message: String(error.message ?? error) });
    return;
  }
  // A replay still reading keeps its own store until it notices it was replaced.
  const previous = store;
  store = current;
  if (previous && !running.has(previous)) previous.free();
  running.add(current);
  let bytes = 0;
  let total = null;
  const report = (type) => postMessage({ type, bytes, total, ...JSON.parse(current.report()) });
  try {
    const opened = [];
    for (const source of sources) opened.push(await open(source));
    const sizes = opened.map(([, size]) => size);
    total = sizes.every((size) => size !== null) ? sizes.reduce((a, b) => a + b, 0) : null;
    let tick = performance.now();
    for (const [stream] of opened) {
      current.beginFile();
      const reader = chunkReader(stream);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (let i = 0; i < value.length; i += CHUNK) {
          const chunk = value.subarray(i, i + CHUNK);
          current.push(chunk);
          bytes += chunk.length;
          if (performance.now() - tick > TICK_MS) {
            report('progress');
            // Let 'cancel' (or a newer replay) in: stream reads may resolve without yielding.
            await new Promise((resolve) => setTimeout(resolve, 0));
            tick = performance.now();
            if (cancelled || run !== generation) {
              await reader.cancel();
              if (run === generation) report('cancelled');
              return;
            }
          }
        }
      }
      current.finish();
    }
    report('done');
  } catch (error) {
    postMessage({ type: 'error', message: String(error.message ?? error) });
  } finally {
    running.delete(current);
    if (store !== current) current.free();
  }
}

/** The bytes `offset .. offset + length` of a source (inflated or generated when needed). */
async function slice(source, offset, length) {
  const [stream, size] = await open(source);
  if (source instanceof Blob && size !== null) {
    await stream.cancel();
    return new Uint8Array(await source.slice(offset, offset + length).arrayBuffer());
  }
  const out = new Uint8Array(length);
  let position = 0;
  let filled = 0;
  const reader = chunkReader(stream);
  while (filled < length) {
    const { value, done } = await reader.read();
    if (done) break;
    const from = Math.max(offset - position, 0);
    const to = Math.min(offset + length - position, value.length);
    if (to > from) {
      out.set(value.subarray(from, to), filled);
      filled += to - from;
    }
    position += value.length;
  }
  await reader.cancel();
  return out;
}

async function explain(index) {
  const current = store;
  if (!current) return;
  const place = JSON.parse(current.place(index));
  if (place === null) return;
  if ('problem' in place) {
    postMessage({ type: 'explanation', index, record: null, problem: place.problem });
    return;
  }
  const source = sources[place.file];
  // A synthetic record is made again on its own; other sources are read up to it.
  const record = source.synth
    ? synthRecord(source.synth.seed, place.row)
    : new TextDecoder().decode(await slice(source, place.offset, place.length));
  // A newer replay meanwhile: the row was of the old one (whose store may be freed).
  if (store !== current) return;
  // Through the same selectors as the rows: the store's own replay.
  const why = JSON.parse(current.explain(record, place.wrapping));
  postMessage({ type: 'explanation', index, record, ...('problem' in why ? { problem: why.problem } : { explanation: why }) });
}
