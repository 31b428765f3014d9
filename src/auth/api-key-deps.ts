import type { PartnerRegistry } from '../partners/index.js';
import type { Repositories } from '../store/index.js';

/** What managing keys needs: the keys, the audit trail, and the partners keys are issued for. */
export interface ApiKeyAdminDeps {
  repositories: Pick<Repositories, 'apiKeys' | 'audit' | 'consoleAccess'>;
  partners: PartnerRegistry;
  /** Default: the system clock. */
  now?: () => Date;
}

/** What the subject of a key's audit entries is called. */
export const API_KEY_SUBJECT = 'api-key';
