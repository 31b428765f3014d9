export { loadMapping, readMappingFile } from './load-mapping.js';
export { mergeMappingFiles, mergeRules } from './merge.js';
export { readWithMapping, type MappedDocument } from './inbound-document.js';
export { renderSet, renderInterchange, type Envelope, type ControlNumbers } from './render.js';
export type {
  Mapping,
  MappingFile,
  Rule,
  SegmentRule,
  LoopRule,
  HierarchyRule,
  FieldRule,
  PairsRule,
} from './mapping-schema.js';
export type { MappingContext, DocumentHeader } from './mapping-context.js';
export { ElementReader } from './element-reader.js';
