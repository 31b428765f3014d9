import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The mapping file format (`mappings/x12/<version>/<set>.yaml` and partner overrides). A mapping
 * is data: rules that say, for both directions at once, which element of which segment holds which
 * field of the canonical document. Nothing in a file is evaluated; conversions are named formats and
 * code tables.
 */

/** How an element's text becomes a canonical value and back. */
export const FORMATS = [
  'text',
  'date',
  'time',
  'decimal',
  'implied2',
  'integer',
  'date-range',
  'period',
  'sscc',
  'duns',
] as const;
export type Format = (typeof FORMATS)[number];

const Position = Type.Integer({ minimum: 1, maximum: 99 });
// Plain property names only; names that reach an object's prototype are refused outright.
const Path = Type.String({
  pattern:
    '^(?!(.*\\.)?(__proto__|constructor|prototype)(\\[|\\.|$))(\\.|[A-Za-z_][A-Za-z0-9_]*(\\[\\d+\\])?(\\.[A-Za-z_][A-Za-z0-9_]*(\\[\\d+\\])?)*)$',
});

/** `{ <element position>: code | [codes] }`: which segments or loops a rule is about. */
const Where = Type.Record(
  Type.String({ pattern: '^\\d{1,2}$' }),
  Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1 })]),
);

/** One element <-> one field. */
export const FieldRule = Type.Object(
  {
    element: Position,
    component: Type.Optional(Position),
    /** Where the value lives in the canonical object the rule works on. */
    path: Type.Optional(Path),
    /** A fixed value: written outbound, required to match inbound (a qualifier, say). */
    value: Type.Optional(Type.String({ minLength: 1 })),
    format: Type.Optional(Type.Union(FORMATS.map((f) => Type.Literal(f)))),
    /** Code table converting the X12 code to the canonical value (and back). */
    table: Type.Optional(Type.String({ minLength: 1 })),
    /** Outbound: the element must be written even when the document has no value (from `default`). */
    default: Type.Optional(Type.String()),
    /** Only when other elements of the segment hold these codes (`{ '1': IV }`: RMR02 is an invoice number when RMR01 is IV). */
    when: Type.Optional(Where),
    /** Inbound, when the element is empty: `position` reads the item's 1-based place in its list (a PO1 without PO101). */
    otherwise: Type.Optional(Type.Literal('position')),
    /** With `format: date-range` (`CCYYMMDD-CCYYMMDD`, DTM RD8): where the end date goes; `path` takes the start. */
    endPath: Type.Optional(Path),
    /** With `format: period`: the element holding the period's format qualifier (DTM05 for DTM06). */
    formatQualifier: Type.Optional(Position),
  },
  { additionalProperties: false },
);
export type FieldRule = Static<typeof FieldRule>;

/** Qualifier/value element pairs (PO106-PO125, LIN02-LIN31...) <-> a list, and well-known ids by name. */
export const PairsRule = Type.Object(
  {
    pairs: Type.Tuple([Position, Position]),
    /** List of `{ qualifier, value }` as sent. */
    path: Path,
    /** Object of well-known ids, keyed through `table` (`VP` -> `vendorPartNumber`). */
    named: Type.Optional(Path),
    table: Type.Optional(Type.String({ minLength: 1 })),
    /** List only the pairs that got no name (a contact's phone is named; a pager number is listed). */
    unnamedOnly: Type.Optional(Type.Boolean()),
    /** Qualifier -> format its value is read with into the named id (`'9': duns`: DUNS+4 names the DUNS). */
    formats: Type.Optional(Type.Record(Type.String(), Type.Union(FORMATS.map((f) => Type.Literal(f))))),
  },
  { additionalProperties: false },
);
export type PairsRule = Static<typeof PairsRule>;

const common = {
  /** Names the rule for partner overrides; defaults to the segment, loop or hierarchy id. */
  id: Type.Optional(Type.String({ minLength: 1 })),
  where: Type.Optional(Where),
  /** One canonical item per segment / loop iteration, in this array. */
  each: Type.Optional(Path),
  /** The canonical object the rule works on (default: the current one). */
  into: Type.Optional(Path),
  /** Outbound: place this rule after the rule with this id (overrides adding rules). */
  after: Type.Optional(Type.String()),
  /** In an override: drop the rule of the same id. */
  remove: Type.Optional(Type.Boolean()),
  /** The rule runs in this direction only (a rule that writes what another rule reads). */
  direction: Type.Optional(Type.Union([Type.Literal('inbound'), Type.Literal('outbound')])),
  /** With `each`: the list is the document's own, not the current object's. */
  scope: Type.Optional(Type.Literal('document')),
  /**
   * With `each`: `{ <item field>: <current object field> }`. Inbound each item gets the current
   * object's value (a remittance item the number of its ENT); outbound only the items holding the
   * current object's value are written here.
   */
  link: Type.Optional(Type.Record(Path, Path, { minProperties: 1 })),
};

