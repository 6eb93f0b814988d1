// Generated feedback for the suggestion benchmark: the hand-written evaluation set's items as seeds, varied the way
// people vary (synonyms, typos, greetings, their own service names, numbers, body or not), from 2,000 teams.
import { CONCEPTS } from '../src/modules/voice/problems/suggest/lexicon.js';
import type { SuggestItem } from '../src/modules/voice/problems/suggest/types.js';
import { createRandom, type Random } from '../src/shared/random.js';
import { loadParaphrasedFeedback } from '../test/fixtures/voice/paraphrased-feedback.js';

const OPENERS = ['', '', '', 'hi team, ', 'Hey platform folks - ', 'urgent: ', 'FYI ', 'again: ', 'Q: ', '[prod] '];
const CLOSERS = [
  '',
  '',
  '',
  ' thanks!',
  ' any ideas?',
  ' (again)',
  ' pls help',
  ' this is blocking us',
  ' since monday',
];
const EXTRA = [
  'This has been going on for weeks.',
  'Happy to pair on it.',
  'Our on-call noticed it first.',
  'We mentioned it in the last survey too.',
  'Not sure if this is the right channel.',
  'It affects the whole squad.',
  'Screenshots in the thread.',
  'Same as last quarter.',
];
const SERVICE_PARTS = ['orders', 'cart', 'auth', 'ledger', 'search', 'feed', 'media', 'quote', 'users', 'rates'];

/** Other ways to write a concept's words, from the lexicon, so generated text is paraphrased, not copied. */
const SYNONYMS = new Map<string, string[]>();
for (const c of CONCEPTS)
  for (const p of c.phrases)
    if (!p.includes(' '))
      SYNONYMS.set(
        p,
        c.phrases.filter((q) => q !== p),
      );

function typo(word: string, random: Random): string {
  if (word.length < 4) return word;
  const i = random.int(1, word.length - 2);
  return word.slice(0, i) + (word[i + 1] as string) + (word[i] as string) + word.slice(i + 2);
}

function vary(text: string, random: Random): string {
  return text.replace(/[A-Za-z]+|\d+/g, (word) => {
    if (/^\d+$/.test(word)) return String(Math.max(1, Number(word) + random.int(-5, 15)));
    const synonyms = SYNONYMS.get(word.toLowerCase());
    if (synonyms && synonyms.length > 0 && random.chance(0.35)) return random.pick(synonyms);
    return random.chance(0.03) ? typo(word, random) : word;
  });
}

export function generateFeedback(count: number, teams: number, seed: number, firstId = 1): SuggestItem[] {
  const random = createRandom(seed, `voice-suggest-${firstId}`);
  const seeds = loadParaphrasedFeedback().items;
  const teamNames = Array.from({ length: teams }, (_, i) => `team-${String(i + 1).padStart(4, '0')}`);
  const items: SuggestItem[] = [];
  for (let i = 0; i < count; i++) {
    const s = random.pick(seeds);
    const service = `${random.pick(SERVICE_PARTS)}-${random.pick(SERVICE_PARTS)}-${random.int(1, 400)}`;
    const title = `${random.pick(OPENERS)}${vary(s.title, random)}${random.pick(CLOSERS)}`;
    const parts = [s.body && random.chance(0.7) ? vary(s.body, random) : '', random.chance(0.4) ? `(${service})` : ''];
    if (random.chance(0.3)) parts.push(random.pick(EXTRA));
    const body = parts.filter((p) => p !== '').join(' ');
    items.push({
      kind: s.kind,
      id: firstId + i,
      team: random.chance(0.02) ? null : (teamNames[random.int(0, teams - 1)] as string),
      title,
      body: body === '' ? null : body,
    });
  }
  return items;
}
