import type { AdoptingTeam } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { formatDate } from '../../lib/format.js';

/** Voluntary (chosen freely, the strongest validation) or mandated (a mandate covered the team when it adopted). */
export function AdoptionKindBadge({ kind }: { kind: AdoptingTeam['kind'] }) {
  return kind === 'voluntary' ? (
    <Badge tone="success" title="Adopted with no mandate in effect for the team">
      voluntary
    </Badge>
  ) : (
    <Badge tone="accent" title="A mandate covering the team was in effect when it adopted">
      mandated
    </Badge>
  );
}

/** Active, or churned since a date: every signal of the team has ended. */
export function UseStatus({ status, churnedAt }: { status: AdoptingTeam['status']; churnedAt?: string | null }) {
  return status === 'active' ? (
    <span className="use-status use-status-active">active</span>
  ) : (
    <span className="use-status use-status-churned" title="Every signal of this team has ended">
      churned{churnedAt ? ` ${formatDate(churnedAt)}` : ''}
    </span>
  );
}

export function AwareBadge() {
  return (
    <Badge tone="info" title="Someone of this team opened the capability page or its release notes">
      aware
    </Badge>
  );
}

export function RequiredBadge() {
  return (
    <Badge tone="danger" title="A mandate covering this team is in effect">
      required
    </Badge>
  );
}
