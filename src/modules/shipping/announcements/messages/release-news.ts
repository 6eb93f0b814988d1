import type { ReleaseType } from '../../releases/contract.js';

/** What an announcement says about a release, whatever the destination. */
export interface ReleaseNews {
  id: number;
  capability: string | null;
  capabilityTitle: string | null;
  version: string;
  type: ReleaseType;
  title: string | null;
  /** Markdown. */
  notes: string;
  releasedAt: Date;
  deadline: string | null;
  /** The release's page in Paved; null when PAVED_PUBLIC_URL is not set (no link is sent). */
  link: string | null;
}

export const TYPE_LABELS: Record<ReleaseType, string> = {
  feature: 'Feature',
  fix: 'Fix',
  breaking: 'Breaking change',
  deprecation: 'Deprecation',
  security: 'Security',
};

/** "CI templates 1.4.0": the capability's title (or name) and the version. */
export const releaseName = (news: ReleaseNews) =>
  `${news.capabilityTitle ?? news.capability ?? 'Unmapped release'} ${news.version}`;

/** The release page of `id` under Paved's public URL. */
export const releaseLink = (publicUrl: string | null, id: number) =>
  publicUrl ? `${publicUrl.replace(/\/+$/, '')}/shipping/releases/${id}` : null;

/**
 * The start of the notes, at most `max` characters: whole paragraphs while they fit, else the first paragraph cut
 * at a word, with "…" when something was left out.
 */
export function notesExcerpt(notes: string, max: number): string {
  const paragraphs = notes
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  let out = '';
  for (const paragraph of paragraphs) {
    const next = out ? `${out}\n\n${paragraph}` : paragraph;
    if (next.length > max) {
      if (out) return `${out}\n\n…`;
      const cut = paragraph.slice(0, max - 1);
      const space = cut.lastIndexOf(' ');
      return `${space >= max / 2 ? cut.slice(0, space) : cut}…`;
    }
    out = next;
  }
  return out;
}
