import type { Random } from '../../shared/random.js';
import type { Text } from './theme-texts.js';

const TITLE_ENDINGS = ['', '', '', '', '', ' (again)', ' - any ideas?', ', this is blocking us', ' :('];
const EXTRA_LINES = [
  'This has been going on for weeks.',
  'Happy to pair on it.',
  'Our on-call noticed it first.',
  'We mentioned it in the last survey too.',
  'It affects the whole team.',
  'Same as last quarter.',
];

/**
 * One team's way of writing a text: people rarely copy each other word for word, so a title is sometimes
 * capitalised or (a complaint: `endings`) gets an ending, and a body names the team's own service or adds a line.
 */
export function wording(
  rng: Random,
  text: Text,
  service: string | null,
  endings = true,
): { title: string; body: string | null } {
  const [base, body] = text;
  const ending = endings ? rng.pick(TITLE_ENDINGS) : '';
  const title = `${rng.chance(0.3) ? base.charAt(0).toUpperCase() + base.slice(1) : base}${ending}`;
  const lines = body ? [body] : [];
  if (service && rng.chance(0.35)) lines.push(`Seen on ${service}.`);
  if (rng.chance(0.2)) lines.push(rng.pick(EXTRA_LINES));
  return { title: title.slice(0, 200), body: lines.length > 0 ? lines.join(' ') : null };
}
