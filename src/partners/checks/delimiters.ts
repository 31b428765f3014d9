import { carriesRepetition, interchangeVersionFor, outboundDelimiters } from '../defaults.js';
import { quote, type Finding } from '../problem.js';
import type { X12PartnerFile } from '../schema.js';
import type { PartnerCheck } from './partner-check.js';

type SeparatorName = 'element' | 'component' | 'segment' | 'repetition';

/**
 * The separators we write must be told apart from each other and from data. The writer refuses the
 * same things when it writes a file; refusing them here fails at start instead of at the first send.
 */
export const delimitersCheck: PartnerCheck<X12PartnerFile> = {
  reads: ['/x12', '/identity'],
  run(partner, written) {
    const findings: Finding[] = [];
    const isa12 = interchangeVersionFor(partner.x12);
    const delimiters = outboundDelimiters(partner.x12);
    const at = (name: SeparatorName) => `/x12/delimiters/${name}`;
    const defaulted = (name: SeparatorName) =>
      written.has(at(name))
        ? ''
        : ` (the default for ${partner.x12.version}); set x12.delimiters.${name} to another character`;

    if (partner.x12.delimiters.repetition !== undefined && !carriesRepetition(isa12)) {
      findings.push({
        pointer: at('repetition'),
        message: `is only for ISA12 00402 and later: in ${isa12} ISA11 is the U standards id, so remove it`,
      });
    }
    const named = (['element', 'component', 'segment', 'repetition'] as const).flatMap((name) => {
      const character = delimiters[name];
      return character === undefined ? [] : [{ name, character }];
    });
    const usable = named.filter(({ character }) => !/[A-Za-z0-9 ]/.test(character));
    named.forEach(({ name, character }, index) => {
      if (!usable.some((u) => u.name === name)) {
        findings.push({
          pointer: at(name),
          message: `is ${quote(character)}, a letter, digit or space, which a receiver cannot tell from data`,
        });
      }
      const same = named.slice(0, index).find((other) => other.character === character);
      if (same) {
        findings.push({
          pointer: at(name),
          message: `is ${quote(character)}, the same as the ${same.name} separator${defaulted(name)}`,
        });
      }
    });

    // Ids are written into ISA06/08 and GS02/03; a separator inside one would split the field.
    for (const side of ['theirs', 'ours'] as const) {
      for (const field of ['isaId', 'gsId'] as const) {
        const value = partner.identity[side][field];
        const clash = usable.find(({ character }) => value?.includes(character));
        if (clash) {
          findings.push({
            pointer: `/identity/${side}/${field}`,
            message: `contains ${quote(clash.character)}, the ${clash.name} separator of the files we send`,
          });
        }
      }
    }
    return findings;
  },
};
