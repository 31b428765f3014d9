#!/usr/bin/env node
// Reading speed and peak memory of three X12 readers on generated 850 files, in one run:
// node-x12's parse, a naive split baseline, and our streaming reader with full validation.
// Each reader runs in its own process so that peak RSS is its own.
// Usage: npm run bench:read-x12   (or: node bench/read-x12.mjs [sizeMB ...])
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate850s } from '../scripts/generate-850s.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}out`;
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const readers = ['naive-split', 'node-x12', 'edi-gateway'];

mkdirSync(outDir, { recursive: true });
const rows = [];
for (const mb of sizes.length ? sizes : [10, 100]) {
  const file = `${outDir}/po-${mb}mb.edi`;
  if (!existsSync(file)) await generate850s(file, mb);
  const bytes = statSync(file).size;
  for (const reader of readers) {
    const child = spawnSync(process.execPath, ['--max-old-space-size=4096', `${here}read-x12-worker.mjs`, reader, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const last = child.stdout.trim().split('\n').pop() ?? '';
    let result;
    try {
      result = JSON.parse(last);
    } catch {
      const why = /heap out of memory|Allocation failed/i.test(child.stderr) ? 'out of memory' : `failed (exit ${child.status})`;
      result = { error: why };
    }
    rows.push({ file: `${mb} MB`, reader, bytes, ...result });
  }
}

const naive = Object.fromEntries(rows.filter((r) => r.reader === 'naive-split').map((r) => [r.file, r.mbPerSecond]));
console.log('file     reader        MB/s     vs naive  peak RSS MB  sets      segments   errors');
for (const r of rows) {
  if (r.error) {
    console.log(`${r.file.padEnd(8)} ${r.reader.padEnd(13)} ${r.error}`);
    continue;
  }
  const ratio = naive[r.file] ? (r.mbPerSecond / naive[r.file]).toFixed(2) + 'x' : '-';
  console.log(
    `${r.file.padEnd(8)} ${r.reader.padEnd(13)} ${r.mbPerSecond.toFixed(1).padStart(7)}  ${ratio.padStart(8)}  ${String(Math.round(r.peakRssMb)).padStart(11)}  ${String(r.sets).padStart(8)}  ${String(r.segments).padStart(9)}  ${r.errors ?? '-'}`,
  );
}
