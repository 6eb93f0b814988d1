import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import type { BacklogRow, RiceInputs } from '../../api/voice-types.js';
import { useSetRequestRice } from '../../hooks/queries/use-backlog.js';
import { useChangeProblem } from '../../hooks/queries/use-change-problem.js';
import { formatNumber } from '../../lib/format.js';
import { itemPath } from '../../lib/voice-kinds.js';
import { RiceEditor } from './RiceEditor.js';

const COLUMNS = 9;
const show = (n: number | null, suffix = '') =>
  n === null ? <span className="muted">—</span> : `${formatNumber(n)}${suffix}`;

/** One ranked row: where its reach comes from, its inputs, its RICE written out; the platform side edits inline. */
export function BacklogRowView({ row: r, rank, editable }: { row: BacklogRow; rank: number; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const setRequest = useSetRequestRice();
  const changeProblem = useChangeProblem();
  const pending = setRequest.isPending || changeProblem.isPending;
  const error = setRequest.error ?? changeProblem.error;
  const path = r.kind === 'problem' ? `/voice/problems/${r.id}` : itemPath('request', r.id);
  const save = (rice: RiceInputs) => {
    const done = { onSuccess: () => setEditing(false) };
    if (r.kind === 'problem') changeProblem.mutate({ id: r.id, patch: rice }, done);
    else setRequest.mutate({ id: r.id, rice }, done);
  };
  return (
    <Fragment>
      <tr data-testid={`backlog-${r.kind}-${r.id}`}>
        <td className="num">{rank}</td>
        <td className="break">
          <Link to={path}>{r.title}</Link>
          <span className="muted small"> · {r.kind}</span>
        </td>
        <td className="num">
          <Link to={r.kind === 'problem' ? `${path}#teams` : path} title="Distinct customer teams">
            {formatNumber(r.reach)}
          </Link>
        </td>
        <td className="num">{show(r.impact)}</td>
        <td className="num">{show(r.confidence, ' %')}</td>
        <td className="num">{show(r.effort)}</td>
        <td className="num">
          <strong>{r.rice === null ? <span className="muted">—</span> : formatNumber(r.rice)}</strong>
        </td>
        <td className="arithmetic" data-testid="backlog-arithmetic">
          {r.missing.length ? <span className="muted">{r.arithmetic}</span> : r.arithmetic}
        </td>
        <td>
          {editable && !editing ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditing(true)}
              aria-label={`Edit RICE of ${r.title}`}
            >
              {r.missing.length ? 'Set RICE' : 'Edit'}
            </button>
          ) : null}
        </td>
      </tr>
      {editing ? (
        <tr className="backlog-edit">
          <td colSpan={COLUMNS}>
            <RiceEditor
              compact
              idPrefix={`rice-${r.kind}-${r.id}`}
              initial={{ impact: r.impact, confidence: r.confidence, effort: r.effort }}
              pending={pending}
              error={error}
              onSave={save}
              onCancel={() => setEditing(false)}
            />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
