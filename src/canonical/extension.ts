import { Type, type Static } from '@sinclair/typebox';
import { Text } from './primitives.js';

const SegmentId = Type.String({
  pattern: '^[A-Z][A-Z0-9]{1,2}$',
  description: 'an X12 segment id such as "FOB"',
});

/**
 * One element of an extension segment, as sent: text for a simple element, the list of its
 * components for a composite one, and for a repeated element (00501+) the list of its repetitions,
 * each a list of components (a simple repetition is a list of one).
 */
export const ExtensionElement = Type.Union([
  Type.String(),
  Type.Array(Type.String(), { minItems: 2 }),
  Type.Array(Type.Array(Type.String(), { minItems: 1 }), { minItems: 2 }),
]);
export type ExtensionElement = Static<typeof ExtensionElement>;

/**
 * One enclosing loop iteration of an extension segment: the loop (named by its first segment) and
 * which iteration of it, counted from 1 among the iterations of that loop in the enclosing one.
 * HL iterations are counted in the order the gateway writes them (depth first), which is their
 * HL01 as written. An `LS`/`LE` bounded loop keeps its LS01 in `loopIdentifier`.
 */
export const ExtensionLoop = Type.Object(
  {
    loop: SegmentId,
    iteration: Type.Integer({ minimum: 1 }),
    loopIdentifier: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type ExtensionLoop = Static<typeof ExtensionLoop>;

/**
 * A segment the partner sent that no mapping rule reads (an FOB, a TD3, a DTM the mapping's
 * `where` leaves out...), kept as sent so that nothing is lost, and written back in the same loop
 * iteration when the document is rendered as X12.
 */
export const ExtensionSegment = Type.Object(
  {
    segment: SegmentId,
    /** Element 01 first; trailing empty elements left out. */
    elements: Type.Array(ExtensionElement),
    /** The loop iterations around the segment, outermost first; empty at the set's own level. */
    loops: Type.Array(ExtensionLoop),
  },
  { additionalProperties: false },
);
export type ExtensionSegment = Static<typeof ExtensionSegment>;
