import type { Draft, Reference } from '../../../canonical/index.js';
import type { LoopInstance, Segment } from '../../../x12/index.js';
import type { ElementReader } from '../element-reader.js';
import { starts } from './loop-navigation.js';

/** REF (or N9): qualifier, value, description. */
export function readReference(segment: Segment, elements: ElementReader): Draft<Reference> {
  return {
    qualifier: elements.text(segment, 1),
    value: elements.text(segment, 2) ?? '',
    description: elements.text(segment, 3),
  };
}

/** Every REF directly inside `loop`, lone or starting a REF loop (005010 820 nests REF/DTM loops). */
export function readReferences(loop: LoopInstance, elements: ElementReader): Draft<Reference>[] {
  return starts(loop, 'REF').map((ref) => readReference(ref, elements));
}

/** The value of the first REF with `qualifier` in the list. */
export function referenceValue(
  references: readonly Draft<Reference>[],
  qualifier: string,
): string | undefined {
  const value = references.find((r) => r.qualifier === qualifier)?.value;
  return value === '' ? undefined : value;
}
