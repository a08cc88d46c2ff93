// Runs the explorer's change benchmark (src/bin/change_bench.rs, built for Node by
// scripts/bench-change.sh) on the bundled collections: everything one filter change
// recomputes, before and after, at each size of BENCH_N. Prints figures; asserts no time.
//   node bench/change-bench.mjs PKG_DIR
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node bench/change-bench.mjs PKG_DIR (built by scripts/bench-change.sh)');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const bench = require(resolve(pkg, 'change_bench.js'));
const sizes = process.env.BENCH_N ?? '100000,1000000';
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
console.log(`Node ${process.version}, WebAssembly; sizes ${sizes}; ${rounds} rounds of each scene`);
try {
  bench.run(
    readFileSync('public/data/curated.json'),
    readFileSync('public/data/ucdp.json'),
    sizes,
    rounds,
    (line) => console.log(line),
  );
} catch (error) {
  console.error(String(error));
  process.exit(1);
}
