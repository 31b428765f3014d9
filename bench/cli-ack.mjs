#!/usr/bin/env node
// `edi-gateway ack` and `edi-gateway translate --ndjson` on large generated files of 850s, against
// a naive split of the same file, each in a fresh process as a person runs them (start-up
// included), output to /dev/null. Wall time from spawn to exit and peak RSS of each process; the
// tools take turns for ROUNDS rounds and the median is printed, since the machine is shared and
// noisy. A tool that fails once (out of memory) is not run again for that size.
// Runs from the project folder, so that `./partners` and `./mappings` are read.
// Usage: npm run bench:cli-ack -- [--mb 30,300] [--dist dist,/path/to/other/dist] [--rounds 3]
// A build other than ./dist is copied under bench/out/cli-ack/, where it finds the project's
// packages, and run through a launcher like bin/edi-gateway.js.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate850s } from '../scripts/generate-850s.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const home = join(root, 'bench/out/cli-ack');
const self = fileURLToPath(import.meta.url);
const TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '30' },
    dist: { type: 'string', default: 'dist' },
    rounds: { type: 'string', default: process.env['ROUNDS'] ?? '3' },
    // Internal: this file is also the naive split, run in its own process.
    'naive-split': { type: 'string' },
    'chunk-kb': { type: 'string', default: '1024' },
  },
});

/**
 * The naive split of bench/read-x12-worker.mjs (split on the terminator, then each segment on the
 * element separator, counting segments and sets), reading the file as a stream of `chunkKb` reads
 * so that it runs on files larger than the longest string Node can hold.
 */
async function naiveSplit(file, chunkKb) {
  let segments = 0;
  let sets = 0;
  const count = (raw) => {
    const elements = raw.trim().split('*');
    segments++;
    if (elements[0] === 'ST') sets++;
  };
  let rest = '';
  const source = createReadStream(file, { encoding: 'utf8', highWaterMark: chunkKb * 1024 });
  for await (const text of source) {
    const parts = (rest + text).split('~');
    rest = parts.pop() ?? '';
    for (const raw of parts) count(raw);
  }
  count(rest);
  process.stdout.write(`${segments} segments, ${sets} sets\n`);
}

if (values['naive-split'] !== undefined) {
  await naiveSplit(values['naive-split'], Number(values['chunk-kb']));
  process.exit(0);
}

const ROUNDS = Number(values.rounds);
const sizes = values.mb.split(',').map(Number).filter(Boolean);
const hasTime = existsSync(TIME);
mkdirSync(home, { recursive: true });
const rssShim = join(home, 'max-rss.mjs');
// Without GNU time, each process reports its own peak RSS (KB) as it exits.
writeFileSync(
  rssShim,
  "import { writeFileSync } from 'node:fs';\n" +
    "process.on('exit', () => writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

/** The launcher of each build: the project's own bin for ./dist, else a copy with its own launcher. */
function buildOf(dist, index) {
  const absolute = resolve(root, dist);
  const own = absolute === resolve(root, 'dist');
  let launcher = join(root, 'bin/edi-gateway.js');
  let distDir = absolute;
  if (!own) {
    const copy = join(home, `build-${index}`);
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true });
    distDir = join(copy, 'dist');
    cpSync(absolute, distDir, { recursive: true });
    launcher = join(copy, 'edi-gateway.js');
    writeFileSync(
      launcher,
      "import { main } from './dist/cli/main.js';\n\nprocess.exitCode = await main(process.argv.slice(2));\n",
    );
  }
  return { dist, launcher, distDir, ndjson: ndjsonLaunch(launcher, distDir, index) };
}

/**
 * How `translate --ndjson` is run with a build: through its command line when that registers the
 * option, else by calling the command function of the build directly (and the table says so).
 */
