#!/usr/bin/env node
// Reading speed and peak memory of three X12 readers on generated 850 files, in one run:
// a naive split baseline, node-x12's parse, and our streaming reader with full validation.
// Each reader runs in its own process so that peak RSS is its own; the three take turns for
// ROUNDS rounds and the median of each is printed, since the machine is shared and noisy.
// Usage: npm run bench:read-x12   (or: node bench/read-x12.mjs [sizeMB ...])
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate850s } from '../scripts/generate-850s.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}out`;
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const readers = ['naive-split', 'node-x12', 'edi-gateway'];
const ROUNDS = Number(process.env.ROUNDS ?? 3);

function run(reader, file) {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', `${here}read-x12-worker.mjs`, reader, file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  try {
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '');
  } catch {
    return {
      error: /heap out of memory|Allocation failed/i.test(child.stderr)
        ? 'out of memory'
        : `failed (exit ${child.status})`,
    };
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

mkdirSync(outDir, { recursive: true });
console.log(`median of ${ROUNDS} rounds; cold = first pass in a fresh process, warm = second pass`);
console.log(
  'file     reader        cold MB/s  vs naive  warm MB/s  vs naive  peak RSS MB      sets  segments  errors',
);
for (const mb of sizes.length ? sizes : [10, 100]) {
  const file = `${outDir}/po-${mb}mb.edi`;
  if (!existsSync(file)) await generate850s(file, mb);
  const results = Object.fromEntries(readers.map((r) => [r, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const reader of readers) {
      // A reader that ran out of memory once will again: do not spend the time.
      if (results[reader][0]?.error) continue;
      results[reader].push(run(reader, file));
    }
  const summary = Object.fromEntries(
    readers.map((r) => {
      const ok = results[r].filter((x) => !x.error);
      if (!ok.length) return [r, { error: results[r][0]?.error ?? 'no result' }];
      return [
        r,
        {
          cold: median(ok.map((x) => x.cold)),
          warm: median(ok.map((x) => x.warm)),
          rss: median(ok.map((x) => x.peakRssMb)),
          ...ok[0],
        },
      ];
    }),
  );
  const naive = summary['naive-split'];
  for (const reader of readers) {
    const s = summary[reader];
    if (s.error) {
      console.log(`${(mb + ' MB').padEnd(8)} ${reader.padEnd(13)} ${s.error}`);
      continue;
    }
    const ratio = (v, base) => (base ? (v / base).toFixed(2) + 'x' : '-').padStart(8);
    console.log(
      `${(mb + ' MB').padEnd(8)} ${reader.padEnd(13)} ${s.cold.toFixed(1).padStart(9)}  ${ratio(s.cold, naive.cold)}  ${s.warm.toFixed(1).padStart(9)}  ${ratio(s.warm, naive.warm)}  ${String(Math.round(s.rss)).padStart(11)}  ${String(s.sets).padStart(8)}  ${String(s.segments).padStart(8)}  ${s.errors ?? '-'}`,
    );
  }
}
