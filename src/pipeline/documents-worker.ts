import { GatewayError } from '../errors/index.js';
import type { DocumentHandler, DocumentOutcome } from './document-handler.js';
import { documentHandlers } from './document-handlers.js';
import type { WorkerDeps } from './pipeline-deps.js';
import type { CanonicalDocumentType } from '../canonical/index.js';

/**
 * Processes a `documents` job: hands the stored canonical document to the handler of its type
 * (purchase orders to the order core, 997/999 to reconciliation, 820 to payment matching).
 *
 * @example
 * const outcome = await processDocument(documentId, { repositories, partners, queues });
 */
export async function processDocument(
  documentId: string,
  deps: WorkerDeps,
  handlers: Partial<Record<CanonicalDocumentType, DocumentHandler>> = documentHandlers,
): Promise<DocumentOutcome> {
  const stored = await deps.repositories.documents.get(documentId);
  if (stored === null) {
    throw new GatewayError('not-found', `document ${documentId} does not exist`, {
      permanent: true,
      status: 404,
    });
  }
  const handler = handlers[stored.type as CanonicalDocumentType];
  if (handler === undefined) return { action: 'stored', message: `no action for ${stored.type}` };
  return handler(stored, deps);
}
