#!/usr/bin/env node
// How fast the support console's reads stay on a busy store: 100,000 transmissions (60% inbound
// 850s, 40% outbound 997/855/856/810, 20 partners, 90 days), their status histories, reference
// numbers, inbound interchanges, expected acknowledgements and exceptions, written with bulk SQL
// into a fresh PostgreSQL schema. Each console query then runs through the real code from dist/
// (3 warm-up runs, then 20 timed) and the table gives median and p95 milliseconds and the rows
// returned. The SQL of the PO search and the status list is captured on the wire and run again
// under EXPLAIN ANALYZE, to show whether PostgreSQL reads them from an index. The schema is
// dropped afterwards, also when a step fails.
// Usage: npm run bench:support
//        node bench/support-queries.mjs [--transmissions 100000] [--runs 20] [--warmup 3] [--plans]
// --plans prints the plan of every captured list query, not only the two above.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { computeKpis } from '../dist/kpis/index.js';
import { PartnerRegistry } from '../dist/partners/index.js';
import { listTransmissions, parseListFilter, showTransmission } from '../dist/pipeline/index.js';
import { createRepositories, openStore } from '../dist/store/index.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DAY_MS = 24 * 3600 * 1000;
const PARTNERS = 20;
const SLOW_MS = 100;

const { values: args } = parseArgs({
  options: {
    transmissions: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    plans: { type: 'boolean', default: false },
  },
});
const COUNT = Number(args.transmissions);
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);

// The statements the pg driver sends while `capturing` is on, to explain them afterwards with
// exactly the text and parameters the ORM built.
const require = createRequire(import.meta.url);
const pg = require('pg');
let capturing = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function query(config, ...rest) {
  if (capturing !== null && typeof config === 'object' && config !== null && 'text' in config) {
    capturing.push({ text: config.text, values: config.values ?? [] });
  }
  return originalQuery.call(this, config, ...rest);
};

