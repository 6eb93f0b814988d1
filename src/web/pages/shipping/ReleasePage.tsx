import { Link, useParams } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRecordReleaseView } from '../../hooks/queries/use-record-release-view.js';
import { useRelease } from '../../hooks/queries/use-release.js';
import { formatDate, formatDateTime, plural } from '../../lib/format.js';
import { safeUrl } from '../../lib/refs.js';
import { RELEASE_TYPE_INFO, takesAway } from '../../lib/release-kinds.js';
import { DetectRules } from '../capabilities/DetectRules.js';
import { MarkdownText } from '../voice/MarkdownText.js';
import { ReleaseActions } from './ReleaseActions.js';
import { DeadlineNote, ReleaseCloses, releaseName, ReleaseTypeBadge } from './ReleaseParts.js';

const SOURCE = { paved: 'Paved', cli: 'paved release (CLI)', github: 'GitHub release', gitlab: 'GitLab release' };

/** One release: its notes, what it closes, its deadline. Opening it counts as reading its notes. */
export function ReleasePage() {
  const param = useParams().id ?? '';
  const id = Number(param);
  const query = useRelease(id);
  useRecordReleaseView(query.data ? id : 0);
  const back = { to: '/shipping', label: 'Changelog' };
  if (query.isPending && id > 0) return <Loading label="Loading the release" count={4} />;
  if (query.error || !query.data)
    return (
      <div className="page">
        <PageHeader title={`Release ${param}`} back={back} />
        <ErrorState
          error={query.error ?? new Error(`"${param}" is not a release number`)}
          retry={() => void query.refetch()}
          what="the release"
        />
      </div>
    );
  const r = query.data;
  const url = safeUrl(r.url);
  return (
    <div className="page">
      <PageHeader
        back={back}
        title={releaseName(r)}
        badges={<ReleaseTypeBadge type={r.type} />}
        subtitle={r.title}
        actions={<ReleaseActions release={r} />}
      />
      <DeadlineNote release={r} />
      <div className="detail-grid">
        <div className="stack">
          <Card title="Release notes">
            {r.notes.trim() ? (
              <MarkdownText text={r.notes} label="Release notes" />
            ) : (
              <p className="muted">No notes were written for this release.</p>
            )}
          </Card>
          {r.closes.length > 0 ? (
            <Card title="What it closes">
              <ReleaseCloses closes={r.closes} labelled={false} />
            </Card>
          ) : null}
          {takesAway(r.type) ? (
            <Card title="How the old usage is found">
              {r.rules ? (
                <DetectRules rules={r.rules} />
              ) : (
                <p className="muted">With the capability’s own detect rules.</p>
              )}
            </Card>
          ) : null}
        </div>
        <Card title="Details" className="sidebar">
          <DetailList
            items={[
              [
                'Capability',
                r.capability ? (
                  <Link key="c" to={`/capabilities/${encodeURIComponent(r.capability)}`}>
                    {r.capabilityTitle ?? r.capability}
                  </Link>
                ) : (
                  'None: its repository names no capability'
                ),
              ],
              ['Version', <code key="v">{r.version}</code>],
              ['Type', `${RELEASE_TYPE_INFO[r.type].label}: ${RELEASE_TYPE_INFO[r.type].meaning}`],
              ['Released', formatDate(r.date)],
              ['Deadline', takesAway(r.type) ? formatDate(r.deadline) : null],
              [
                'Notes read',
                <span key="n" data-testid="release-views">
                  {plural(r.views, 'time')}{' '}
                  <span className="muted small">(each person counted once a day they open this page)</span>
                </span>,
              ],
              ['Source', SOURCE[r.source]],
              [
                'Repository',
                url ? (
                  <a key="u" href={url} target="_blank" rel="noreferrer noopener">
                    {r.repository ?? url} ↗
                  </a>
                ) : (
                  r.repository
                ),
              ],
              ['Written by', r.createdBy],
              ['Updated', formatDateTime(r.updatedAt)],
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
