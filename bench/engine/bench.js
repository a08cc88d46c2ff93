// The explorer's engine for the shared filtering benchmark: window.bench = { load(url),
// apply(op), snapshot() }, as its README asks. Every figure comes from the wasm core; this file
// only passes ops in and turns the flat result into the benchmark's groups and checksum.
// The benchmark serves this folder at /NAME/ and its own common.js at the root.
import init, { BenchEngine } from './pkg/bench_engine.js';
import { checksum } from '../common.js';

const DIMS = { actor: 16, kind: 20, governorate: 14 };
let wasm, engine;

/** The flat read (months, actors, kinds, governorates, top days) as groups and top days. */
function split(flat) {
  const groups = [];
  let at = engine.months();
  const keyed = (values) => Array.from(values, (value, key) => ({ key, value }));
  groups.push(keyed(flat.subarray(0, at)));
  for (const size of Object.values(DIMS)) {
    groups.push(keyed(flat.subarray(at, at + size)));
    at += size;
  }
  return { groups, topDays: Array.from(flat.subarray(at)) };
}

async function load(url) {
  wasm ??= await init();
  const t0 = performance.now();
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const t1 = performance.now();
  engine?.free();
  engine = new BenchEngine(bytes);
  const t2 = performance.now();
  const first = split(engine.read());
  const t3 = performance.now();
  document.getElementById('status').textContent = `loaded ${engine.rows()} rows`;
  return {
    n: engine.rows(), bytes: bytes.byteLength, fetchMs: t1 - t0, parseMs: t2 - t1, buildMs: t3 - t2,
    loadMs: t3 - t1, memoryBytes: wasm.memory.buffer.byteLength,
    checksum0: checksum(first.groups, first.topDays),
  };
}

function apply(op) {
  const t0 = performance.now();
  if (op.type === 'clear') engine.clear();
  else if (op.dim === 'day') engine.set_days(op.lo, op.hi);
  else engine.set_values(op.dim, Uint8Array.from(op.set));
  const flat = engine.read();
  const ms = performance.now() - t0;
  const { groups, topDays } = split(flat);
  return { ms, checksum: checksum(groups, topDays) };
}

function snapshot() {
  const { groups, topDays } = split(engine.read());
  const names = ['month', ...Object.keys(DIMS)];
  return {
    groups: Object.fromEntries(names.map((name, i) => [name, groups[i].filter((g) => g.value).map(({ key, value }) => [key, value])])),
    topDays,
    checksum: checksum(groups, topDays),
  };
}

window.bench = { engine: 'incident-explorer', version: 'core', load, apply, snapshot };
