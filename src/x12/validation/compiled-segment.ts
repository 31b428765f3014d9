import type {
  ElementDefinition,
  ElementUse,
  SegmentDefinition,
  CompositeDefinition,
} from '../specs/spec-types.js';
import type { VersionSpecs } from '../specs/index.js';

/** Element types as small integers, so the per-value check is a switch on a number. */
export const enum Kind {
  AN,
  ID,
  N,
  R,
  DT,
  TM,
  B,
}

export interface CompiledElement {
  readonly position: number;
  /** `SEG01`, for messages. */
  readonly label: string;
  readonly ref: string;
  readonly mandatory: boolean;
  readonly repeat: number;
  /** Undefined for a simple element whose definition is unknown (nothing to check). */
  readonly value: CompiledValue | undefined;
  readonly composite: CompiledComposite | undefined;
}

export interface CompiledValue {
  readonly name: string;
  readonly kind: Kind;
  readonly min: number;
  readonly max: number;
  readonly codes: ReadonlySet<string> | undefined;
}

export interface CompiledComposite {
  readonly ref: string;
  readonly components: readonly CompiledElement[];
  readonly notes: readonly CompiledNote[];
}

export interface CompiledNote {
  readonly text: string;
  readonly kind: string;
  readonly positions: readonly number[];
}

export interface CompiledSegment {
  readonly id: string;
  readonly elements: readonly CompiledElement[];
  /** Position of the last mandatory element (0 when none). */
  readonly lastMandatory: number;
  readonly notes: readonly CompiledNote[];
}

const segmentCache = new WeakMap<SegmentDefinition, CompiledSegment>();
const byVersion = new WeakMap<VersionSpecs, Map<string, CompiledSegment | null>>();
const valueCache = new WeakMap<ElementDefinition, CompiledValue>();

/**
 * Prepares a segment definition for checking once, so that checking a segment parses no syntax
 * note and builds no string unless something is wrong (parsing notes per segment ran the whole
 * reader at 7 MB/s).
 */
export function compileSegment(id: string, def: SegmentDefinition, specs: VersionSpecs): CompiledSegment {
  let compiled = segmentCache.get(def);
  if (!compiled) {
    const elements = def.elements.map((use, i) =>
      compileUse(`${id}${String(i + 1).padStart(2, '0')}`, i + 1, use, specs),
    );
    const lastMandatory = elements.reduce((last, use) => (use.mandatory ? use.position : last), 0);
    compiled = { id, elements, lastMandatory, notes: compileNotes(def.syntax) };
    segmentCache.set(def, compiled);
  }
  return compiled;
}

function compileUse(label: string, position: number, use: ElementUse, specs: VersionSpecs): CompiledElement {
  const composite = use.composite ? specs.segments.composites[use.ref] : undefined;
  return {
    position,
    label,
    ref: use.ref,
    mandatory: use.req === 'M',
    repeat: use.repeat ?? 1,
    value: use.composite ? undefined : compileValue(specs.elements.elements[use.ref]),
    composite: composite ? compileComposite(label, use.ref, composite, specs) : undefined,
  };
}

function compileComposite(
  label: string,
  ref: string,
  def: CompositeDefinition,
  specs: VersionSpecs,
): CompiledComposite {
  return {
    ref,
    components: def.elements.map((use, k) => compileUse(`${label}-${k + 1}`, k + 1, use, specs)),
    notes: compileNotes(def.syntax),
  };
}

function compileValue(def: ElementDefinition | undefined): CompiledValue | undefined {
  if (!def) return undefined;
  let compiled = valueCache.get(def);
  if (!compiled) {
    const kind =
      def.type === 'ID'
        ? Kind.ID
        : def.type === 'R'
          ? Kind.R
          : def.type === 'DT'
            ? Kind.DT
            : def.type === 'TM'
              ? Kind.TM
              : def.type === 'B'
                ? Kind.B
                : def.type.startsWith('N')
                  ? Kind.N
                  : Kind.AN;
    compiled = {
      name: def.name,
      kind,
      min: def.min,
      max: def.max,
      codes: def.codes ? new Set(def.codes) : undefined,
    };
    valueCache.set(def, compiled);
  }
  return compiled;
}

function compileNotes(notes: readonly string[] | undefined): CompiledNote[] {
  return (notes ?? []).map((text) => ({
    text,
    kind: text[0] ?? '',
    positions: (text.slice(1).match(/\d{2}/g) ?? []).map(Number),
  }));
}

/** The compiled definition of segment `id` in a version, or `undefined` when the version has none. */
export function segmentDefinition(id: string, specs: VersionSpecs): CompiledSegment | undefined {
  let map = byVersion.get(specs);
  if (!map) byVersion.set(specs, (map = new Map<string, CompiledSegment | null>()));
  let compiled = map.get(id);
  if (compiled === undefined) {
    const def = specs.segments.segments[id];
    compiled = def && Object.hasOwn(specs.segments.segments, id) ? compileSegment(id, def, specs) : null;
    map.set(id, compiled);
  }
  return compiled ?? undefined;
}
