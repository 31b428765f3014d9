import type { MigrationObject } from '@mikro-orm/core';
import { Migration20250101000000InitialLibsql } from './20250101000000-initial-libsql.js';
import { Migration20250101000000InitialPostgres } from './20250101000000-initial-postgres.js';
import { Migration20260101000000ExceptionsLibsql } from './20260101000000-exceptions-libsql.js';
import { Migration20260101000000ExceptionsPostgres } from './20260101000000-exceptions-postgres.js';
import { Migration20260102000000OrdersLibsql } from './20260102000000-orders-libsql.js';
import { Migration20260102000000OrdersPostgres } from './20260102000000-orders-postgres.js';
import { Migration20260103000000ReconciliationLibsql } from './20260103000000-reconciliation-libsql.js';
import { Migration20260103000000ReconciliationPostgres } from './20260103000000-reconciliation-postgres.js';
import { Migration20260104000000DuplicateWindowLibsql } from './20260104000000-duplicate-window-libsql.js';
import { Migration20260104000000DuplicateWindowPostgres } from './20260104000000-duplicate-window-postgres.js';
import { Migration20260105000000OutboundBatchesLibsql } from './20260105000000-outbound-batches-libsql.js';
import { Migration20260105000000OutboundBatchesPostgres } from './20260105000000-outbound-batches-postgres.js';
import { Migration20260106000000ApiKeysLibsql } from './20260106000000-api-keys-libsql.js';
import { Migration20260106000000ApiKeysPostgres } from './20260106000000-api-keys-postgres.js';
import { Migration20260106000001IntakeKeyLibsql } from './20260106000001-intake-key-libsql.js';
import { Migration20260106000001IntakeKeyPostgres } from './20260106000001-intake-key-postgres.js';
import { Migration20260107000000TransmissionReferencesLibsql } from './20260107000000-transmission-references-libsql.js';
import { Migration20260107000000TransmissionReferencesPostgres } from './20260107000000-transmission-references-postgres.js';
import { Migration20260107000001ConsoleAccessLibsql } from './20260107000001-console-access-libsql.js';
import { Migration20260107000001ConsoleAccessPostgres } from './20260107000001-console-access-postgres.js';
import { Migration20260108000000As2MessagesLibsql } from './20260108000000-as2-messages-libsql.js';
import { Migration20260108000000As2MessagesPostgres } from './20260108000000-as2-messages-postgres.js';
import { Migration20260109000000MarketplaceCursorsLibsql } from './20260109000000-marketplace-cursors-libsql.js';
import { Migration20260109000000MarketplaceCursorsPostgres } from './20260109000000-marketplace-cursors-postgres.js';

/**
 * The migrations of each dialect, oldest first. They are listed here rather than found by a file
 * glob so that the same list runs from `src/` under tsx and from `dist/` after a build.
 */
export const migrationsByDialect: Record<'postgresql' | 'libsql', MigrationObject[]> = {
  postgresql: [
    { name: 'Migration20250101000000InitialPostgres', class: Migration20250101000000InitialPostgres },
    { name: 'Migration20260101000000ExceptionsPostgres', class: Migration20260101000000ExceptionsPostgres },
    { name: 'Migration20260102000000OrdersPostgres', class: Migration20260102000000OrdersPostgres },
    {
      name: 'Migration20260103000000ReconciliationPostgres',
      class: Migration20260103000000ReconciliationPostgres,
    },
    {
      name: 'Migration20260104000000DuplicateWindowPostgres',
      class: Migration20260104000000DuplicateWindowPostgres,
    },
    {
      name: 'Migration20260105000000OutboundBatchesPostgres',
      class: Migration20260105000000OutboundBatchesPostgres,
    },
    { name: 'Migration20260106000000ApiKeysPostgres', class: Migration20260106000000ApiKeysPostgres },
    { name: 'Migration20260106000001IntakeKeyPostgres', class: Migration20260106000001IntakeKeyPostgres },
    {
      name: 'Migration20260107000000TransmissionReferencesPostgres',
      class: Migration20260107000000TransmissionReferencesPostgres,
    },
    {
      name: 'Migration20260107000001ConsoleAccessPostgres',
      class: Migration20260107000001ConsoleAccessPostgres,
    },
    { name: 'Migration20260108000000As2MessagesPostgres', class: Migration20260108000000As2MessagesPostgres },
    {
      name: 'Migration20260109000000MarketplaceCursorsPostgres',
      class: Migration20260109000000MarketplaceCursorsPostgres,
    },
  ],
  libsql: [
    { name: 'Migration20250101000000InitialLibsql', class: Migration20250101000000InitialLibsql },
    { name: 'Migration20260101000000ExceptionsLibsql', class: Migration20260101000000ExceptionsLibsql },
    { name: 'Migration20260102000000OrdersLibsql', class: Migration20260102000000OrdersLibsql },
    {
      name: 'Migration20260103000000ReconciliationLibsql',
      class: Migration20260103000000ReconciliationLibsql,
    },
    {
      name: 'Migration20260104000000DuplicateWindowLibsql',
      class: Migration20260104000000DuplicateWindowLibsql,
    },
    {
      name: 'Migration20260105000000OutboundBatchesLibsql',
      class: Migration20260105000000OutboundBatchesLibsql,
    },
    { name: 'Migration20260106000000ApiKeysLibsql', class: Migration20260106000000ApiKeysLibsql },
    { name: 'Migration20260106000001IntakeKeyLibsql', class: Migration20260106000001IntakeKeyLibsql },
    {
      name: 'Migration20260107000000TransmissionReferencesLibsql',
      class: Migration20260107000000TransmissionReferencesLibsql,
    },
    { name: 'Migration20260107000001ConsoleAccessLibsql', class: Migration20260107000001ConsoleAccessLibsql },
    { name: 'Migration20260108000000As2MessagesLibsql', class: Migration20260108000000As2MessagesLibsql },
    {
      name: 'Migration20260109000000MarketplaceCursorsLibsql',
      class: Migration20260109000000MarketplaceCursorsLibsql,
    },
  ],
};
