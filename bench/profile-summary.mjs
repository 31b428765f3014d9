#!/usr/bin/env node
// Where a CPU profile (node --cpu-prof) spent its time: self time by function and by module
// (our src/ files by name, dependencies by package, Node internals together), and total time
// (self plus callees) of our own functions, so that a costly step shows up as one line.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [...] [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const TOP = Number(values.top);

/** Where a function lives: `dist/pipeline/x.js`, a package name, `node:internal`, or `(program)`. */
function moduleOf(url, functionName) {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const dist = /\/dist\/(.+)$/.exec(url);
  if (dist) return `dist/${dist[1]}`;
  if (url.startsWith('node:')) return 'node:internal';
  return url;
}

const selfByFunction = new Map();
const selfByModule = new Map();
const totalByOwnFunction = new Map();
let totalMicros = 0;
const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => add(self, id, profile.timeDeltas[i] ?? 0));
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    const mod = moduleOf(callFrame.url, callFrame.functionName);
    const name = `${callFrame.functionName || '(anonymous)'}  ${mod}:${callFrame.lineNumber + 1}`;
    add(selfByFunction, name, micros);
    add(selfByModule, mod, micros);
    totalMicros += micros;
    // Inclusive time of our own code: each of our frames on the stack counted once per sample.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      if (!frame.url.includes('/dist/') || frame.url.includes('node_modules')) continue;
      const key = `${frame.functionName || '(anonymous)'}  ${moduleOf(frame.url, '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(totalByOwnFunction, key, micros);
    }
  }
}

function print(title, map) {
  console.log(`\n${title}`);
  const sorted = [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  for (const [key, micros] of sorted) {
    console.log(
      `${((100 * micros) / totalMicros).toFixed(1).padStart(5)}%  ${(micros / 1e3).toFixed(0).padStart(7)} ms  ${key}`,
    );
  }
}

console.log(`${positionals.length} profile(s), ${(totalMicros / 1e6).toFixed(1)} s sampled`);
print('self time by module', selfByModule);
print('self time by function', selfByFunction);
print('total time of our own functions (self + callees)', totalByOwnFunction);