function ndjsonLaunch(launcher, distDir, index) {
  const help = spawnSync(process.execPath, [launcher, 'translate', '--help'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (help.stdout.includes('--ndjson')) return { args: [launcher, 'translate', '--ndjson'], direct: false };
  const direct = join(home, `translate-ndjson-${index}.mjs`);
  writeFileSync(
    direct,
    `import { translateCommand } from ${JSON.stringify(join(distDir, 'cli/translate-command.js'))};\n` +
      `import { processOutput } from ${JSON.stringify(join(distDir, 'cli/output.js'))};\n\n` +
      'process.exitCode = await translateCommand(process.argv[2], { ndjson: true }, processOutput);\n',
  );
  return { args: [direct], direct: true };
}

const builds = values.dist.split(',').map((dist, i) => buildOf(dist, i));

/** One process from spawn to exit, stdout to /dev/null: wall seconds, peak RSS (MB), failure. */
function run(args) {
  const rssFile = join(home, 'max-rss.txt');
  rmSync(rssFile, { force: true });
  const command = hasTime
    ? [TIME, ['-o', rssFile, '-f', '%M', process.execPath, ...args]]
    : [process.execPath, ['--import', rssShim, ...args]];
  const start = process.hrtime.bigint();
  const child = spawnSync(command[0], command[1], {
    cwd: root,
    env: { ...process.env, MAX_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.error) throw child.error;
  // GNU time prints "Command exited with non-zero status N" before the figure when the tool failed.
  const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
  // Every generated file is valid: any exit but 0 is a failure of the tool.
  const outOfMemory = /heap out of memory|Allocation failed/i.test(child.stderr ?? '');
  return {
    seconds,
    rssMb: rssKb / 1024,
    error: outOfMemory ? 'out of memory' : child.status !== 0 ? `exit ${child.status}` : undefined,
  };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

console.log(
  `median of ${ROUNDS} rounds, interleaved; wall seconds from spawn to exit (start-up included), stdout to /dev/null;` +
    ` peak RSS by ${hasTime ? 'GNU time (%M)' : 'process.resourceUsage().maxRSS at exit'}`,
);
console.log('speed = naive split (1 MB reads) seconds / tool seconds: 0.80 is 80% of its speed');
for (const mb of sizes) {
  const file = join(root, `bench/out/po-${mb}mb.edi`);
  if (!existsSync(file)) await generate850s(file, mb);
  const tools = [
    { name: 'naive split, 1 MB reads', args: [self, '--naive-split', file, '--chunk-kb', '1024'] },
    { name: 'naive split, 64 KB reads', args: [self, '--naive-split', file, '--chunk-kb', '64'] },
  ];
  for (const build of builds) {
    tools.push({ name: `ack (${build.dist})`, args: [build.launcher, 'ack', file] });
    tools.push({
      name: `translate --ndjson (${build.dist}${build.ndjson.direct ? ', direct call' : ''})`,
      args: [...build.ndjson.args, file],
    });
  }
  const results = tools.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    tools.forEach((tool, i) => {
      if (results[i][0]?.error) return;
      results[i].push(run(tool.args));
    });
  }
  const naive = median(results[0].map((r) => r.seconds));
  console.log(`\n${mb} MB: ${file}`);
  console.log('size     tool                                                 median s   speed  peak RSS MB');
  tools.forEach((tool, i) => {
    const ok = results[i].filter((r) => !r.error);
    const label = `${`${mb} MB`.padEnd(8)} ${tool.name.slice(-52).padEnd(52)}`;
    if (ok.length === 0) {
      console.log(`${label} failed: ${results[i][0]?.error} after ${results[i][0]?.seconds.toFixed(1)} s`);
      return;
    }
    const seconds = median(ok.map((r) => r.seconds));
    const rss = median(ok.map((r) => r.rssMb));
    console.log(
      `${label} ${seconds.toFixed(2).padStart(8)} ${(naive / seconds).toFixed(2).padStart(6)}x ${rss
        .toFixed(0)
        .padStart(11)}`,
    );
  });
}
