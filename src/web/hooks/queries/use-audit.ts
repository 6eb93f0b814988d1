import type { AuditPage } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';

export interface AuditFilters {
  actor?: string | undefined;
  kind?: string | undefined;
  action?: string | undefined;
  channel?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/** GET /audit: the audit trail, newest first, page by page (organisation admins). */
export function useAudit(filters: AuditFilters) {
  return usePaged<AuditPage>(keys.audit(filters), '/audit', filters);
}
