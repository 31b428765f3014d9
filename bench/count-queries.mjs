// Loaded into a worker with `node --import ./bench/count-queries.mjs`: counts the SQL statements
// the process sends, by statement shape (literals and placeholders folded), and prints the most
// frequent ones on stderr when it exits. Shows how many database round-trips each step costs.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const counts = new Map();
const original = Client.prototype.query;
Client.prototype.query = function query(config, ...rest) {
  const text = typeof config === 'string' ? config : (config?.text ?? '');
  const shape = text
    .replace(/"[a-z0-9_]+"\./g, '')
    .replace(/\$\d+|'[^']*'|\b\d+\b/g, '?')
    .replace(/(\?, )+\?/g, '?...')
    .replace(/\s+/g, ' ')
    .slice(0, 140);
  counts.set(shape, (counts.get(shape) ?? 0) + 1);
  return original.call(this, config, ...rest);
};
process.on('exit', () => {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const lines = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40);
  process.stderr.write(
    `${total} SQL statements\n${lines.map(([s, n]) => `${String(n).padStart(7)}  ${s}`).join('\n')}\n`,
  );
});
