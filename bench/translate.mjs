#!/usr/bin/env node
// Translation speed (read, validate, map to canonical documents) of one or more builds on a
// generated file of 850s, in one run. Each build runs in its own process, the builds take turns
// for ROUNDS rounds, and the median of each is printed with its ratio to the first build, since
// the machine is shared and noisy.
// Usage: npm run bench:translate -- [--mb 20] [--dist dist,/path/to/other/dist]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate850s } from '../scripts/generate-850s.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: { mb: { type: 'string', default: '20' }, dist: { type: 'string', default: 'dist' } },
});
const builds = values.dist.split(',').map((d) => resolve(d));
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const mb = Number(values.mb);
const file = `${here}out/po-${mb}mb.edi`;
mkdirSync(`${here}out`, { recursive: true });
if (!existsSync(file)) await generate850s(file, mb);

// The worker: translate the file twice (cold, then warm), print seconds and documents.
const worker = `
const { readFileSync } = await import('node:fs');
const { translateX12 } = await import(process.argv[1] + '/mapping/index.js');
const bytes = readFileSync(process.argv[2]);
const pass = () => { const t = process.hrtime.bigint(); const r = translateX12(bytes); return [Number(process.hrtime.bigint() - t) / 1e9, r.documents.length]; };
const [cold, documents] = pass();
const [warm] = pass();
console.log(JSON.stringify({ cold, warm, documents }));
`;

function run(dist) {
  // Each build reads the mappings of its own tree.
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', worker, dist, file], {
    cwd: resolve(dist, '..'),
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${dist}: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const results = builds.map(() => []);
for (let round = 0; round < ROUNDS; round++) builds.forEach((dist, i) => results[i].push(run(dist)));
console.log(
  `${mb} MB of 850s, median of ${ROUNDS} rounds; cold = first pass in a fresh process, warm = second`,
);
console.log('build                                   cold MB/s  warm MB/s  POs/s warm  vs first (warm)');
const firstWarm = median(results[0].map((r) => r.warm));
builds.forEach((dist, i) => {
  const cold = median(results[i].map((r) => r.cold));
  const warm = median(results[i].map((r) => r.warm));
  const documents = results[i][0].documents;
  console.log(
    `${dist.slice(-38).padEnd(38)}  ${(mb / cold).toFixed(1).padStart(9)}  ${(mb / warm).toFixed(1).padStart(9)}  ${Math.round(
      documents / warm,
    )
      .toString()
      .padStart(10)}  ${(firstWarm / warm).toFixed(2).padStart(15)}x`,
  );
});
