import type { Dora } from '../api/types.js';
import { formatNumber, formatTenths } from './format.js';

/** How a metric moved against the previous period, and whether that is good news. */
export interface Change {
  text: string;
  tone: 'better' | 'worse' | 'same';
}

export type ChangedMetric =
  'deploymentFrequency' | 'changeLeadTime' | 'changeFailRate' | 'recoveryTime' | 'reworkRate' | 'incidentRecoveryTime';

const sign = (n: number) => (n > 0 ? '+' : '−');

/** Counts and durations move by a share of the earlier value; nothing earlier (or zero) leaves nothing to compare. */
function relative(now: number | null, before: number | null, better: 'up' | 'down'): Change | null {
  if (now === null || before === null || before === 0) return null;
  const percent = Math.round(((now - before) / before) * 100);
  if (percent === 0) return { text: 'no change', tone: 'same' };
  return {
    text: `${sign(percent)}${formatNumber(Math.abs(percent))}%`,
    tone: percent > 0 === (better === 'up') ? 'better' : 'worse',
  };
}

/** Shares move by percentage points: 10% → 15% is "+5 pts", not "+50%". Lower is better for every share shown. */
function points(now: number | null, before: number | null): Change | null {
  if (now === null || before === null) return null;
  const pts = Math.round((now - before) * 1000) / 10;
  if (pts === 0) return { text: 'no change', tone: 'same' };
  return { text: `${sign(pts)}${formatTenths(Math.abs(pts))} pts`, tone: pts < 0 ? 'better' : 'worse' };
}

/** Each key metric of `now` against the same metric of the period of the same length just before (`before`). */
export function doraChanges(now: Dora, before: Dora): Record<ChangedMetric, Change | null> {
  return {
    deploymentFrequency: relative(now.deploymentFrequency.perDay, before.deploymentFrequency.perDay, 'up'),
    changeLeadTime: relative(now.changeLeadTime.medianHours, before.changeLeadTime.medianHours, 'down'),
    changeFailRate: points(now.changeFailRate.value, before.changeFailRate.value),
    recoveryTime: relative(
      now.failedDeploymentRecoveryTime.medianHours,
      before.failedDeploymentRecoveryTime.medianHours,
      'down',
    ),
    reworkRate: points(now.reworkRate.value, before.reworkRate.value),
    incidentRecoveryTime: relative(
      now.incidentRecoveryTime.medianHours,
      before.incidentRecoveryTime.medianHours,
      'down',
    ),
  };
}
