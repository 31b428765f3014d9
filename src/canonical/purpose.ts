import { type Static } from '@sinclair/typebox';
import { StringEnum } from './primitives.js';

/** Why a document was sent: a new one, a cancellation, a replacement... (X12 data element 353). */
export const DOCUMENT_PURPOSES = [
  'original',
  'cancellation',
  'change',
  'replace',
  'confirmation',
  'duplicate',
  'response',
  'advance_notification',
  'resubmission',
  'information_copy',
  'other',
] as const;
export const DocumentPurpose = StringEnum(DOCUMENT_PURPOSES);
export type DocumentPurpose = Static<typeof DocumentPurpose>;
