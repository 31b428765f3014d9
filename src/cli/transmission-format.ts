import type { TransmissionView } from '../pipeline/index.js';
import type { TransmissionSummary } from '../store/index.js';

const LAST_ERROR_WIDTH = 60;

/**
 * Transmissions as an aligned table, one per line, with the full id to copy into `show`,
 * `resend` or `reprocess`.
 *
 * @example
 * output.out(transmissionTable(await listTransmissions({ status: 'failed' }, actor, deps)));
 */
export function transmissionTable(rows: readonly ListedRow[]): string {
  if (rows.length === 0) return 'no transmissions\n';
  const header = [
    'id',
    'direction',
    'partner',
    'status',
    'received at',
    'size',
    'source name',
    'PO numbers',
    'types',
    'last error',
  ];
  const cells = rows.map((t) => [
    t.id,
    t.direction,
    t.partnerId ?? '-',
    t.status,
    timestamp(t.receivedAt),
    String(t.size),
    t.sourceRef ?? '-',
    listed(t.poNumbers),
    listed(t.documentTypes),
    truncate(t.lastError ?? '', LAST_ERROR_WIDTH),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 5 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].map((l) => `${l}\n`).join('');
}

/** A row of the table: a summary, with what it carries when the list read it. */
export type ListedRow = TransmissionSummary & {
  poNumbers?: readonly string[];
  documentTypes?: readonly string[];
};

const LISTED_WIDTH = 30;

function listed(values: readonly string[] | undefined): string {
  return values === undefined || values.length === 0 ? '-' : truncate(values.join(','), LISTED_WIDTH);
}

/**
 * One transmission as sections a person reads top to bottom: what it is, what happened to it,
 * what it carries, and who touched it.
 *
 * @example
 * output.out(transmissionDetail(await showTransmission(id, actor, deps)));
 */
export function transmissionDetail(view: TransmissionView): string {
  const lines = [
    `transmission ${view.id}`,
    `  direction    ${view.direction} (${view.channel})`,
    `  partner      ${view.partnerId ?? '-'}`,
    `  status       ${view.status} (${view.attempts} attempt(s))`,
    `  received at  ${timestamp(view.receivedAt)}`,
    `  size         ${view.size} bytes, sha256 ${view.sha256}`,
    `  source name  ${view.sourceRef ?? '-'}`,
    ...(view.sourcePath === null ? [] : [`  source path  ${view.sourcePath}`]),
    `  last error   ${view.lastError ?? '-'}`,
    'history',
    ...view.history.map(
      (h) => `  ${timestamp(h.at)}  ${h.status}${h.message === null ? '' : `  ${h.message}`}`,
    ),
  ];
  section(lines, 'interchanges', view.interchanges, (i) => [
    `  ISA13 ${i.controlNumber} from ${i.sender} to ${i.receiver}, ${i.version} ${i.usage}, ${i.date}`,
    ...i.groups.map(
      (g) =>
        `    GS06 ${g.controlNumber} ${g.functionalId} ${g.version}: ${g.transactionSets.map((s) => `${s.id}/${s.controlNumber}`).join(', ')}`,
    ),
    ...i.problems.map((p) => `    problem: ${p}`),
  ]);
  section(lines, 'documents', view.documents, (d) => [
    `  ${d.id} (${d.type}) ${d.stored ? 'stored' : 'not stored'}`,
  ]);
  section(lines, 'acknowledgements', view.acknowledgements, (a) => [
    `  ${a.transmissionId} ${a.fileName ?? '-'} ${a.status}`,
  ]);
  section(lines, 'exceptions', view.exceptions, (e) => [
    `  #${e.id} ${e.status} ${e.kind} on ${e.subjectType} ${e.subjectId}: ${e.message}`,
  ]);
  section(lines, 'audit', view.audit, (a) => [
    `  ${timestamp(a.at)}  ${a.actor}  ${a.action}${a.details === null ? '' : `  ${JSON.stringify(a.details)}`}`,
  ]);
  section(lines, 'references', view.references, (r) => [`  ${r.kind} ${r.value}`]);
  const ack = view.acknowledgement;
  if (ack.direction === 'outbound' && ack.groups.length > 0) {
    lines.push(`partner acknowledgement: ${ack.state}`);
    for (const g of ack.groups) {
      lines.push(
        `  GS06 ${g.groupControlNumber} ${g.functionalId} ${g.status}, due ${timestamp(g.dueAt)}${g.answeredAt === null ? '' : `, answered ${timestamp(g.answeredAt)}`}`,
      );
    }
  }
  if (ack.direction === 'inbound' && ack.state !== 'none') lines.push(`our acknowledgement: ${ack.state}`);
  section(lines, 'diagnostics', view.diagnostics, (d) => [
    `  ${d.severity} ${d.level} ${d.code}${d.segmentId === undefined ? '' : ` ${d.segmentId}`}${d.segmentPosition === undefined ? '' : ` segment ${d.segmentPosition}`}${d.elementPosition === undefined ? '' : ` element ${d.elementPosition}`}: ${d.message}`,
  ]);
  section(lines, 'segments', view.segments, (seg) => [
    `  ${String(seg.position).padStart(5)}  ${[seg.id, ...seg.elements].join('*')}`,
  ]);
  section(lines, 'notes', view.notes, (n) => [`  ${n}`]);
  return lines.map((l) => `${l}\n`).join('');
}

function section<T>(
  lines: string[],
  title: string,
  items: readonly T[],
  render: (item: T) => string[],
): void {
  if (items.length === 0) return;
  lines.push(title, ...items.flatMap(render));
}

/** UTC, to the second: what support staff compare with partners' logs. */
function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}
