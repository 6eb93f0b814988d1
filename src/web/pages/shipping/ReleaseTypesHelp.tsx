import { RELEASE_TYPE_INFO, RELEASE_TYPE_LIST } from '../../lib/release-kinds.js';
import { ReleaseTypeBadge } from './ReleaseParts.js';

/** What each release type means for the teams reading the changelog. */
export function ReleaseTypesHelp() {
  return (
    <details className="card release-types-help">
      <summary>What the release types mean</summary>
      <dl>
        {RELEASE_TYPE_LIST.map((t) => (
          <div key={t}>
            <dt>
              <ReleaseTypeBadge type={t} />
            </dt>
            <dd>{RELEASE_TYPE_INFO[t].meaning}.</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        Breaking changes and deprecations name a deadline: after it the old way may stop working. Each release lists the
        feature requests, bugs and roadmap items it closes; the people who asked for them are told.
      </p>
    </details>
  );
}
