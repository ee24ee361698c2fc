import { SetMetadata } from '@nestjs/common';

export const AUDIT_READS_KEY = 'motcua:audit-reads';

/** A read that is audited too (a download of a citizen's papers), though reads are not by default. */
export const AuditReads = () => SetMetadata(AUDIT_READS_KEY, true);