/** The fill, one statement per table, all derived from `seed` so every table agrees. */
function fillStatements(s) {
  const q = (table) => `"${s}"."${table}"`;
  // i → direction, partner, set id, status and time. Inbound: i % 5 in 0..2; outbound 3 and 4,
  // answering the inbound i - 3 of the same group of five (same partner, a minute later). The
  // 997s carry the id the gateway derives for the acknowledgement of that inbound interchange,
  // so the KPI of our acknowledgement times finds them.
  const seed = `
    create unlogged table ${q('bench_seed')} as
    with base as (
      select i,
             case when i % 5 < 3 then 'inbound' else 'outbound' end as direction,
             'partner-' || lpad(((i / 5) % ${PARTNERS})::text, 2, '0') as partner_id,
             case i % 5 when 3 then case when (i / 5) % 2 = 0 then '997' else '855' end
                        when 4 then case when (i / 5) % 2 = 0 then '856' else '810' end
                        else '850' end as set_id,
             (i::bigint * 2654435761) % 1000 as h,
             now() - interval '10 minutes'
               - (((i / 5)::bigint * 7919) % 7776000) * interval '1 second'
               + (case when i % 5 < 3 then i % 5 else 60 + i % 5 end) * interval '1 second' as received_at,
             md5('bench-in-' || (i - 3))::uuid::text as answered_id
      from generate_series(1, ${COUNT}) as i
    ), ack as (
      select b.*, encode(sha256(convert_to('ack:' || answered_id || ':' || lpad((i - 3)::text, 9, '0'), 'UTF8')), 'hex') as hex
      from base b
    )
    select i, direction, partner_id, set_id, received_at,
           case when direction = 'inbound' then md5('bench-in-' || i)::uuid
                when set_id = '997' then (substr(hex, 1, 8) || '-' || substr(hex, 9, 4) || '-8' || substr(hex, 14, 3) || '-'
                  || to_hex(((position(substr(hex, 17, 1) in '0123456789abcdef') - 1) & 3) | 8)
                  || substr(hex, 18, 3) || '-' || substr(hex, 21, 12))::uuid
                else md5('bench-out-' || i)::uuid end as id,
           case when h < 20 then 'failed'
                when h < 25 and direction = 'inbound' then 'rejected'
                when direction = 'inbound' then 'processed'
                when h >= 700 and set_id <> '997' then 'acknowledged'
                else 'sent' end as status,
           case when direction = 'inbound' then '45' || lpad(i::text, 8, '0')
                when set_id <> '997' then '45' || lpad((i - 3)::text, 8, '0') end as po,
           h
    from ack`;
  const payload = `convert_to(
      'ISA*00*          *00*          *ZZ*' || rpad(upper(replace(partner_id, '-', '')), 15) || '*ZZ*OURGATEWAY     *260101*1200*U*00401*'
      || lpad(i::text, 9, '0') || '*0*P*>~GS*' || case set_id when '850' then 'PO' when '997' then 'FA' when '855' then 'PR' when '856' then 'SH' else 'IN' end
      || '*' || upper(replace(partner_id, '-', '')) || '*OURGATEWAY*20260101*1200*' || i || '*X*004010~ST*' || set_id || '*0001~BEG*00*SA*'
      || coalesce(po, '') || '**20260101~SE*3*0001~GE*1*' || i || '~IEA*1*' || lpad(i::text, 9, '0') || '~', 'UTF8')`;
  return [
    ['seed', seed],
    [
      'transmission',
      `insert into ${q('transmission')} ("id", "direction", "partner_id", "channel", "payload", "archive_ref", "sha256", "size",
         "source_ref", "received_at", "status", "attempts", "last_error", "intake_key", "source_path")
       select id, direction, partner_id, case when direction = 'inbound' then 'sftp' else 'folder' end, p, null,
              encode(sha256(p), 'hex'), length(p), set_id || '-' || i || '.x12', received_at, status,
              case when status = 'failed' then 3 else 1 end,
              case status when 'failed' then 'delivery refused by the partner''s server' when 'rejected' then 'ISA13 is not numeric' end,
              null, null
       from (select *, ${payload} as p from ${q('bench_seed')}) as t`,
    ],
    [
      'transmission_event',
      `insert into ${q('transmission_event')} ("transmission_id", "at", "status", "message")
       select id, at, ev, msg from ${q('bench_seed')},
       lateral (values
         (case when direction = 'inbound' then 'received' else 'processed' end, received_at, null),
         ('processing', received_at + interval '1 second', null),
         (case when direction = 'inbound' then status when status = 'failed' then 'failed' else 'sent' end,
          received_at + interval '5 seconds', case when status in ('failed', 'rejected') then 'see last error' end),
         (case when status = 'acknowledged' then 'acknowledged' end, received_at + interval '1 hour', null)
       ) as e(ev, at, msg)
       where ev is not null`,
    ],
    [
      'transmission_reference',
      `insert into ${q('transmission_reference')} ("transmission_id", "kind", "value")
       select id, kind, value from ${q('bench_seed')},
       lateral (values ('po', po), ('isa13', i::text), ('gs06', i::text), ('st02', (i % 9 + 1)::text),
                       ('document-type', set_id),
                       ('invoice', case when set_id = '810' then 'INV' || i end),
                       ('shipment', case when set_id = '856' then 'SH' || i end)) as r(kind, value)
       where value is not null`,
    ],
    [
      'interchange_record',
      `insert into ${q('interchange_record')} ("transmission_id", "direction", "partner_id", "sender_qualifier", "sender_id",
         "receiver_qualifier", "receiver_id", "control_number", "version", "usage", "ack_requested", "outcome")
       select id, 'inbound', partner_id, 'ZZ', upper(replace(partner_id, '-', '')), 'ZZ', 'OURGATEWAY',
              lpad(i::text, 9, '0'), '00401', 'P', true, case when status = 'rejected' then 'R' else 'A' end
       from ${q('bench_seed')} where direction = 'inbound'`,
    ],
    [
      'expected_ack',
      `insert into ${q('expected_ack')} ("outbound_transmission_id", "group_control_number", "partner_id", "functional_id",
         "interchange_control_number", "transaction_sets", "sent_at", "due_at", "status", "group_status_code", "answered_at")
       select id, i::text, partner_id, case set_id when '855' then 'PR' when '856' then 'SH' else 'IN' end,
              lpad(i::text, 9, '0'), jsonb_build_array(jsonb_build_object('setId', set_id, 'controlNumber', '0001')),
              received_at + interval '5 seconds', received_at + interval '1 day',
              case when status = 'acknowledged' then 'accepted'
                   when received_at + interval '1 day' < now() then 'overdue' else 'pending' end,
              case when status = 'acknowledged' then 'A' end,
              case when status = 'acknowledged' then received_at + interval '1 hour' end
       from ${q('bench_seed')} where direction = 'outbound' and set_id <> '997' and status <> 'failed'`,
    ],
    [
      'exception_record',
      // Failed and rejected files, and price mismatches on about 6% of the orders; the newest few
      // of each still open.
      `insert into ${q('exception_record')} ("partner_id", "subject_type", "subject_id", "kind", "status", "message",
         "details", "created_at", "resolved_at", "resolved_by", "resolution")
       select partner_id, subject_type, subject_id, kind, st, message, null, at,
              case when st = 'resolved' then at + interval '2 hours' end,
              case when st = 'resolved' then 'bench' end,
              case when st = 'resolved' then '{"action":"reprocessed"}'::jsonb end
       from (
         select partner_id, 'transmission' as subject_type, id::text as subject_id,
                case when status = 'failed' then 'delivery-failed' else 'unreadable-interchange' end as kind,
                case when h < 8 then 'open' else 'resolved' end as st,
                'the file could not be handled; see its last error' as message, received_at as at
         from ${q('bench_seed')} where status in ('failed', 'rejected')
         union all
         select partner_id, 'document', 'po-' || po, 'price-mismatch',
                case when h < 110 then 'open' else 'resolved' end,
                'unit price differs from the price list', received_at + interval '3 seconds'
         from ${q('bench_seed')} where direction = 'inbound' and h between 100 and 160
       ) as x`,
    ],
    ['drop seed', `drop table ${q('bench_seed')}`],
  ];
}

