/** The impact scale RICE takes: minimal, low, medium, high, massive. */
export const IMPACTS = [0.25, 0.5, 1, 2, 3] as const;

export type RiceField = 'impact' | 'confidence' | 'effort';

/** What the platform team sets: impact on the scale above, confidence 0-100 (%), effort in person-weeks (> 0). */
export interface RiceInputs {
  impact: number | null;
  confidence: number | null;
  effort: number | null;
}

export interface Rice {
  /** Rounded to 2 decimals; null while a field is missing. */
  rice: number | null;
  /** The computation written out, or what is missing. */
  arithmetic: string;
  missing: RiceField[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * RICE = reach × impact × confidence / effort, confidence read as a fraction of 100 % (80 → 0.8): reach 4 ×
 * impact 2 × 80 % / 2 person-weeks = 3.2.
 */
export function riceOf(reach: number, inputs: RiceInputs): Rice {
  const missing = (['impact', 'confidence', 'effort'] as const).filter((field) => inputs[field] === null);
  const { impact, confidence, effort } = inputs;
  if (impact === null || confidence === null || effort === null)
    return { rice: null, arithmetic: `reach ${reach}; ${listOf(missing)} not set`, missing };
  const rice = round2((reach * impact * confidence) / 100 / effort);
  const weeks = effort === 1 ? 'person-week' : 'person-weeks';
  return {
    rice,
    arithmetic: `reach ${reach} × impact ${impact} × ${confidence} % / ${effort} ${weeks} = ${rice}`,
    missing: [],
  };
}

const listOf = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

export interface Ranked {
  kind: string;
  id: number;
  reach: number;
  rice: number | null;
}

/**
 * The backlog's order: RICE high to low, then reach high to low, then problems before requests, then id; rows
 * without RICE after all rows with it, in the same order otherwise.
 */
export function byRice(a: Ranked, b: Ranked): number {
  if ((a.rice === null) !== (b.rice === null)) return a.rice === null ? 1 : -1;
  if (a.rice !== null && b.rice !== null && a.rice !== b.rice) return b.rice - a.rice;
  if (a.reach !== b.reach) return b.reach - a.reach;
  if (a.kind !== b.kind) return a.kind === 'problem' ? -1 : 1;
  return a.id - b.id;
}
