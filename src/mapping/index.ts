/**
 * The mapping engine: X12 transaction sets to canonical documents (and, later, back), with the
 * code tables both directions share. No I/O.
 */
export * from './x12-to-canonical/index.js';
export * from './codes/index.js';
export { translateX12, type Translation, type TranslationContext } from './translate-x12.js';
