// One reader over one file, twice in the same process: the first pass is cold (a fresh process,
// code not yet optimised), the second warm (as in a gateway that has been running). Prints one
// JSON line. Modules are loaded before the clock starts, for every reader alike; the spec files
// our reader loads on first use are inside the measured time.
import { createReadStream, readFileSync, statSync } from 'node:fs';

const [reader, file] = process.argv.slice(2);
/** Read size for our streaming reader (KB): small reads keep each batch of sets short-lived. */
const READ_CHUNK = Number(process.env.READ_CHUNK_KB ?? 64) * 1024;
const bytes = statSync(file).size;
const { X12Parser } = await import('node-x12');
const { readX12Stream } = await import('../dist/x12/index.js');

async function pass() {
  let sets = 0;
  let segments = 0;
  let errors;
  if (reader === 'naive-split') {
    // The floor any reader has to beat: split on the terminator, then on the element separator.
    const text = readFileSync(file, 'utf8');
    for (const raw of text.split('~')) {
      const elements = raw.trim().split('*');
      segments++;
      if (elements[0] === 'ST') sets++;
    }
  } else if (reader === 'node-x12') {
    const parsed = new X12Parser(true).parse(readFileSync(file, 'utf8'));
    const interchanges = Array.isArray(parsed) ? parsed : [parsed];
    for (const ic of interchanges)
      for (const g of ic.functionalGroups)
        for (const t of g.transactions) {
          sets++;
          segments += t.segments.length;
        }
  } else {
    errors = 0;
    const source = createReadStream(file, { highWaterMark: READ_CHUNK });
    for await (const events of readX12Stream(source)) {
      for (const event of events) {
        if (event.type !== 'transaction-set') continue;
        sets++;
        segments += event.set.segments.length;
        for (const d of event.set.diagnostics) if (d.severity === 'error') errors++;
      }
    }
  }
  return { sets, segments, errors };
}

const seconds = [];
let counts;
for (let i = 0; i < 2; i++) {
  const start = process.hrtime.bigint();
  counts = await pass();
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ cold: bytes / 1e6 / seconds[0], warm: bytes / 1e6 / seconds[1], peakRssMb, ...counts }),
);
