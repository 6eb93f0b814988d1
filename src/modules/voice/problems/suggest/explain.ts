// Why a group was suggested: how similar its items are, and what they share, quoted in their authors' words.
import { stemPhrase } from './lexicon-match.js';
import type { ItemRecord } from './records.js';
import type { Vocabulary } from './vectors.js';

const MAX_REASONS = 5;
const MAX_SPELLINGS = 3;

interface Shared {
  sum: number;
  squares: number;
  items: number;
  readonly spellings: Map<string, number>;
}

const bySpelling = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

/**
 * Similarity: the average cosine over the group's pairs, from the sum of unit vectors ((|S|² − Σ|x|²) / n(n−1)).
 * Reasons: the features that add most to that sum of pairs (S_f² − Σ x_f²), present in two items or more.
 */
export function explainGroup(records: readonly ItemRecord[], vocabulary: Vocabulary) {
  const shared = new Map<number, Shared>();
  let dense: Float64Array | null = null;
  let ownSquares = 0;
  for (const r of records) {
    const v = r.vector;
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i] as number;
      const w = v.weights[i] as number;
      let s = shared.get(id);
      if (!s) shared.set(id, (s = { sum: 0, squares: 0, items: 0, spellings: new Map() }));
      s.sum += w;
      s.squares += w * w;
      s.items += 1;
      ownSquares += w * w;
      const spelling = (r.surfaces[i] as string).toLowerCase();
      s.spellings.set(spelling, (s.spellings.get(spelling) ?? 0) + 1);
    }
    if (v.dense) {
      dense ??= new Float64Array(v.dense.length);
      for (let k = 0; k < v.dense.length; k++) {
        dense[k] = (dense[k] as number) + (v.dense[k] as number);
        ownSquares += (v.dense[k] as number) ** 2;
      }
    }
  }
  let total = 0;
  for (const s of shared.values()) total += s.sum * s.sum;
  if (dense) for (const x of dense) total += x * x;
  const n = records.length;
  const similarity = n > 1 ? Math.min(1, Math.max(0, (total - ownSquares) / (n * (n - 1)))) : 1;

  const ranked = [...shared.entries()]
    // A combination of two concepts repeats what the two concepts' own reasons say.
    .filter(([id, s]) => s.items > 1 && !(vocabulary.keys[id] as string).startsWith('x:'))
    .map(([id, s]) => ({ key: vocabulary.keys[id] as string, s, gain: s.sum * s.sum - s.squares }))
    .sort((a, b) => b.gain - a.gain || (a.key < b.key ? -1 : 1));
  const reasons: string[] = [];
  for (const { key, s } of ranked) {
    if (reasons.length === MAX_REASONS) break;
    // "build" and "builds" are one spelling of the idea; the commoner stands for both.
    const byStem = new Map<string, string>();
    for (const [w] of [...s.spellings.entries()].sort(bySpelling))
      if (!byStem.has(stemPhrase(w))) byStem.set(stemPhrase(w), w);
    const spellings = [...byStem.values()];
    // A concept shows the different words that met in it; a word or pair its commonest spelling.
    const text = key.startsWith('c:') ? spellings.slice(0, MAX_SPELLINGS).join(' / ') : (spellings[0] as string);
    if (!reasons.includes(text)) reasons.push(text);
  }
  return { similarity, reasons };
}
