// Splits feedback text into words, remembering where each was written so reasons can quote the author.

/** A word as written (start, end in the text) and its normal form: lower case, apostrophes dropped. */
export interface Word {
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    words.push({ norm: match[0].toLowerCase().replace(/['’]/g, ''), start, end: start + match[0].length });
  }
  return words;
}

/** English function words, with contractions as they read once the apostrophe is dropped. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'him his how i if in into is it its itself just me more most my no nor not of off on once only or other our ours ' +
    'out over own same she should so some such than that the their theirs them then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom why will with would you ' +
    'your yours yourself us also any anymore cant dont doesnt didnt isnt arent wasnt werent wont wouldnt couldnt ' +
    'shouldnt havent hasnt im ive id ill weve wed well youre youve theyre theyve thats whats theres lets via per etc ' +
    'eg ie one two lot lots much many even every everything something anything nothing nobody everyone somebody ' +
    'get gets got getting go goes going gone'
  ).split(' '),
);

/** Words made only of digits say nothing on their own ("45 min"), unless the lexicon knows them ("429"). */
export const isNumber = (norm: string): boolean => /^\p{N}+$/u.test(norm);
