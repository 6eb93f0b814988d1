import type { Demo } from '../../../api/demo-types.js';
import { safeUrl } from '../../../lib/refs.js';

/** The recording and slides, as links only when they are http(s). */
export function DemoLinks({ demo }: { demo: Demo }) {
  const recording = safeUrl(demo.recording);
  const slides = safeUrl(demo.slides);
  if (!recording && !slides) return <span className="muted">no recording or slides</span>;
  return (
    <span className="row row-tight">
      {recording ? (
        <a href={recording} target="_blank" rel="noreferrer noopener">
          Recording
        </a>
      ) : null}
      {slides ? (
        <a href={slides} target="_blank" rel="noreferrer noopener">
          Slides
        </a>
      ) : null}
    </span>
  );
}

/** The attending teams, with how many people each named. */
export function attendanceText(demo: Demo): string {
  if (demo.attendance.length === 0) return 'no attendance recorded';
  return demo.attendance.map((a) => (a.people.length > 0 ? `${a.team} (${a.people.length})` : a.team)).join(', ');
}

/** A person as stored: a catalog user ref shows as the user's name. */
export const personName = (person: string) =>
  person.startsWith('user:') ? person.slice(person.indexOf('/') + 1) : person;
