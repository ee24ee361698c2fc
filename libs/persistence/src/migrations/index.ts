import { Foundation1763900000000 } from './1763900000000-foundation';
import { Calendar1763900100000 } from './1763900100000-calendar';
import { Catalog1763900200000 } from './1763900200000-catalog';
import { Dossiers1763900300000 } from './1763900300000-dossiers';
import { Workflow1763900400000 } from './1763900400000-workflow';
import { UserEmail1763900500000 } from './1763900500000-user-email';
import { Timeliness1763900600000 } from './1763900600000-timeliness';
import { ReportCounts1763900800000 } from './1763900800000-report-counts';
import { Audit1763900900000 } from './1763900900000-audit';
import { UserTokens1763901000000 } from './1763901000000-user-tokens';
import { DeadLetters1763901100000 } from './1763901100000-dead-letters';
import { TokenSecurity1763901200000 } from './1763901200000-token-security';
import { AuditScope1763901300000 } from './1763901300000-audit-scope';
import { SystemAdmin1763901400000 } from './1763901400000-system-admin';
import { OutboxPoll1763901500000 } from './1763901500000-outbox-poll';
import { SweepIndexes1763901600000 } from './1763901600000-sweep-indexes';
import { OutboxSettled1763901700000 } from './1763901700000-outbox-settled';
import { SearchIndexes1763901800000 } from './1763901800000-search-indexes';
import { TaskNotices1763901900000 } from './1763901900000-task-notices';
import { SupplementSince1763902000000 } from './1763902000000-supplement-since';
import { DossierFiles1763902100000 } from './1763902100000-dossier-files';
import { SigningKeys1763902200000 } from './1763902200000-signing-keys';

/** Every migration, in order. Listed explicitly so bundled builds carry them. */
export const MIGRATIONS = [
  Foundation1763900000000,
  Calendar1763900100000,
  Catalog1763900200000,
  Dossiers1763900300000,
  Workflow1763900400000,
  UserEmail1763900500000,
  Timeliness1763900600000,
  ReportCounts1763900800000,
  Audit1763900900000,
  UserTokens1763901000000,
  DeadLetters1763901100000,
  TokenSecurity1763901200000,
  AuditScope1763901300000,
  SystemAdmin1763901400000,
  OutboxPoll1763901500000,
  SweepIndexes1763901600000,
  OutboxSettled1763901700000,
  SearchIndexes1763901800000,
  TaskNotices1763901900000,
  SupplementSince1763902000000,
  DossierFiles1763902100000,
  SigningKeys1763902200000,
];
