// Runs a wasm32-wasip1 program (a benchmark built for wasm) under Node's WASI, so that the same
// code is timed in V8's wasm engine, the one Chromium runs the page's worker in.
//   node scripts/wasi-run.mjs program.wasm [args...]
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, env, exit } from 'node:process';

const wasi = new WASI({ version: 'preview1', args: argv.slice(2), env, preopens: { '/': '/' } });
const module = await WebAssembly.compile(await readFile(argv[2]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
