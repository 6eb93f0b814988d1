import { Link } from 'react-router-dom';
import type { BugItem } from '../../api/voice-dashboard-types.js';
import { Badge } from '../../components/Badge.js';
import { Stat } from '../../components/Stat.js';
import { useCapabilitySla } from '../../hooks/queries/use-capability-sla.js';
import { useVoiceItems } from '../../hooks/queries/use-voice-items.js';
import { useVoiceSummary } from '../../hooks/queries/use-voice-summary.js';
import { formatDate, formatHours, formatNumber, formatRate } from '../../lib/format.js';
import { itemsPath } from '../voice/dashboards/item-links.js';

const TOP = 5;
const HOUR = 3_600_000;
/** The figures are those of the last 90 days, the summary's default; the period is fixed so the cache is shared. */
const lastDays = () => {
  const end = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1);
  return { from: new Date(end - 90 * 24 * HOUR).toISOString(), to: new Date(end).toISOString() };
};

/** Open means not yet fixed: the lists call an unacknowledged bug `open` and an answered one `acknowledged`. */
function useUnfixed(capability: string) {
  const open = useVoiceItems('bugs', { capability, status: 'open', limit: 200 });
  const acknowledged = useVoiceItems('bugs', { capability, status: 'acknowledged', limit: 200 });
  const items = [...(open.data?.items ?? []), ...(acknowledged.data?.items ?? [])];
  const more = Boolean(open.data?.nextCursor || acknowledged.data?.nextCursor);
  return { items, more, isPending: open.isPending || acknowledged.isPending, error: open.error ?? acknowledged.error };
}

/** A capability's bugs: open, past SLA, fixed within SLA lately, and the worst open ones with their fix deadline. */
export function CapabilityBugs({ name }: { name: string }) {
  const summary = useVoiceSummary({ ...lastDays(), capability: name });
  const sla = useCapabilitySla(name);
  const unfixed = useUnfixed(name);
  const deadline = (b: BugItem) => {
    const hours = sla.data?.severities[String(b.severity)]?.fixHours;
    return hours === undefined ? null : new Date(Date.parse(b.reportedAt) + hours * HOUR);
  };
  const worst = [...unfixed.items]
    .sort((a, b) => a.severity - b.severity || a.reportedAt.localeCompare(b.reportedAt))
    .slice(0, TOP);
  const bugs = summary.data?.bugs;
  return (
    <div data-testid="capability-bugs" className="voice-anchor">
      <h3 className="subheading">Bugs</h3>
      {unfixed.error || summary.error ? (
        <p className="field-error">Could not load the bugs: {(unfixed.error ?? summary.error)?.message}</p>
      ) : (
        <div className="stats stats-3 voice-stats">
          <Stat
            label="Open bugs"
            testId="capability-open-bugs"
            value={unfixed.isPending ? '…' : `${formatNumber(unfixed.items.length)}${unfixed.more ? '+' : ''}`}
            to={itemsPath('bugs', { capability: name, status: 'open' })}
            hint="not fixed yet, acknowledged or not"
          />
          <Stat
            label="Past SLA"
            testId="capability-past-sla"
            value={bugs ? formatNumber(bugs.pastSla) : '…'}
            to={itemsPath('bugs', { capability: name, status: 'open' })}
            hint="open past their time to fix"
          />
          <Stat
            label="Fixed within SLA"
            testId="capability-fix-within-sla"
            value={bugs ? formatRate(bugs.fixWithinSla) : '…'}
            to={`/voice/service?capability=${encodeURIComponent(name)}`}
            hint={bugs ? `${bugs.fixMet} of ${bugs.fixN} reported in the last 90 days` : ' '}
          />
        </div>
      )}
      {worst.length > 0 ? (
        <ul className="voice-items" aria-label="Worst open bugs">
          {worst.map((b) => {
            const due = deadline(b);
            return (
              <li key={b.id}>
                <Link to={itemsPath('bugs', { capability: name, status: b.status })}>{b.title}</Link>
                <span className="voice-item-meta">
                  sev {b.severity} · reported {formatDate(b.reportedAt)}
                  {due ? ` · fix by ${formatDate(due.toISOString())}` : ' · no SLA'}{' '}
                  {due && due.getTime() < Date.now() ? <Badge tone="danger">past SLA</Badge> : null}
                </span>
              </li>
            );
          })}
        </ul>
      ) : unfixed.isPending ? null : (
        <p className="muted">No open bug.</p>
      )}
      {bugs && bugs.medianHoursToFix !== null ? (
        <p className="muted small">
          Median time to fix in the last 90 days: {formatHours(bugs.medianHoursToFix)} ({bugs.fixedN} fixed).
        </p>
      ) : null}
    </div>
  );
}
