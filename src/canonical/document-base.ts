import { Type } from '@sinclair/typebox';
import { ExtensionSegment } from './extension.js';
import { DocumentSource } from './source.js';
import { Text } from './primitives.js';

/**
 * The properties every canonical document starts with. `id` is derived from the source (see
 * `documentId`), so translating the same input twice gives the same id and duplicates can be
 * detected downstream. `extensions` holds the X12 segments no mapping rule reads, present only
 * when there are some.
 */
export function documentBase<T extends string>(type: T) {
  return {
    type: Type.Literal<T>(type),
    id: Text,
    partnerId: Text,
    source: DocumentSource,
    extensions: Type.Optional(Type.Array(ExtensionSegment, { minItems: 1 })),
  };
}