async function fill(connection, schema) {
  const times = [];
  const started = performance.now();
  for (const [name, sql] of fillStatements(schema)) {
    const t0 = performance.now();
    await connection.execute(sql);
    times.push([name, performance.now() - t0]);
  }
  const t0 = performance.now();
  await connection.execute(`analyze "${schema}"."transmission", "${schema}"."transmission_event",
    "${schema}"."transmission_reference", "${schema}"."interchange_record", "${schema}"."expected_ack",
    "${schema}"."exception_record"`);
  times.push(['analyze', performance.now() - t0]);
  return { total: performance.now() - started, times };
}

/** Runs `fn` WARMUP times untimed, then RUNS times; `rows` of the last result. */
async function measure(name, fn, rows) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  const middle = times.length / 2;
  const median = times.length % 2 === 0 ? (times[middle - 1] + times[middle]) / 2 : times[Math.floor(middle)];
  return { name, median, p95: at(0.95), rows: rows(result) };
}

/** The SQL statements one call sends, as the driver received them. */
async function capture(fn) {
  capturing = [];
  try {
    await fn();
    return capturing;
  } finally {
    capturing = null;
  }
}

async function explain(client, statement) {
  const result = await client.query(`explain (analyze, format text) ${statement.text}`, statement.values);
  const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
  // "Index Scan using <index> on <table>", "Bitmap Index Scan on <index>".
  const indexes = [
    ...plan.matchAll(/(?:Index Only Scan|Index Scan)(?: Backward)? using (\S+)|Bitmap Index Scan on (\S+)/g),
  ].map((m) => m[1] ?? m[2]);
  const seq = [...plan.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1]);
  return { plan, indexes: [...new Set(indexes)], seq: [...new Set(seq)] };
}

