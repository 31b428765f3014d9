import { isDeepStrictEqual } from 'node:util';
import type { CanonicalDocument } from '../canonical/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import {
  formatDiagnostic,
  functionalGroupOf,
  hasErrors,
  readX12,
  type Diagnostic,
  type TransactionSet,
} from '../x12/index.js';
import { readWithMapping, renderInterchange } from './engine/index.js';
import { partnerEnvelope, partnerMapping } from './render-for-partner.js';

/**
 * Runs one sample file of a partner through read -> validate -> map -> render -> read -> map with
 * the partner's mappings, and returns every problem as a line naming the file and the place.
 * No problem: the partner's files translate, and what we render from them reads back the same.
 */
export function checkPartnerSample(
  bytes: Uint8Array,
  file: string,
  partner: X12PartnerConfig,
  mappingsDir: string,
): string[] {
  const problems: string[] = [];
  const read = readX12(bytes);
  const report = (d: Diagnostic) => problems.push(formatDiagnostic(d, file));
  read.diagnostics.forEach(report);
  if (read.interchanges.length === 0) return problems.length ? problems : [`${file}: holds no interchange`];
  for (const interchange of read.interchanges) {
    interchange.diagnostics.filter((d) => d.severity === 'error').forEach(report);
    for (const group of interchange.groups)
      group.diagnostics.filter((d) => d.severity === 'error').forEach(report);
    const { theirs, ours } = partner.identity;
    const fromThem =
      interchange.sender.qualifier === theirs.isaQualifier && interchange.sender.id === theirs.isaId;
    const fromUs = interchange.sender.qualifier === ours.isaQualifier && interchange.sender.id === ours.isaId;
    if (!fromThem && !fromUs) {
      problems.push(
        `${file}: interchange ${interchange.controlNumber} is from ${interchange.sender.qualifier}/${interchange.sender.id}, which is neither ${partner.id} (${theirs.isaQualifier}/${theirs.isaId}) nor us (${ours.isaQualifier}/${ours.isaId})`,
      );
    }
  }
  for (const set of read.transactionSets) problems.push(...checkSet(set, file, partner, mappingsDir));
  return problems;
}

function checkSet(
  set: TransactionSet,
  file: string,
  partner: X12PartnerConfig,
  mappingsDir: string,
): string[] {
  const where = `${file}: ${set.id} ${set.controlNumber} (line ${set.line})`;
  const errors = set.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return errors.map((d) => formatDiagnostic(d, file));
  const known = [...partner.documents.inbound, ...partner.documents.outbound];
  if (!known.includes(set.id))
    return [`${where}: ${partner.id} exchanges ${known.join(', ')}, not ${set.id}`];
  if (!set.group.version.startsWith(partner.x12.version.slice(0, 6))) {
    return [`${where}: GS08 is ${set.group.version}, but ${partner.id} is set up for ${partner.x12.version}`];
  }
  let mapping;
  try {
    mapping = partnerMapping(partner, set.id, mappingsDir);
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
  const first = readWithMapping(set, set.loops ?? { loopId: 'ST', items: [] }, mapping, {
    partnerId: partner.id,
  });
  const mapped = first.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => formatDiagnostic(d, file));
  const document = first.documents[0];
  if (!document) return mapped.length ? mapped : [`${where}: the mapping made no document`];
  let x12: string;
  try {
    x12 = renderInterchange(
      [document],
      mapping,
      partnerEnvelope(partner),
      { interchange: 1, group: 1, transactionSet: 1 },
      new Date(),
      functionalGroupOf(set.id) ?? 'PO',
    );
  } catch (error) {
    return [...mapped, `${where}: rendering the document back fails: ${(error as Error).message}`];
  }
  const back = readX12(x12).transactionSets[0];
  if (!back || hasErrors(back.diagnostics))
    return [...mapped, `${where}: the rendered set does not read back`];
  const second = readWithMapping(back, back.loops ?? { loopId: 'ST', items: [] }, mapping, {
    partnerId: partner.id,
  }).documents[0];
  const differences = compare(content(document), content(second), '');
  return [...mapped, ...differences.slice(0, 20).map((d) => `${where}: round trip changes ${d}`)];
}

function content(document: CanonicalDocument | undefined): unknown {
  if (!document) return undefined;
  const { id: _id, source: _source, ...rest } = document;
  return rest;
}

/** Paths where two JSON values differ, for a message a person can follow. */
function compare(a: unknown, b: unknown, path: string): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      compare((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`),
    );
  }
  return [`${path || '/'}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`];
}
