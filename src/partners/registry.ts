import { findConflicts, senderKey } from './conflicts.js';
import { loadPartners, type PartnerLoadOptions } from './load.js';
import { PartnerError } from './partner-error.js';
import type { PartnerConfig, X12PartnerConfig } from './types.js';

/**
 * The partners the gateway knows, looked up by id or by the ISA sender of an inbound interchange.
 * Disabled partners are kept: an interchange from one must be recognised and refused, not treated
 * as coming from a stranger. Callers check `enabled`.
 *
 * @example
 * const partners = PartnerRegistry.fromDirectory('partners');
 * const sender = partners.byInterchangeSender(isa.senderQualifier, isa.senderId); // ISA05, ISA06 as read
 * if (!sender?.enabled) { ... }
 */
export class PartnerRegistry {
  readonly #all: readonly PartnerConfig[];
  readonly #byId = new Map<string, PartnerConfig>();
  readonly #bySender = new Map<string, X12PartnerConfig>();

  /** Refuses configs with one id twice or one ISA sender twice, as loading a folder does. */
  constructor(configs: Iterable<PartnerConfig>) {
    this.#all = [...configs];
    const conflicts = findConflicts(this.#all.map((config) => ({ config, source: `partner ${config.id}` })));
    if (conflicts.length > 0) throw PartnerError.invalid(conflicts);
    for (const config of this.#all) {
      this.#byId.set(config.id, config);
      if (config.kind === 'x12') {
        this.#bySender.set(
          senderKey(config.identity.theirs.isaQualifier, config.identity.theirs.isaId),
          config,
        );
      }
    }
  }

  /**
   * Loads a folder of partner files into a registry.
   *
   * @example
   * const registry = PartnerRegistry.fromDirectory(config.PARTNERS_DIR, { mappingsDir: config.MAPPINGS_DIR });
   */
  static fromDirectory(dir: string, options: PartnerLoadOptions = {}): PartnerRegistry {
    return new PartnerRegistry(loadPartners(dir, options));
  }

  /** @example registry.byId('bigbox-retail')?.name; // 'BigBox Retail' */
  byId(id: string): PartnerConfig | undefined {
    return this.#byId.get(id);
  }

  /**
   * Like {@link byId}, but an unknown id is an error that lists the known ones (for `--partner`).
   *
   * @example registry.get('bigbox'); // PartnerError 'partner-unknown': there is no partner 'bigbox' (known partners: ...)
   */
  get(id: string): PartnerConfig {
    const config = this.#byId.get(id);
    if (!config) throw PartnerError.unknown(id, [...this.#byId.keys()]);
    return config;
  }

  /**
   * The X12 partner whose `identity.theirs` is this ISA05/ISA06. Padding around either value is
   * ignored; the id is compared exactly, case included, as X12 ids are.
   *
   * @example registry.byInterchangeSender('ZZ', 'BIGBOXRETAIL   ')?.id; // 'bigbox-retail'
   */
  byInterchangeSender(qualifier: string, id: string): X12PartnerConfig | undefined {
    return this.#bySender.get(senderKey(qualifier, id));
  }

  /** Every partner, enabled or not, in the order given. */
  all(): readonly PartnerConfig[] {
    return this.#all;
  }
}
