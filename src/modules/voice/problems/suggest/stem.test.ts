import { describe, expect, it } from 'vitest';
import { porterStem } from './stem.js';

describe('porterStem', () => {
  it('gives the stems of the examples in Porter (1980), step by step', () => {
    const examples: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      cats: 'cat',
      feed: 'feed',
      agreed: 'agre',
      plastered: 'plaster',
      motoring: 'motor',
      sing: 'sing',
      conflated: 'conflat',
      hopping: 'hop',
      falling: 'fall',
      filing: 'file',
      happy: 'happi',
      relational: 'relat',
      conditional: 'condit',
      digitizer: 'digit',
      vietnamization: 'vietnam',
      hopefulness: 'hope',
      sensibiliti: 'sensibl',
      triplicate: 'triplic',
      electrical: 'electr',
      goodness: 'good',
      allowance: 'allow',
      replacement: 'replac',
      adoption: 'adopt',
      effective: 'effect',
      probate: 'probat',
      controll: 'control',
      generalizations: 'gener',
    };
    for (const [word, stem] of Object.entries(examples)) expect(porterStem(word), word).toBe(stem);
  });

  it('brings the forms developers write to one stem', () => {
    expect(new Set(['build', 'builds', 'building'].map(porterStem))).toEqual(new Set(['build']));
    expect(new Set(['deploy', 'deploys', 'deploying', 'deployed'].map(porterStem))).toEqual(new Set(['deploi']));
    expect(porterStem('k8s')).toBe('k8s');
  });
});
