import { formatCanonicalError, validateCanonical, type PurchaseOrder } from '../../canonical/index.js';
import { GatewayError } from '../../errors/index.js';
import type { StoredDocument } from '../../store/index.js';

/**
 * The stored document as a purchase order. Anything else is a permanent error: the same stored
 * document would fail the same way on every retry.
 *
 * @example
 * const order = readPurchaseOrder(await deps.repositories.documents.get(id));
 */
export function readPurchaseOrder(stored: StoredDocument): PurchaseOrder {
  const result = validateCanonical(stored.document);
  if (!result.valid) {
    const reasons = result.errors.map(formatCanonicalError).join('; ');
    throw new GatewayError(
      'document-invalid',
      `document ${stored.id} is not a valid purchase order: ${reasons}`,
      {
        permanent: true,
        status: 422,
      },
    );
  }
  if (result.document.type !== 'purchase_order') {
    throw new GatewayError(
      'document-invalid',
      `document ${stored.id} is a ${result.document.type}, not a purchase order`,
      { permanent: true, status: 422 },
    );
  }
  return result.document;
}
