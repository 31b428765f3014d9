import type { ExceptionStore, RaisedException } from '../../store/index.js';

/** The detail that tells one occurrence from another, e.g. the remittance or 997 that caused it. */
export interface OccurrenceMarker {
  key: string;
  value: string;
}

/**
 * Raises an exception unless this occurrence was raised before, open or since resolved: a job
 * that runs again after staff settled the exception must not open it anew. The marker is kept in
 * the exception's details. Returns the id raised, or undefined when it had been.
 *
 * @example
 * await raiseOnce(exceptions, { ...shortPay, details: { remittanceDocumentId } }, { key: 'remittanceDocumentId', value: remittanceDocumentId });
 */
export async function raiseOnce(
  exceptions: ExceptionStore,
  exception: RaisedException,
  marker: OccurrenceMarker,
): Promise<number | undefined> {
  const { subjectType, subjectId, kind } = exception;
  const earlier = await exceptions.list({ subjectType, subjectId, kind, limit: 1000 });
  if (earlier.some((e) => e.details?.[marker.key] === marker.value)) return undefined;
  return exceptions.raise({ ...exception, details: { ...exception.details, [marker.key]: marker.value } });
}

/** Closes the open exception of a subject and kind, if there is one; a no-op otherwise. */
export async function resolveOpen(
  exceptions: ExceptionStore,
  subject: { subjectType: string; subjectId: string; kind: string },
  by: string,
  resolution: Record<string, unknown>,
  at?: Date,
): Promise<void> {
  const open = await exceptions.list({ ...subject, status: 'open', limit: 10 });
  for (const exception of open) {
    await exceptions.resolve(exception.id, by, resolution, at).catch((error: unknown) => {
      // Resolved by someone else in the meantime: what they decided stands.
      if ((error as { code?: unknown }).code !== 'conflict') throw error;
    });
  }
}

/** Who closes exceptions that reconciliation settles on its own. */
export const RECONCILIATION_ACTOR = 'reconciliation';
