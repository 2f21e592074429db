// The replay runs here, off the page's main thread: events stream from files (gzip inflated by
// the browser's DecompressionStream, told by its magic bytes), from text, or from the synthetic
// generator, through trailscope's wasm ReplaySession. Verdicts are kept here in compact
// columns (a million events take tens of MB); the page asks for the rows it shows.
//
// Messages in (crates/web/src/replay/worker.rs, `ToWorker`):
//   {type: 'replay', request, context, before, sources: [File | {text} | {synth: {seed, events}}]}
//   {type: 'rerun', request, context, before}      same sources, new selectors
//   {type: 'cancel'}
//   {type: 'rows', filter: {logged: 'all'|'logged'|'not'|'changed', selector: index | null, text}, start, count}
//   {type: 'explain', index}
// Messages out (read by type into `FromWorker`, crates/web/src/replay/state.rs):
//   {type: 'progress'|'done'|'cancelled', bytes, total, summary, top, compared}
//   {type: 'rows', total, start, rows: [Row], before: [boolean] (when comparing)}
//   {type: 'explanation', index, record, explanation | problem}
//   {type: 'error', message}
import init, { ReplaySession, SynthLog, synthRecord } from './pkg/trailscope_wasm.js';

const ready = init();
const CHUNK = 1 << 16;
/** How often progress is reported and the worker yields to read a cancel (ms). */
const TICK_MS = 50;

let cancelled = false;
let generation = 0;
let sources = [];
let store = null;
/** A session over the last replay's selectors, kept to explain rows afterwards. */
let explainer = null;

onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  await ready;
  switch (message.type) {
    case 'replay':
      sources = message.sources;
      await start(message);
      break;
    case 'rerun':
      if (sources.length > 0) await start(message);
      break;
    case 'rows':
      postMessage({ type: 'rows', ...(store ? store.page(message.filter, message.start, message.count) : { total: 0, start: 0, rows: [] }) });
      break;
    case 'explain':
      await explain(message.index);
      break;
  }
};

const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** A source as [stream of bytes, size or null (unknown until read)]. */
async function open(source) {
  if (source instanceof Blob) {
    const head = new Uint8Array(await source.slice(0, 2).arrayBuffer());
    const stream = source.stream();
    return isGzip(head) ? [stream.pipeThrough(new DecompressionStream('gzip')), null] : [stream, source.size];
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

/** Growable typed-array columns of verdicts. */
class Store {
  constructor(selectorCount, compared) {
    this.selectorCount = selectorCount;
    this.compared = compared;
    this.n = 0;
    this.capacity = 0;
    this.strings = [];
    this.ids = new Map();
    this.problems = new Map();
    // Rows matched by a selector past the 32 of the bit column: their whole matched list.
    this.wide = new Map();
    this.fileStarts = [];
    this.fileFirstRows = [];
    this.cache = null;
    this.grow(1024);
  }

  grow(capacity) {
    const resize = (old, Type) => {
      const next = new Type(capacity);
      if (old) next.set(old.subarray(0, this.n));
      return next;
    };
    this.logged = resize(this.logged, Uint8Array);
    this.before = resize(this.before, Uint8Array);
    this.matched = resize(this.matched, Uint32Array);
    this.source = resize(this.source, Uint32Array);
    this.name = resize(this.name, Uint32Array);
    this.category = resize(this.category, Uint32Array);
    this.file = resize(this.file, Uint16Array);
    this.offset = resize(this.offset, Float64Array);
    this.length = resize(this.length, Uint32Array);
    this.wrapping = resize(this.wrapping, Uint8Array);
    this.capacity = capacity;
  }

  intern(text) {
    const key = text ?? '-';
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(key);
      this.ids.set(key, id);
    }
    return id;
  }

  add(row, before, file) {
    if (this.n === this.capacity) this.grow(this.capacity * 2);
    const i = this.n++;
    this.cache = null;
    this.file[i] = file;
    this.offset[i] = row.offset;
    if (row.logged === undefined) {
      // A problem row (ProblemRow): kept whole, problems are few.
      this.problems.set(i, row);
      this.source[i] = this.intern(null);
      this.name[i] = this.intern(null);
      return;
    }
    this.logged[i] = row.logged ? 1 : 0;
    this.before[i] = before ? 1 : 0;
    let bits = 0;
    for (const s of row.matched) bits |= s < 32 ? 1 << s : 0;
    this.matched[i] = bits >>> 0;
    if (row.matched.some((s) => s >= 32)) this.wide.set(i, row.matched);
    this.source[i] = this.intern(row.eventSource);
    this.name[i] = this.intern(row.eventName);
    this.category[i] = this.intern(row.category);
    this.length[i] = row.length;
    this.wrapping[i] = row.wrapping;
  }

  keep(i, filter, text) {
    if (this.problems.has(i)) return filter.logged === 'all' && filter.selector == null && (text === '' || this.problems.get(i).message.toLowerCase().includes(text));
    if (filter.logged === 'logged' && !this.logged[i]) return false;
    if (filter.logged === 'not' && this.logged[i]) return false;
    if (filter.logged === 'changed' && this.logged[i] === this.before[i]) return false;
    if (filter.selector != null && !this.matches(i, filter.selector)) return false;
    if (text !== '') {
      const both = `${this.strings[this.source[i]]} ${this.strings[this.name[i]]}`.toLowerCase();
      if (!both.includes(text)) return false;
    }
    return true;
  }

  /** Whether row `i` was matched by selector `s`. */
  matches(i, s) {
    return s < 32 ? (this.matched[i] & (1 << s)) !== 0 : (this.wide.get(i)?.includes(s) ?? false);
  }

  /** Indexes of the rows `filter` keeps (cached until the next change). */
  indexes(filter) {
    const key = JSON.stringify(filter);
    if (this.cache && this.cache.key === key) return this.cache.indexes;
    const text = (filter.text ?? '').trim().toLowerCase();
    const all = filter.logged === 'all' && filter.selector == null && text === '';
    let indexes;
    if (all) {
      indexes = null;
    } else {
      const kept = new Uint32Array(this.n);
      let k = 0;
      for (let i = 0; i < this.n; i++) if (this.keep(i, filter, text)) kept[k++] = i;
      indexes = kept.subarray(0, k);
    }
    this.cache = { key, indexes };
    return indexes;
  }

  /** Row `i` as ReplaySession gave it (a VerdictRow without its eventID, which is not kept, or
   * a ProblemRow): the page reads it as core's `Row`. */
  row(i) {
    if (this.problems.has(i)) return { ...this.problems.get(i), index: i };
    const matched = this.wide.get(i) ?? [];
    if (!this.wide.has(i)) for (let s = 0; s < Math.min(this.selectorCount, 32); s++) if (this.matches(i, s)) matched.push(s);
    return {
      index: i,
      offset: this.offset[i],
      eventSource: this.strings[this.source[i]],
      eventName: this.strings[this.name[i]],
      category: this.strings[this.category[i]],
      logged: this.logged[i] === 1,
      matched,
      length: this.length[i],
      wrapping: this.wrapping[i],
    };
  }

  page(filter, start, count) {
    const indexes = this.indexes(filter);
    const total = indexes ? indexes.length : this.n;
    const rows = [];
    const before = [];
    for (let k = start; k < Math.min(total, start + count); k++) {
      const i = indexes ? indexes[k] : k;
      rows.push(this.row(i));
      if (this.compared) before.push(this.before[i] === 1);
    }
    return { total, start, rows, before };
  }
}

/** The 20 most frequent eventSource/eventName pairs of a summary. */
function top(summary) {
  return Object.entries(summary.by_event)
    .map(([name, c]) => ({ name, events: c.events, logged: c.logged }))
    .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name))
    .slice(0, 20);
}

