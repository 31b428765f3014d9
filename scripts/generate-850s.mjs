#!/usr/bin/env node
// Writes a large, valid 004010 file of 850 purchase orders, for benchmarks and soak tests.
// Usage: node scripts/generate-850s.mjs <out.edi> <megabytes> [--sets-per-group N]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

const pad = (s, n) => String(s).padEnd(n).slice(0, n);

/**
 * The unit price of item `SKU-<k>` in every generated order, as a decimal string: line `l` of
 * order `n` orders `SKU-<n + l>`, so a price list built with this matches every line.
 *
 * @example
 * itemPrice(1234); // '13.34'
 */
export function itemPrice(k) {
  return ((k % 9000) / 100 + 1).toFixed(2);
}

/**
 * The catalog items, prices and stock that let every order numbered 1 to `lastOrder` be
 * accepted: one item per `SKU-<k>` (known by that vendor part number, sold by the each), its
 * price in `priceListId`, and plenty of stock at `locationId`.
 *
 * @example
 * const { catalog, priceList, inventory } = masterDataFor(1000, { priceListId: 'acme-2025', locationId: 'DC-EAST' });
 */
export function masterDataFor(lastOrder, { priceListId, locationId }) {
  const skus = Array.from({ length: lastOrder + 7 }, (_, i) => i + 2);
  return {
    catalog: skus.map((k) => ({
      itemId: `SKU-${k}`,
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { vendorPartNumber: [`SKU-${k}`] },
    })),
    priceList: {
      id: priceListId,
      entries: skus.map((k) => ({ itemId: `SKU-${k}`, uom: 'EA', unitPrice: itemPrice(k) })),
    },
    inventory: skus.map((k) => ({ itemId: `SKU-${k}`, locationId, kind: 'dc', onHand: '1000000' })),
  };
}

const DEFAULT_DATES = { order: '20240115', delivery: '20240201' };

/** One 850 with `lines` PO1 loops; returns its segments without terminators. */
function purchaseOrder(n, lines, dates = DEFAULT_DATES) {
  const cn = String(n).padStart(9, '0');
  const segs = [
    `ST*850*${cn}`,
    `BEG*00*SA*PO${cn}**${dates.order}`,
    `CUR*BY*USD`,
    `REF*DP*${100 + (n % 50)}`,
    `REF*IA*VENDOR${n % 97}`,
    `DTM*002*${dates.delivery}`,
    `TD5*O*2*UPSN*M*UPS GROUND`,
    `N1*ST*STORE ${n % 500}*92*${1000 + (n % 500)}`,
    `N3*${100 + (n % 900)} MAIN STREET*SUITE ${n % 30}`,
    `N4*SPRINGFIELD*IL*62701*US`,
    `N1*BT*ACME RETAIL ACCOUNTS PAYABLE*92*0001`,
  ];
  for (let l = 1; l <= lines; l++) {
    const qty = 1 + ((n * l) % 48);
    segs.push(
      `PO1*${l}*${qty}*EA*${itemPrice(n + l)}*PE*UP*0${String(71000000000 + ((n * 7 + l) % 9999999)).padStart(11, '0')}*VN*SKU-${(n + l) % 100000}`,
    );
    segs.push(`PID*F****ITEM ${l} OF ORDER ${n} BLUE WIDGET`);
  }
  segs.push(`CTT*${lines}`);
  segs.push(`SE*${segs.length + 1}*${cn}`);
  return segs;
}

/**
 * One interchange with one group of `orders` 850s numbered from `firstOrder` (PO numbers, ST02
 * and line contents follow from the number, so every order is distinct). ISA13 and GS06 are
 * `controlNumber`. `orderDate` and `deliveryDate` (CCYYMMDD) default to dates in January 2024.
 * Returns the X12 text.
 *
 * @example
 * purchaseOrderInterchange({ controlNumber: 7, firstOrder: 7, orders: 1, sender: 'ACMERETAIL', receiver: 'OURGATEWAY' });
 */
export function purchaseOrderInterchange({
  controlNumber,
  firstOrder,
  orders,
  sender,
  receiver,
  orderDate = DEFAULT_DATES.order,
  deliveryDate = DEFAULT_DATES.delivery,
}) {
  const dates = { order: orderDate, delivery: deliveryDate };
  const icn = String(controlNumber).padStart(9, '0');
  const segs = [
    `ISA*00*${pad('', 10)}*00*${pad('', 10)}*ZZ*${pad(sender, 15)}*ZZ*${pad(receiver, 15)}*240115*1200*U*00401*${icn}*0*P*>`,
    `GS*PO*${sender}*${receiver}*20240115*1200*${controlNumber}*X*004010`,
  ];
  for (let n = firstOrder; n < firstOrder + orders; n++) segs.push(...purchaseOrder(n, 1 + (n % 8), dates));
  segs.push(`GE*${orders}*${controlNumber}`, `IEA*1*${icn}`);
  return segs.map((s) => `${s}~\n`).join('');
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
