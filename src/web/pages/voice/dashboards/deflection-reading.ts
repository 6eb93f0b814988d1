import type { Deflection } from '../../../api/voice-dashboard-types.js';
import { formatDate, formatPer } from '../../../lib/format.js';

const perTeamMonth = (v: number) => `${formatPer(v)} a customer team a month`;

/** What a deflection row says, in plain words, with what it cannot say. */
export function deflectionReading(d: Deflection): string {
  const what = `“${d.category}” requests`;
  if (!d.gaDate) return `${d.capability} has no GA date, so ${what} cannot be compared before and after it.`;
  const ga = formatDate(d.gaDate);
  if (d.before === null || d.after === null)
    return `${d.capability}’s GA date is ${ga}; there is not yet a whole month after it to compare ${what} with.`;
  if (d.requestsBefore === 0)
    return `No ${what} came from customer teams in the 6 months before ${d.capability} went GA on ${ga}, so there is nothing to compare with.`;
  const so = d.afterMonths < 6 ? ` (${d.afterMonths} of the 6 months after have passed)` : '';
  const from = `from ${perTeamMonth(d.before)} to ${formatPer(d.after)}`;
  const ratio = d.ratio ?? d.after / d.before;
  const verdict =
    ratio < 1
      ? `fell ${from}: ${ratioWords(ratio)} as many`
      : ratio > 1
        ? `rose ${from}: ${ratioWords(ratio)} as many`
        : `stayed at ${perTeamMonth(d.before)}`;
  return `After ${d.capability} went GA on ${ga}, ${what} ${verdict}${so}.`;
}

/** 0.25 → "a quarter", 0.5 → "half", else "0.3 times". */
function ratioWords(ratio: number): string {
  const named: [number, string][] = [
    [0, 'none'],
    [0.25, 'a quarter'],
    [0.5, 'half'],
    [2, 'twice'],
  ];
  const hit = named.find(([v]) => Math.abs(v - ratio) < 0.005);
  return hit ? hit[1] : `${formatPer(ratio)} times`;
}
