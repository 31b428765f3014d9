#!/usr/bin/env node
// Writes a large, valid 004010 file of 850 purchase orders, for benchmarks and soak tests.
// Usage: node scripts/generate-850s.mjs <out.edi> <megabytes> [--sets-per-group N]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

const pad = (s, n) => String(s).padEnd(n).slice(0, n);

/** One 850 with `lines` PO1 loops; returns its segments without terminators. */
function purchaseOrder(n, lines) {
  const cn = String(n).padStart(9, '0');
  const segs = [
    `ST*850*${cn}`,
    `BEG*00*SA*PO${cn}**20240115`,
    `CUR*BY*USD`,
    `REF*DP*${100 + (n % 50)}`,
    `REF*IA*VENDOR${n % 97}`,
    `DTM*002*20240201`,
    `TD5*O*2*UPSN*M*UPS GROUND`,
    `N1*ST*STORE ${n % 500}*92*${1000 + (n % 500)}`,
    `N3*${100 + (n % 900)} MAIN STREET*SUITE ${n % 30}`,
    `N4*SPRINGFIELD*IL*62701*US`,
    `N1*BT*ACME RETAIL ACCOUNTS PAYABLE*92*0001`,
  ];
  for (let l = 1; l <= lines; l++) {
    const qty = 1 + ((n * l) % 48);
    const price = ((n + l) % 9000) / 100 + 1;
    segs.push(
      `PO1*${l}*${qty}*EA*${price.toFixed(2)}*PE*UP*0${String(71000000000 + ((n * 7 + l) % 9999999)).padStart(11, '0')}*VN*SKU-${(n + l) % 100000}`,
    );
    segs.push(`PID*F****ITEM ${l} OF ORDER ${n} BLUE WIDGET`);
  }
  segs.push(`CTT*${lines}`);
  segs.push(`SE*${segs.length + 1}*${cn}`);
  return segs;
}

/**
 * Generates about `megabytes` MB of X12 into `path`: interchanges of one group each, every group
 * holding `setsPerGroup` 850s of 1 to 8 lines.
 */
export async function generate850s(path, megabytes, setsPerGroup = 1000) {
  const out = createWriteStream(path);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let n = 0;
  let interchange = 0;
  let sets = 0;
  while (written < target) {
    interchange++;
    const icn = String(interchange).padStart(9, '0');
    let chunk = `ISA*00*${pad('', 10)}*00*${pad('', 10)}*ZZ*${pad('BIGBOX', 15)}*ZZ*${pad('SUPPLIER', 15)}*240115*1200*U*00401*${icn}*0*P*>~\n`;
    chunk += `GS*PO*BIGBOX*SUPPLIER*20240115*1200*${interchange}*X*004010~\n`;
    let groupSets = 0;
    for (; groupSets < setsPerGroup && written + chunk.length < target; groupSets++) {
      n++;
      chunk += purchaseOrder(n, 1 + (n % 8)).join('~\n') + '~\n';
      if (chunk.length > 1 << 20) {
        written += chunk.length;
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    sets += groupSets;
    chunk += `GE*${groupSets}*${interchange}~\nIEA*1*${icn}~\n`;
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { bytes: written, transactionSets: sets, interchanges: interchange };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [path, mb] = process.argv.slice(2);
  if (!path || !mb) {
    console.error('usage: node scripts/generate-850s.mjs <out.edi> <megabytes>');
    process.exit(2);
  }
  const r = await generate850s(path, Number(mb));
  console.log(
    `${path}: ${(r.bytes / 1e6).toFixed(1)} MB, ${r.transactionSets} transaction sets, ${r.interchanges} interchanges`,
  );
}
