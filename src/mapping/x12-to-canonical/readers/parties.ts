import type { Contact, Draft, Party, PartyIdentifier } from '../../../canonical/index.js';
import { firstSegment, segmentsOf, type LoopInstance, type Segment } from '../../../x12/index.js';
import { partyRoles } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { iterations, nonEmpty } from './loop-navigation.js';
import { readReferences } from './references.js';

/** Every N1 loop directly inside `loop`, as parties. */
export function readParties(loop: LoopInstance, elements: ElementReader): Draft<Party>[] {
  return iterations(loop, 'N1').map((n1) => readN1Party(n1, elements));
}

/** One N1 loop: N1 name and id, N2 extra names, N3 street lines, N4 place, PER contacts, REF. */
export function readN1Party(loop: LoopInstance, elements: ElementReader): Draft<Party> {
  const n1 = firstSegment(loop, 'N1');
  const roleCode = n1 && elements.text(n1, 1);
  const identifier = n1 && readIdentifier(n1, 3, elements);
  const names = [
    n1 && elements.text(n1, 2),
    ...segmentsOf(loop, 'N2').flatMap((n2) => [elements.text(n2, 1), elements.text(n2, 2)]),
  ].filter((n): n is string => n !== undefined);
  return {
    role: partyRoles.toCanonical(roleCode) ?? 'other',
    roleCode,
    // Where N102 is empty (an id-only N1 followed by N2), the first N2 line is the name.
    name: names[0],
    additionalNames: nonEmpty(names.slice(1)),
    ...wellKnownIds(identifier),
    identifiers: identifier ? [identifier] : undefined,
    ...readAddress(loop, elements),
    contacts: nonEmpty(segmentsOf(loop, 'PER').map((per) => readContact(per, elements))),
    references: nonEmpty(readReferences(loop, elements)),
  };
}

/** One NM1 loop (individual or organisation name in parts) with its N3/N4/PER/REF. */
export function readNm1Party(loop: LoopInstance, elements: ElementReader): Draft<Party> {
  const nm1 = firstSegment(loop, 'NM1');
  const roleCode = nm1 && elements.text(nm1, 1);
  const identifier = nm1 && readIdentifier(nm1, 8, elements);
  return {
    role: partyRoles.toCanonical(roleCode) ?? 'other',
    roleCode,
    name: nm1 && elements.text(nm1, 3),
    givenName: nm1 && elements.text(nm1, 4),
    ...wellKnownIds(identifier),
    identifiers: identifier ? [identifier] : undefined,
    ...readAddress(loop, elements),
    contacts: nonEmpty(segmentsOf(loop, 'PER').map((per) => readContact(per, elements))),
    references: nonEmpty(readReferences(loop, elements)),
  };
}

function readIdentifier(
  segment: Segment,
  qualifierPosition: number,
  elements: ElementReader,
): PartyIdentifier | undefined {
  const qualifier = elements.text(segment, qualifierPosition);
  const value = elements.text(segment, qualifierPosition + 1);
  return qualifier !== undefined && value !== undefined ? { qualifier, value } : undefined;
}

/** DUNS and GLN by name. A DUNS+4 (`9`) is the 9-digit DUNS followed by a 4-character suffix. */
function wellKnownIds(id: PartyIdentifier | undefined): Pick<Party, 'duns' | 'gln'> {
  if (!id) return {};
  if (id.qualifier === '1') return { duns: id.value };
  if (id.qualifier === '9') return { duns: id.value.slice(0, 9) };
  if (id.qualifier === 'UL') return { gln: id.value };
  return {};
}

function readAddress(loop: LoopInstance, elements: ElementReader): Draft<Party> {
  const lines = segmentsOf(loop, 'N3').flatMap((n3) => [elements.text(n3, 1), elements.text(n3, 2)]);
  const n4 = firstSegment(loop, 'N4');
  return {
    addressLines: nonEmpty(lines.filter((l): l is string => l !== undefined)),
    city: n4 && elements.text(n4, 1),
    state: n4 && elements.text(n4, 2),
    postalCode: n4 && elements.text(n4, 3),
    country: n4 && elements.text(n4, 4),
  };
}

const COMMUNICATION_FIELDS: Record<string, 'phone' | 'email' | 'fax'> = {
  TE: 'phone',
  EM: 'email',
  FX: 'fax',
};

/** PER: function, name, and up to three communication numbers with their qualifiers. */
export function readContact(per: Segment, elements: ElementReader): Draft<Contact> {
  const contact: Draft<Contact> = { function: elements.text(per, 1), name: elements.text(per, 2) };
  const other: PartyIdentifier[] = [];
  for (const position of [3, 5, 7]) {
    const qualifier = elements.text(per, position);
    const value = elements.text(per, position + 1);
    if (qualifier === undefined || value === undefined) continue;
    const field = COMMUNICATION_FIELDS[qualifier];
    if (field && contact[field] === undefined) contact[field] = value;
    else other.push({ qualifier, value });
  }
  contact.other = nonEmpty(other);
  return contact;
}
