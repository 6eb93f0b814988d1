import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../api/types.js';
import { formatDateTime } from '../../lib/format.js';
import { pathOfRef, shortRef } from '../../lib/refs.js';

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** The entity an entry concerns, linked to its page when it has one (a capability, team or service). */
function EntityCell({ entity }: { entity: AuditEntry['entity'] }) {
  const path = entity.ref ? pathOfRef(entity.ref) : null;
  const label = entity.ref ? shortRef(entity.ref) : entity.id ? `#${entity.id}` : null;
  return (
    <>
      <span className="muted small">{entity.kind}</span>{' '}
      {path && label ? <Link to={path}>{label}</Link> : label ? <span className="mono">{label}</span> : null}
    </>
  );
}

/** One entry; rows with changed fields expand to show each field before → after. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const fields = Object.entries(entry.changes ?? {});
  return (
    <>
      <tr data-audit={entry.id}>
        <td className="nowrap">{formatDateTime(entry.at)}</td>
        <td className="break">{entry.actor}</td>
        <td>{entry.channel}</td>
        <td>{entry.action}</td>
        <td className="break">
          <EntityCell entity={entry.entity} />
        </td>
        <td className="break">
          {entry.summary}
          {fields.length > 0 ? (
            <>
              {' '}
              <button
                type="button"
                className="button button-ghost button-small"
                aria-expanded={open}
                onClick={() => setOpen(!open)}
              >
                {open ? 'Hide changes' : `Show ${fields.length === 1 ? '1 change' : `${fields.length} changes`}`}
              </button>
            </>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="audit-changes">
          <td colSpan={6}>
            <table className="table table-compact" aria-label={`Changes of entry ${entry.id}`}>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {fields.map(([field, change]) => (
                  <tr key={field} data-field={field}>
                    <td className="mono">{field}</td>
                    <td className="mono break" data-cell="before">
                      {show(change.before)}
                    </td>
                    <td className="mono break" data-cell="after">
                      → {show(change.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </td>
        </tr>
      ) : null}
    </>
  );
}
