// The replay runs here, off the page's main thread: events stream from files (gzip inflated
// by the browser's DecompressionStream, told by its magic bytes), from text, or from the
// synthetic generator, through trailscope's wasm ReplaySession. Messages in:
//   {type: 'replay', request, context, sources: [File | {text} | {synth: {seed, events}}]}
//   {type: 'cancel'}
// Messages out: {type: 'progress' | 'done' | 'cancelled', bytes, total, summary} and
// {type: 'error', message}.
import init, { ReplaySession, SynthLog } from './pkg/trailscope_wasm.js';

const ready = init();
let cancelled = false;
/** How often progress is reported and the worker yields to read a cancel (ms). */
const TICK_MS = 50;

onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
  } else if (message.type === 'replay') {
    cancelled = false;
    await ready;
    await replay(message);
  }
};

const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** A source as [stream of bytes, size or null]. */
async function open(source) {
  if (source instanceof Blob) {
    const head = new Uint8Array(await source.slice(0, 2).arrayBuffer());
    const stream = source.stream();
    return [isGzip(head) ? stream.pipeThrough(new DecompressionStream('gzip')) : stream, isGzip(head) ? null : source.size];
  }
  if (source.synth) {
    // Generated piece by piece as the replay pulls: a large log is never held whole.
    const log = new SynthLog(source.synth.seed, source.synth.events);
    const stream = new ReadableStream({
      pull(controller) {
        const piece = log.next(64);
        if (piece.length === 0) {
          log.free();
          controller.close();
        } else {
          controller.enqueue(piece);
        }
      },
    });
    return [stream, null];
  }
  const bytes = new TextEncoder().encode(source.text);
  return [new Blob([bytes]).stream(), bytes.length];
}

async function replay({ request, context, sources }) {
  let session;
  try {
    session = new ReplaySession(request, context ?? undefined);
  } catch (error) {
    postMessage({ type: 'error', message: String(error.message ?? error) });
    return;
  }
  const opened = [];
  for (const source of sources) opened.push(await open(source));
  const sizes = opened.map(([, size]) => size);
  const total = sizes.every((size) => size !== null) ? sizes.reduce((a, b) => a + b, 0) : null;
  let bytes = 0;
  let tick = performance.now();
  const report = (type) => postMessage({ type, bytes, total, summary: JSON.parse(session.summary()) });
  try {
    for (const [stream] of opened) {
      const reader = stream.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (let i = 0; i < value.length; i += 1 << 16) {
          session.push(value.subarray(i, i + (1 << 16)), false);
          bytes += Math.min(1 << 16, value.length - i);
          if (performance.now() - tick > TICK_MS) {
            report('progress');
            // Let a 'cancel' message in: stream reads may resolve without yielding to tasks.
            await new Promise((resolve) => setTimeout(resolve, 0));
            tick = performance.now();
            if (cancelled) {
              await reader.cancel();
              report('cancelled');
              return;
            }
          }
        }
      }
      session.finish(false);
    }
    report('done');
  } catch (error) {
    postMessage({ type: 'error', message: String(error.message ?? error) });
  } finally {
    session.free();
  }
}
