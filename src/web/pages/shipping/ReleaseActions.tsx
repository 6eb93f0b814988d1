import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Release } from '../../api/release-types.js';
import { useCapability } from '../../hooks/queries/use-capability.js';
import { useAdministers, useIsOrgAdmin } from '../../hooks/queries/use-me.js';
import { useDeleteRelease } from '../../hooks/queries/use-write-release.js';

/** Whether the caller may change the release: its capability's platform team, or an organisation admin. */
function useMayChange(release: Release): boolean {
  const orgAdmin = useIsOrgAdmin();
  const capability = useCapability(release.capability ?? '', 'default', release.capability !== null);
  const owner = useAdministers(capability.data?.capability.ownerRef);
  return orgAdmin || (release.capability !== null && owner);
}

/** Edit and delete, for those who may; deleting asks once more on the page. */
export function ReleaseActions({ release }: { release: Release }) {
  const may = useMayChange(release);
  const remove = useDeleteRelease();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  if (!may) return null;
  if (confirming)
    return (
      <div className="row" role="group" aria-label="Confirm deletion">
        <span>Delete this release and its notes?</span>
        <button
          type="button"
          className="button button-danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(release.id, { onSuccess: () => void navigate('/shipping') })}
        >
          {remove.isPending ? 'Deleting…' : 'Yes, delete'}
        </button>
        <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
          Cancel
        </button>
        {remove.error ? (
          <p className="field-error" role="alert">
            {remove.error.message}
          </p>
        ) : null}
      </div>
    );
  return (
    <>
      <Link className="button button-primary" to={`/shipping/releases/${release.id}/edit`}>
        Edit
      </Link>
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Delete
      </button>
    </>
  );
}
