#!/usr/bin/env node
// How soon the `edi-gateway` command is done: `--help`, and `translate` and `ack` of a 1 KB 850,
// each in a fresh process as a person runs them, against `node -e 0` (Node's own start) in the
// same run. Every command of every build runs once per round, interleaved, for RUNS rounds; the
// median and p90 wall times are printed with their ratio to `node -e 0`, since the machine is
// shared and noisy. Runs from the project folder, so `./partners` and `./mappings` are read.
// Usage: npm run bench:cli-start -- [--runs 10] [--dist dist,/path/to/other/dist] [--file x.edi]
// A build other than ./dist is copied under bench/out/cli-start/, where it finds the project's
// packages, and run through a launcher like bin/edi-gateway.js.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    dist: { type: 'string', default: 'dist' },
    file: { type: 'string', default: 'fixtures/x12/850/EdiEngine__850.OK.edi' },
  },
});
const RUNS = Number(values.runs);
const sample = resolve(root, values.file);
// Wall-time targets in ms, as in the task that made the command start lazily.
const TARGET_MS = { '--help': 300, translate: 500, ack: 500 };

/** The launcher of each build: the project's own bin for ./dist, else a copy with its own launcher. */
function launcherOf(dist, index) {
  const absolute = resolve(dist);
  if (absolute === resolve(root, 'dist')) return join(root, 'bin/edi-gateway.js');
  const home = join(root, 'bench/out/cli-start', `build-${index}`);
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  cpSync(absolute, join(home, 'dist'), { recursive: true });
  const launcher = join(home, 'edi-gateway.js');
  writeFileSync(
    launcher,
    "import { main } from './dist/cli/main.js';\n\nprocess.exitCode = await main(process.argv.slice(2));\n",
  );
  return launcher;
}

const builds = values.dist.split(',').map((dist, i) => ({ dist, launcher: launcherOf(dist, i) }));
const commands = [
  { name: '--help', args: ['--help'] },
  { name: 'translate', args: ['translate', sample] },
  { name: 'ack', args: ['ack', sample] },
];

/** One process from spawn to exit; its wall time in ms, exit code and stdout. */
function run(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  return { ms, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const cases = [{ label: 'node -e 0', args: ['-e', '0'] }];
for (const build of builds)
  for (const command of commands)
    cases.push({
      label: `${command.name}`,
      build: build.dist,
      command: command.name,
      args: [build.launcher, ...command.args],
    });

// One round untimed, so that every build starts with the same warm file cache.
const firsts = cases.map((c) => run(c.args));
for (const [i, c] of cases.entries()) {
  if (c.command === undefined) continue;
  const first = firsts[i];
  if (first.status !== 0) throw new Error(`${c.build} ${c.label} exited ${first.status}: ${first.stderr}`);
}
// The builds must do the same: same help, same documents, same exit codes (an acknowledgement
// carries today's date and time, so only its segments without them are compared).
const comparable = (c, out) => (c.command === 'ack' ? out.replace(/^(ISA|GS)\*.*$/gm, '$1') : out);
for (const command of commands) {
  const outputs = cases.flatMap((c, i) =>
    c.command === command.name ? [comparable(c, firsts[i].stdout)] : [],
  );
  if (new Set(outputs).size > 1)
    console.log(`warning: the builds print different output for ${command.name}`);
}

const times = cases.map(() => []);
for (let round = 0; round < RUNS; round++) cases.forEach((c, i) => times[i].push(run(c.args).ms));

const sorted = (list) => [...list].sort((a, b) => a - b);
const median = (list) => {
  const s = sorted(list);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const p90 = (list) => sorted(list)[Math.ceil(list.length * 0.9) - 1];

const nodeMedian = median(times[0]);
console.log(`1 KB sample: ${values.file}; ${RUNS} runs each, interleaved; wall ms from spawn to exit`);
console.log('build                          command       median     p90  x node -e 0  target');
cases.forEach((c, i) => {
  const m = median(times[i]);
  const target = c.command === undefined ? undefined : TARGET_MS[c.command];
  const verdict = target === undefined ? '' : `${m < target ? 'met' : 'missed'} (< ${target})`;
  console.log(
    `${(c.build ?? '').slice(-30).padEnd(30)} ${c.label.padEnd(11)} ${m.toFixed(0).padStart(8)} ${p90(
      times[i],
    )
      .toFixed(0)
      .padStart(7)} ${(m / nodeMedian).toFixed(2).padStart(12)}  ${verdict}`,
  );
});
