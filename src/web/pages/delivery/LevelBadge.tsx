import type { DoraLevel } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { LEVEL_TONE } from '../../lib/dora.js';

/** A metric's DORA level (elite, high, medium, low), or "no data" when nothing was measured. */
export function LevelBadge({ level, rule, testId }: { level: DoraLevel | null; rule: string; testId: string }) {
  return (
    <span data-testid={`level-${testId}`}>
      {level ? (
        <Badge tone={LEVEL_TONE[level]} title={`DORA level: ${rule}`}>
          {level}
        </Badge>
      ) : (
        <Badge title="Nothing measured in this period">no level</Badge>
      )}
    </span>
  );
}
