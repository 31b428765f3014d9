import type { FaultWorld } from './fault-world.js';

/** One scenario's row: what went in, and what came out once the gateway settled. */
export interface FaultRow {
  scenario: string;
  filesIn: number;
  /** Files stored as exactly one inbound transmission, read (`processed`). */
  stored: number;
  /** Anything there twice: a file stored twice, a group acknowledged twice, a PO answered twice, a file delivered twice. */
  duplicated: number;
  /** Anything missing: a file not stored or not read, a group not acknowledged, a PO not answered, a file not delivered. */
  lost: number;
  /** 997 files the partner holds, and how many interchanges there are to acknowledge. */
  acks997: { delivered: number; expected: number };
  /** POs answered by the 855 files the partner holds, and how many there are. */
  acks855: { answered: number; expected: number; files: number };
  seconds: number;
  /** What else is worth knowing: failed jobs, exceptions, how the fault landed. */
  notes: string[];
}

/** The counts that make a row, read from the database and what the partner holds. */
export interface FaultCounts {
  stored: number;
  duplicated: number;
  lost: number;
  acks997: { delivered: number; expected: number };
  acks855: { answered: number; expected: number; files: number };
  notes: string[];
}

/**
 * Counts, from the rows and the files the partner holds (its outbox folder, or one copy per file
 * name its endpoint kept), every transmission stored and every 997 and 855 delivered: each file in
 * must be one inbound transmission, read; each interchange acknowledged by one AK1 in one 997
 * file; each PO answered by one BAK; each outbound transmission one file, `sent`. A file the
 * endpoint got again under its name with the same bytes is at-least-once delivery, noted and not
 * counted; with other bytes it is a duplicate.
 *
 * @example
 * const counts = await countOutcome(world);
 */
export async function countOutcome(world: FaultWorld): Promise<FaultCounts> {
  const notes: string[] = [];
  const inbound = await world.query<{ source_ref: string | null; status: string }>(
    `select source_ref, status from $schema.transmission where direction = 'inbound'`,
  );
  const byFile = group(inbound.map((row) => row.source_ref ?? ''));
  let duplicated = 0;
  let lost = 0;
  let stored = 0;
  for (const file of world.files) {
    const rows = inbound.filter((row) => row.source_ref === file.name);
    const copies = byFile.get(file.name) ?? 0;
    duplicated += Math.max(0, copies - 1);
    if (copies === 0 || !rows.some((row) => row.status === 'processed')) lost += 1;
    else if (copies === 1) stored += 1;
  }
  const copy = await world.received();
  const outbox = copy.files.map((file) => ({
    ...file,
    set: /~\s*ST\*(\d{3})\*/.exec(file.content)?.[1] ?? '?',
  }));
  notes.push(...copy.notes);
  duplicated += copy.conflicts;
  const outbound = await world.query<{ source_ref: string; status: string }>(
    `select source_ref, status from $schema.transmission where direction = 'outbound'`,
  );
  const unsent = outbound.filter((row) => row.status !== 'sent');
  if (unsent.length > 0) {
    const statuses = [...group(unsent.map((row) => row.status))].map(([status, n]) => `${n} ${status}`);
    notes.push(`outbound not sent: ${statuses.join(', ')}`);
  }
  lost += unsent.length;
  // A second delivery under a taken name lands in a folder beside the first as `<name>-1.x12`.
  const extra = outbox.length - outbound.length;
  if (extra > 0) notes.push(`${extra} outbox file(s) more than outbound transmissions`);
  duplicated += Math.max(0, extra);

  const ak1 = group(
    outbox
      .filter((f) => f.set === '997')
      .flatMap((f) => [...f.content.matchAll(/AK1\*PO\*(\d+)~/g)].map((m) => m[1] ?? '')),
  );
  const bak = group(
    outbox
      .filter((f) => f.set === '855')
      .flatMap((f) => [...f.content.matchAll(/BAK\*\w*\*\w*\*([^*~]+)/g)].map((m) => m[1] ?? '')),
  );
  for (const file of world.files) {
    const acks = ak1.get(String(file.interchange)) ?? 0;
    duplicated += Math.max(0, acks - 1);
    if (acks === 0) lost += 1;
  }
  for (const po of world.poNumbers) {
    const answers = bak.get(po) ?? 0;
    duplicated += Math.max(0, answers - 1);
    if (answers === 0) lost += 1;
  }
  const [failed] = await world.query<{ n: string }>(
    `select count(*) as n from $schema.exception_record where kind = 'processing-failed' or kind = 'delivery-failed'`,
  );
  if (Number(failed?.n ?? 0) > 0) notes.push(`${failed?.n} processing-failed/delivery-failed exception(s)`);
  return {
    stored,
    duplicated,
    lost,
    acks997: { delivered: outbox.filter((f) => f.set === '997').length, expected: world.files.length },
    acks855: {
      answered: [...bak.values()].reduce((sum, n) => sum + n, 0),
      expected: world.poNumbers.length,
      files: outbox.filter((f) => f.set === '855').length,
    },
    notes,
  };
}

/** True once every file is read, acknowledged and answered, and nothing waits for delivery. */
export function settled(counts: FaultCounts, filesIn: number): boolean {
  return (
    counts.stored === filesIn &&
    counts.lost === 0 &&
    counts.acks997.delivered >= counts.acks997.expected &&
    counts.acks855.answered >= counts.acks855.expected
  );
}

/** The rows as a table, one line per scenario. */
export function formatFaultTable(rows: readonly FaultRow[]): string {
  const header = [
    'scenario',
    'files in',
    'stored',
    'duplicated',
    'lost',
    '997s',
    '855s (POs in files)',
    'time',
  ];
  const lines = rows.map((row) => [
    row.scenario,
    String(row.filesIn),
    String(row.stored),
    String(row.duplicated),
    String(row.lost),
    `${row.acks997.delivered}/${row.acks997.expected}`,
    `${row.acks855.answered}/${row.acks855.expected} in ${row.acks855.files}`,
    `${row.seconds.toFixed(0)} s`,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const notes = rows.flatMap((row) => row.notes.map((note) => `  ${row.scenario}: ${note}`));
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format), ...notes].join(
    '\n',
  );
}

function group(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
