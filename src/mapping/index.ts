/**
 * The mapping engine and its entry points: X12 <-> canonical through the mapping files in
 * `mappings/` (and each partner's overrides). No network I/O; mapping files are read from disk.
 */
export * from './engine/index.js';
export { setTranslator, translateX12, type Translation, type TranslationContext } from './translate-x12.js';
export {
  renderForPartner,
  partnerEnvelope,
  partnerMapping,
  outboundSetOf,
  type PartnerRenderOptions,
} from './render-for-partner.js';
export { checkPartnerSample } from './check-partner-sample.js';
export { completeForRender } from './complete-for-render.js';
export { defaultMappingsDir, BUNDLED_MAPPINGS } from './mappings-dir.js';
