import type { Dora, DoraLevel } from '../api/types.js';
import type { Tone } from '../components/Badge.js';
import { formatHours, formatNumber, formatPer, formatRate } from './format.js';
import { doraLevelRule, type LeveledMetric } from '../../shared/dora-levels.js';

export const LEVEL_TONE: Record<DoraLevel, Tone> = { elite: 'success', high: 'info', medium: 'warning', low: 'danger' };

/** The DORA cluster thresholds from DOMAIN.md, as a person reads them (the same ones the server levels with). */
export const LEVEL_RULES: Record<LeveledMetric, string> = {
  deploymentFrequency: doraLevelRule('deploymentFrequency'),
  changeLeadTime: doraLevelRule('changeLeadTime'),
  changeFailRate: doraLevelRule('changeFailRate'),
  recoveryTime: doraLevelRule('recoveryTime'),
};

/** Per day when there is at least one a day, else per week: "64 / day", "2.5 / day", "0.35 / week". */
export function formatFrequency(f: Dora['deploymentFrequency']): string {
  return f.perDay >= 1 ? `${formatPer(f.perDay)} / day` : `${formatPer(f.perWeek)} / week`;
}

/** The numbers in one sentence a VP can read aloud. */
export function doraReading(who: string, d: Dora): string {
  if (d.deployments === 0) return `${who}: no production deployment in this period.`;
  const times = d.deployments === 1 ? 'once' : `${formatNumber(d.deployments)} times`;
  const failed =
    d.changeFailRate.failed === 0
      ? 'none caused an incident'
      : `${formatRate(d.changeFailRate.value)} caused an incident`;
  const recovered =
    d.failedDeploymentRecoveryTime.medianHours === null
      ? ''
      : `, recovered from in a median ${formatHours(d.failedDeploymentRecoveryTime.medianHours)}`;
  return `${who} deployed to production ${times} (${formatFrequency(d.deploymentFrequency)}); ${failed}${recovered}.`;
}
