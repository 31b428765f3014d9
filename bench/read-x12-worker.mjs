// One reader over one file; prints one JSON line: MB/s, peak RSS, counts.
import { createReadStream, readFileSync, statSync } from 'node:fs';

const [reader, file] = process.argv.slice(2);
const HWM = Number(process.env.READ_CHUNK_KB ?? 64) * 1024;
const bytes = statSync(file).size;
const start = process.hrtime.bigint();
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
  const { X12Parser } = await import('node-x12');
  const parsed = new X12Parser(true).parse(readFileSync(file, 'utf8'));
  const interchanges = Array.isArray(parsed) ? parsed : [parsed];
  for (const ic of interchanges) for (const g of ic.functionalGroups) for (const t of g.transactions) {
    sets++;
    segments += t.segments.length;
  }
} else {
  const { readX12Stream } = await import('../dist/x12/index.js');
  errors = 0;
  const source = createReadStream(file, { highWaterMark: HWM });
  for await (const events of readX12Stream(source)) {
    for (const event of events) {
      if (event.type !== 'transaction-set') continue;
      sets++;
      segments += event.set.segments.length;
      for (const d of event.set.diagnostics) if (d.severity === 'error') errors++;
    }
  }
}

const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mbPerSecond: bytes / 1e6 / seconds, seconds, peakRssMb, sets, segments, errors }));
