import {
  formatCanonicalError,
  validateCanonical,
  type CanonicalDocumentOf,
  type CanonicalDocumentType,
} from '../../canonical/index.js';
import { GatewayError } from '../../errors/index.js';
import type { StoredDocument } from '../../store/index.js';

/**
 * The stored document as the canonical type its handler expects. Anything else is a permanent
 * error: the same stored document would fail the same way on every retry.
 */
export function readStoredDocument<K extends CanonicalDocumentType>(
  stored: StoredDocument,
  type: K,
): CanonicalDocumentOf<K> {
  const result = validateCanonical(stored.document);
  if (!result.valid) {
    const reasons = result.errors.map(formatCanonicalError).join('; ');
    throw new GatewayError('document-invalid', `document ${stored.id} is not a valid ${type}: ${reasons}`, {
      permanent: true,
      status: 422,
    });
  }
  if (result.document.type !== type) {
    throw new GatewayError(
      'document-invalid',
      `document ${stored.id} is a ${result.document.type}, not a ${type}`,
      {
        permanent: true,
        status: 422,
      },
    );
  }
  return result.document as CanonicalDocumentOf<K>;
}
