import { Type } from '@sinclair/typebox';
import { DocumentSource } from './source.js';
import { Text } from './primitives.js';

/**
 * The properties every canonical document starts with. `id` is derived from the source (see
 * `documentId`), so translating the same input twice gives the same id and duplicates can be
 * detected downstream.
 */
export function documentBase<T extends string>(type: T) {
  return {
    type: Type.Literal<T>(type),
    id: Text,
    partnerId: Text,
    source: DocumentSource,
  };
}