function sessions(request, context, before) {
  const after = new ReplaySession(request, context ?? undefined);
  return [after, before ? ReplaySession.fromSelectors(before) : null];
}

async function start({ request, context, before }) {
  const run = ++generation;
  cancelled = false;
  let after, earlier;
  try {
    [after, earlier] = sessions(request, context, before);
  } catch (error) {
    postMessage({ type: 'error', message: String(error.message ?? error) });
    return;
  }
  explainer?.free();
  explainer = new ReplaySession(request, context ?? undefined);
  store = new Store(JSON.parse(after.summary()).by_selector.length, earlier !== null);
  const opened = [];
  for (const source of sources) opened.push(await open(source));
  const sizes = opened.map(([, size]) => size);
  const total = sizes.every((size) => size !== null) ? sizes.reduce((a, b) => a + b, 0) : null;
  let bytes = 0;
  let tick = performance.now();
  const report = (type) => {
    const summary = JSON.parse(after.summary());
    postMessage({ type, bytes, total, summary, top: top(summary), compared: earlier !== null });
  };
  const feed = (rowsAfter, rowsBefore, file) => {
    const now = JSON.parse(rowsAfter);
    const then = rowsBefore ? JSON.parse(rowsBefore) : null;
    now.forEach((row, k) => store.add(row, then ? then[k].logged : false, file));
  };
  try {
    for (let file = 0; file < opened.length; file++) {
      store.fileStarts[file] = bytes;
      store.fileFirstRows[file] = store.n;
      const reader = opened[file][0].getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (let i = 0; i < value.length; i += CHUNK) {
          const chunk = value.subarray(i, i + CHUNK);
          feed(after.push(chunk, true), earlier?.push(chunk, true), file);
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
      feed(after.finish(true), earlier?.finish(true), file);
    }
    report('done');
  } catch (error) {
    postMessage({ type: 'error', message: String(error.message ?? error) });
  } finally {
    after.free();
    earlier?.free();
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
  const reader = stream.getReader();
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
  if (!store || index >= store.n) return;
  if (store.problems.has(index)) {
    postMessage({ type: 'explanation', index, record: null, problem: store.problems.get(index).message });
    return;
  }
  const file = store.file[index];
  const source = sources[file];
  // A synthetic record is made again on its own; other sources are read up to it.
  const record = source.synth
    ? synthRecord(source.synth.seed, index - store.fileFirstRows[file])
    : new TextDecoder().decode(await slice(source, store.offset[index] - store.fileStarts[file], store.length[index]));
  // The same selectors as the replay: rebuilt from the request the page last sent.
  const why = JSON.parse(explainer.explain(record, store.wrapping[index]));
  postMessage({ type: 'explanation', index, record, ...('problem' in why ? { problem: why.problem } : { explanation: why }) });
}