export const SegmentRule = Type.Object(
  {
    segment: Type.String({ pattern: '^[A-Z][A-Z0-9]{1,2}$' }),
    ...common,
    // A field is a pairs rule when it says `pairs`; either way, a mistake is reported once.
    fields: Type.Optional(
      Type.Array(
        Type.Unsafe<FieldRule | PairsRule>({
          type: 'object',
          if: { required: ['pairs'] },
          then: PairsRule,
          else: FieldRule,
        }),
      ),
    ),
    /** Outbound: write the segment even when none of its fields has a value. */
    always: Type.Optional(Type.Boolean()),
    /** Outbound: write the segment only when the rules before it wrote none (same id and `where` codes) for this object. */
    fallback: Type.Optional(Type.Boolean()),
    /** With `each`: an item without these paths is not kept (its segment stays an extension). */
    requires: Type.Optional(Type.Array(Path, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type SegmentRule = Static<typeof SegmentRule>;

export interface LoopRule {
  loop: string;
  id?: string;
  where?: Record<string, string | string[]>;
  each?: string;
  into?: string;
  after?: string;
  remove?: boolean;
  direction?: 'inbound' | 'outbound';
  scope?: 'document';
  link?: Record<string, string>;
  /** Always present once loaded; an override may leave it out. */
  body: Rule[];
}

export interface HierarchyLevel {
  each?: string;
  into?: string;
  /** HL04 when the level has children; otherwise `0`. Written outbound, ignored inbound. */
  body: Rule[];
}

export interface HierarchyRule {
  hierarchy: 'HL';
  id?: string;
  after?: string;
  remove?: boolean;
  /** HL03 level code -> how that level maps; children attach to their HL02 parent's object. */
  levels: Record<string, HierarchyLevel>;
}

export type Rule = SegmentRule | LoopRule | HierarchyRule;

const RuleRef = Type.Unsafe<Rule>(Type.Ref('Rule'));

// `body` may be left out by an override that only changes or removes the loop.
const LoopRuleSchema = Type.Object(
  { loop: Type.String({ minLength: 2 }), ...common, body: Type.Optional(Type.Array(RuleRef)) },
  { additionalProperties: false },
);

const HierarchyRuleSchema = Type.Object(
  {
    hierarchy: Type.Literal('HL'),
    id: common.id,
    after: common.after,
    remove: common.remove,
    levels: Type.Record(
      Type.String({ pattern: '^[A-Z0-9]{1,2}$' }),
      Type.Object(
        { each: Type.Optional(Path), into: Type.Optional(Path), body: Type.Array(RuleRef) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * The rule schema, recursive through loop and level bodies. The kind is chosen by the key a rule
 * has (`segment`, `loop`, `hierarchy`), so a mistake is reported against that kind only, not as
 * a failure to match any of three.
 */
export const RuleSchema: TSchema = Type.Unsafe<Rule>({
  $id: 'Rule',
  type: 'object',
  if: { required: ['segment'] },
  then: SegmentRule,
  else: {
    if: { required: ['loop'] },
    then: LoopRuleSchema,
    else: {
      if: { required: ['hierarchy'] },
      then: HierarchyRuleSchema,
      else: { required: ['segment'], description: 'a rule names a segment, a loop or the HL hierarchy' },
    },
  },
});

export const MappingFile = Type.Object(
  {
    /** Another mapping this one starts from (`x12/004010/850`): a version's or a partner's changes. */
    extends: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_./-]+$' })),
    set: Type.Optional(Type.String({ pattern: '^\\d{3}$' })),
    version: Type.Optional(Type.String({ pattern: '^\\d{6}' })),
    document: Type.Optional(Type.String({ minLength: 1 })),
    tables: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Type.String()))),
    /** Inbound values for fields the file did not carry (`currency: USD` for orders without CUR); a partner override sets its own. */
    defaults: Type.Optional(Type.Record(Path, Type.String())),
    body: Type.Optional(Type.Array(RuleRef)),
  },
  { additionalProperties: false },
);
export type MappingFile = Static<typeof MappingFile>;

/** A mapping after `extends` and overrides are resolved: what runs. */
export interface Mapping {
  set: string;
  version: string;
  document: string;
  tables: Record<string, Record<string, string>>;
  defaults: Record<string, string>;
  body: Rule[];
  /** The files it was merged from, base first. */
  sources: string[];
}

export function isSegmentRule(rule: Rule): rule is SegmentRule {
  return 'segment' in rule;
}
export function isLoopRule(rule: Rule): rule is LoopRule {
  return 'loop' in rule;
}
export function isHierarchyRule(rule: Rule): rule is HierarchyRule {
  return 'hierarchy' in rule;
}
export function isPairsRule(field: FieldRule | PairsRule): field is PairsRule {
  return 'pairs' in field;
}

/** The id a rule is known by in overrides. */
export function ruleId(rule: Rule): string {
  return rule.id ?? (isSegmentRule(rule) ? rule.segment : isLoopRule(rule) ? rule.loop : 'HL');
}
