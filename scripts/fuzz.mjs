#!/usr/bin/env node
// The long fuzz run: damaged X12 files through the reader, the mapping and the acknowledgement
// builder, damaged partner files through the loader, all against the built package (dist/).
// Usage: npm run fuzz -- [--cases 100000] [--seed S] [--workers N] [--timeout-ms 2000]
// Each case runs in a worker thread with a time limit: a case over it is a hang. Prints one line
// per target (cases, crashes, hangs, unspecific errors, invalid output), saves every failing input
// under bench/out/fuzz/, and exits 1 when anything failed. Rerun a failure with the same seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { arbitraries, caseRunner, partnerFiles, x12Samples } from './fuzz/targets.mjs';

const TARGETS = ['translate', 'acknowledge', 'partners'];
const KINDS = ['crash', 'hang', 'unspecific', 'invalid-output'];
/** Cases drawn at a time per target: enough to keep workers busy, few enough to hold in memory. */
const BATCH = 100;
const OUT = new URL('../bench/out/fuzz/', import.meta.url).pathname;

if (isMainThread) await main();
else await serveCases();

async function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string' },
      workers: { type: 'string', default: String(availableParallelism()) },
      'timeout-ms': { type: 'string', default: '2000' },
    },
  });
  const cases = wholeNumber('--cases', values.cases);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : wholeNumber('--seed', values.seed);
  const workers = Math.max(1, wholeNumber('--workers', values.workers));
  const timeoutMs = wholeNumber('--timeout-ms', values['timeout-ms']);

  const { readX12 } = await import(new URL('../dist/x12/index.js', import.meta.url).href);
  const arbitrary = arbitraries({ samples: x12Samples(readX12), partners: partnerFiles() });
  const tally = Object.fromEntries(
    TARGETS.map((t) => [t, { cases: 0, ...Object.fromEntries(KINDS.map((k) => [k, 0])) }]),
  );
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const queue = caseQueue(arbitrary, cases, seed);
  const pool = Array.from({ length: Math.min(workers, cases) }, () => runWorker(queue, timeoutMs, record));
  await Promise.all(pool);

  function record(item, findings) {
    const count = tally[item.target];
    count.cases++;
    for (const kind of new Set(findings.map((f) => f.kind))) count[kind]++;
    if (findings.length > 0) save(item, findings, seed);
    const done = TARGETS.reduce((n, t) => n + tally[t].cases, 0);
    if (done % 5000 === 0)
      process.stderr.write(`${done}/${cases} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
  }

  printTable(tally, { cases, seed, workers, timeoutMs, seconds: (Date.now() - started) / 1000 });
  const failed = TARGETS.some((t) => KINDS.some((k) => tally[t][k] > 0));
  process.exitCode = failed ? 1 : 0;
}

function wholeNumber(name, text) {
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number, not '${text}'`);
  return Number(text);
}

/**
 * The cases in a fixed order for a seed: case k goes to target k mod 3, and each target's cases
 * come in batches drawn with a seed derived from the run's seed and the batch number.
 */
function caseQueue(arbitrary, total, seed) {
  const drawn = Object.fromEntries(TARGETS.map((t) => [t, { batch: 0, items: [] }]));
  let next = 0;
  return () => {
    if (next >= total) return undefined;
    const index = next++;
    const target = TARGETS[index % TARGETS.length];
    const state = drawn[target];
    if (state.items.length === 0) {
      const batchSeed = (seed + 7919 * state.batch + 104729 * TARGETS.indexOf(target)) % 2 ** 31;
      state.items = fc.sample(arbitrary[target], { seed: batchSeed, numRuns: BATCH });
      state.batch++;
    }
    return { index, target, made: state.items.shift() };
  };
}

/** One worker thread taking cases until none are left; a case over the time limit is a hang. */
async function runWorker(queue, timeoutMs, record) {
  let worker = await startWorker();
  for (let item = queue(); item !== undefined; item = queue()) {
    const outcome = await runCase(worker, item, timeoutMs);
    if (outcome.hang || outcome.died) {
      await worker.terminate();
      worker = await startWorker();
    }
    record(
      item,
      outcome.hang ? [{ kind: 'hang', message: `no answer within ${timeoutMs} ms` }] : outcome.findings,
    );
  }
  await worker.terminate();
}

function startWorker() {
  const worker = new Worker(new URL(import.meta.url));
  return new Promise((resolve, reject) => {
    worker.once('message', (message) =>
      message === 'ready' ? resolve(worker) : reject(new Error(String(message))),
    );
    worker.once('error', reject);
  }).then((ready) => {
    // An error between cases must not end the run: the next case finds the worker dead.
    ready.on('error', () => {});
    return ready;
  });
}

function runCase(worker, item, timeoutMs) {
  return new Promise((resolve) => {
    const settle = (outcome) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      resolve(outcome);
    };
    const onMessage = (findings) => settle({ findings });
    // A worker that dies (out of memory, a stack overflow the check did not catch) is a crash.
    const onError = (error) =>
      settle({ died: true, findings: [{ kind: 'crash', message: `worker died: ${error.stack ?? error}` }] });
    const timer = setTimeout(() => settle({ hang: true }), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ target: item.target, made: item.made });
  });
}

async function serveCases() {
  const run = await caseRunner();
  parentPort.on('message', ({ target, made }) => {
    let findings;
    try {
      findings = run(target, made);
    } catch (error) {
      findings = [{ kind: 'crash', message: `the check itself threw: ${error.stack ?? error}` }];
    }
    parentPort.postMessage(findings);
  });
  parentPort.postMessage('ready');
}

/** The failing input as it was given, and a note of how it was made and what went wrong. */
function save(item, findings, seed) {
  const kinds = [...new Set(findings.map((f) => f.kind))].join('+');
  const base = join(OUT, `${item.target}-${seed}-${item.index}-${kinds}`);
  writeFileSync(`${base}.${item.target === 'partners' ? 'yaml' : 'edi'}`, item.made.input);
  const note = {
    target: item.target,
    seed,
    case: item.index,
    sample: item.made.name,
    mutations: item.made.mutations,
    options: item.made.options,
    findings,
  };
  writeFileSync(`${base}.json`, `${JSON.stringify(note, null, 2)}\n`);
}

function printTable(tally, run) {
  const header = ['target', 'cases', 'crashes', 'hangs', 'unspecific', 'invalid output'];
  const rows = TARGETS.map((t) => [
    t,
    tally[t].cases,
    tally[t].crash,
    tally[t].hang,
    tally[t].unspecific,
    tally[t]['invalid-output'],
  ]);
  const total = ['total', ...[1, 2, 3, 4, 5].map((i) => rows.reduce((n, r) => n + r[i], 0))];
  const lines = [header, ...rows, total].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...lines.map((r) => r[i].length)));
  const out = lines.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
  );
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  out.push(
    '',
    `seed ${run.seed}, ${run.cases} cases, ${run.workers} workers, time limit ${run.timeoutMs} ms per case, ${run.seconds.toFixed(0)} s`,
    `failing inputs: ${OUT}`,
  );
  console.log(out.join('\n'));
}