function printTable(results) {
  const header = ['query', 'median ms', 'p95 ms', 'rows'];
  const lines = results.map((r) => [r.name, r.median.toFixed(2), r.p95.toFixed(2), String(r.rows)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`${row(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of lines) process.stdout.write(`${row(line)}\n`);
}

async function main() {
  const schema = `bench_support_${randomBytes(6).toString('hex')}`;
  const t0 = performance.now();
  const store = await openStore({ DATABASE_URL, DATA_DIR: 'unused' }, { schema });
  const migrated = performance.now() - t0;
  const explainer = new pg.Client({ connectionString: DATABASE_URL });
  const connection = store.orm.em.getConnection();
  try {
    await explainer.connect();
    const filled = await fill(connection, schema);
    const counted = await connection.execute(
      `select (select count(*) from "${schema}"."transmission") as transmissions,
              (select count(*) from "${schema}"."transmission_event") as events,
              (select count(*) from "${schema}"."transmission_reference") as refs,
              (select count(*) from "${schema}"."interchange_record") as interchanges,
              (select count(*) from "${schema}"."expected_ack") as acks,
              (select count(*) from "${schema}"."exception_record") as exceptions`,
    );
    const c = counted[0];
    process.stdout.write(
      `schema ${schema}: migrated in ${migrated.toFixed(0)} ms; filled in ${(filled.total / 1000).toFixed(2)} s ` +
        `(${filled.times.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(2)} s`).join(', ')})\n` +
        `${c.transmissions} transmissions, ${c.events} events, ${c.refs} references, ${c.interchanges} interchanges, ` +
        `${c.acks} expected acks, ${c.exceptions} exceptions\n` +
        `${WARMUP} warm-up runs, then median and p95 of ${RUNS}\n\n`,
    );

    const repositories = createRepositories(store.orm);
    const deps = { repositories, partners: new PartnerRegistry([]) };
    const list = (filter) => () => listTransmissions(filter, 'bench', deps);
    const listed = (page) => page.transmissions.length;

    // A day in the middle of the range, and a PO, partner and ISA13 known to exist.
    const day = new Date(Date.now() - 45 * DAY_MS);
    day.setUTCHours(0, 0, 0, 0);
    const oneDay = parseListFilter({
      from: day.toISOString().slice(0, 10),
      to: day.toISOString().slice(0, 10),
    });

    let cursor = null;
    for (let page = 1; page < 100; page++) {
      const result = await listTransmissions(
        cursor === null ? { limit: 50 } : { ...parseListFilter({ cursor }), limit: 50 },
        'bench',
        deps,
      );
      cursor = result.next;
      if (cursor === null) throw new Error(`the list ended at page ${page}; fill more transmissions`);
    }
    const page100 = { ...parseListFilter({ cursor }), limit: 50 };
    const shown = (await listTransmissions({ partnerId: 'partner-07', limit: 1 }, 'bench', deps))
      .transmissions[0];

    const queries = [
      ['list, first page', list({ limit: 50 }), listed],
      ['list, status=failed', list({ status: 'failed', limit: 50 }), listed],
      ['list, partner=partner-07', list({ partnerId: 'partner-07', limit: 50 }), listed],
      ['list, po=4500012345', list({ po: '4500012345', limit: 50 }), listed],
      ['list, isa13=000012345', list({ isa13: '000012345', limit: 50 }), listed],
      ['list, search=4500054321', list({ text: '4500054321', limit: 50 }), listed],
      ['list, search=77777 (isa13/gs06)', list({ text: '77777', limit: 50 }), listed],
      [`list, one day (${day.toISOString().slice(0, 10)})`, list({ ...oneDay, limit: 50 }), listed],
      ['list, page 100 by cursor', list(page100), listed],
      ['show transmission', () => showTransmission(shown.id, 'bench', deps), (v) => 1 + v.history.length],
      [
        'exceptions, open, limit 50',
        () => repositories.exceptions.list({ status: 'open', limit: 50 }),
        (rows) => rows.length,
      ],
      [
        'stats.partnerActivity(24h)',
        () =>
          repositories.stats.partnerActivity(
            Array.from({ length: PARTNERS }, (_, i) => `partner-${String(i).padStart(2, '0')}`),
            new Date(Date.now() - DAY_MS),
          ),
        (rows) => rows.length,
      ],
      [
        'computeKpis(30 days, week)',
        () =>
          computeKpis(
            { from: new Date(Date.now() - 30 * DAY_MS), to: new Date(), period: 'week' },
            { orm: store.orm },
          ),
        (report) => report.rows.length,
      ],
    ];
    const results = [];
    for (const [name, fn, rows] of queries) results.push(await measure(name, fn, rows));
    printTable(results);

    // Plans of the list's own statement (the one reading "transmission" ordered by time).
    const planned = [
      ['list, po=4500012345', { po: '4500012345', limit: 50 }, true],
      ['list, status=failed', { status: 'failed', limit: 50 }, true],
      ['list, first page', { limit: 50 }, args.plans],
      ['list, partner=partner-07', { partnerId: 'partner-07', limit: 50 }, args.plans],
      ['list, search=4500054321', { text: '4500054321', limit: 50 }, args.plans],
      ['list, one day', { ...oneDay, limit: 50 }, args.plans],
      ['list, page 100 by cursor', page100, args.plans],
    ];
    process.stdout.write('\n');
    for (const [name, filter, full] of planned) {
      const sent = await capture(() => listTransmissions(filter, 'bench', deps));
      const statement = sent.find(
        (s) => /from "[^"]+"\."transmission" as/.test(s.text) && /order by/.test(s.text),
      );
      if (statement === undefined) {
        process.stdout.write(`${name}: list statement not captured\n`);
        continue;
      }
      const { plan, indexes, seq } = await explain(explainer, statement);
      process.stdout.write(
        `${name}: ${indexes.length > 0 ? `index scan (${indexes.join(', ')})` : 'NO index scan'}` +
          `${seq.length > 0 ? `; seq scan on ${seq.join(', ')}` : ''}\n`,
      );
      if (full)
        process.stdout.write(
          `  SQL: ${statement.text}\n  params: ${JSON.stringify(statement.values)}\n${plan.replace(/^/gm, '    ')}\n\n`,
        );
    }
    const slow = results.filter((r) => r.median > SLOW_MS);
    process.stdout.write(
      slow.length === 0
        ? `\nevery query under ${SLOW_MS} ms median\n`
        : `\nover ${SLOW_MS} ms median: ${slow.map((r) => `${r.name} (${r.median.toFixed(0)} ms)`).join(', ')}\n`,
    );
  } finally {
    await explainer.end().catch(() => undefined);
    try {
      await connection.execute(`drop schema if exists "${schema}" cascade`);
    } finally {
      await store.close();
    }
  }
}

await main();
