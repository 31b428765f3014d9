import type { Delimiters } from '../x12/index.js';
import type { PartnerFile, X12PartnerFile } from './schema.js';
import type { ShipNoticeOptionsFile } from './schema/documents.js';
import type { PartyIdentityFile } from './schema/identity.js';
import type { X12SettingsFile } from './schema/x12-settings.js';
import type { PartnerConfig, ShipNoticeOptions, X12PartnerConfig } from './types.js';

/**
 * Defaults that depend on other fields, which JSON Schema `default` cannot express. The checks use
 * the same functions, so what is checked is what the gateway will use.
 */

const is5010 = (version: string) => version.startsWith('005010');

/** ISA12 for the GS08 version: `00501` for 005010, `00401` for 004010. */
export function interchangeVersionFor(x12: Pick<X12SettingsFile, 'version' | 'interchangeVersion'>): string {
  return x12.interchangeVersion ?? (is5010(x12.version) ? '00501' : '00401');
}

/** ISA11 holds the repetition separator from 00402 on; before that it is the `U` standards id. */
export function carriesRepetition(interchangeVersion: string): boolean {
  return interchangeVersion >= '00402';
}

/** The separators most partners use for the version: `* > ~` in 004010, `* : ~` and `^` in 005010. */
export function usualDelimiters(x12: Pick<X12SettingsFile, 'version' | 'interchangeVersion'>): Delimiters {
  return {
    element: '*',
    component: is5010(x12.version) ? ':' : '>',
    segment: '~',
    repetition: carriesRepetition(interchangeVersionFor(x12)) ? '^' : undefined,
  };
}

/** The separators we write: the file's, each missing one taken from {@link usualDelimiters}. */
export function outboundDelimiters(x12: X12SettingsFile): Delimiters {
  const usual = usualDelimiters(x12);
  const written = x12.delimiters;
  return {
    element: written.element ?? usual.element,
    component: written.component ?? usual.component,
    segment: written.segment ?? usual.segment,
    repetition: carriesRepetition(interchangeVersionFor(x12))
      ? (written.repetition ?? usual.repetition)
      : undefined,
  };
}

/** 999 is the 005010 acknowledgement; 004010 partners read 997s. */
export function functionalAckFor(version: string): '997' | '999' {
  return is5010(version) ? '999' : '997';
}

/** Without a pack level there is no carton to label. */
export function shipNoticeOptions(options: ShipNoticeOptionsFile): ShipNoticeOptions {
  return {
    ...options,
    packageLabel: options.packageLabel ?? (options.hierarchy === 'SOI' ? 'none' : 'sscc-18'),
  };
}

const party = (identity: PartyIdentityFile) => ({ ...identity, gsId: identity.gsId ?? identity.isaId });

/** Fills the defaults that depend on other fields into a file that passed the schema. */
export function resolvePartner(file: PartnerFile): PartnerConfig {
  return file.kind === 'x12' ? resolveX12Partner(file) : file;
}

function resolveX12Partner(file: X12PartnerFile): X12PartnerConfig {
  const { x12, identity, documents, acknowledgements } = file;
  return {
    ...file,
    identity: { theirs: party(identity.theirs), ours: party(identity.ours) },
    x12: { ...x12, interchangeVersion: interchangeVersionFor(x12), delimiters: outboundDelimiters(x12) },
    documents: {
      ...documents,
      options: {
        '855': documents.options['855'],
        '856': shipNoticeOptions(documents.options['856']),
        '810': documents.options['810'],
      },
    },
    acknowledgements: {
      ...acknowledgements,
      functional: acknowledgements.functional ?? functionalAckFor(x12.version),
    },
  };
}
