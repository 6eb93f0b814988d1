import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Release } from '../../api/release-types.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRelease } from '../../hooks/queries/use-release.js';
import { useChangeRelease, useCreateRelease } from '../../hooks/queries/use-write-release.js';
import { emptyReleaseDraft, releaseChange, releaseDraft, releaseInput } from './release-form-model.js';
import { ReleaseForm } from './ReleaseForm.js';
import { releaseName, releasePath } from './ReleaseParts.js';

/** /shipping/releases/new (?capability= fills it in): write a release. */
export function NewReleasePage() {
  const capability = useSearchParams()[0].get('capability') ?? '';
  const create = useCreateRelease();
  const navigate = useNavigate();
  const back = capability
    ? { to: `/capabilities/${encodeURIComponent(capability)}`, label: capability }
    : { to: '/shipping', label: 'Changelog' };
  return (
    <div className="page">
      <PageHeader
        title="New release"
        back={back}
        subtitle="Published at once: on the changelog, in the feeds, to subscribers."
      />
      <ReleaseForm
        initial={emptyReleaseDraft(capability)}
        error={create.error}
        saving={create.isPending}
        submitLabel="Publish the release"
        onSubmit={(d) => create.mutate(releaseInput(d), { onSuccess: (r) => void navigate(releasePath(r.id)) })}
        onCancel={() => void navigate(back.to)}
      />
    </div>
  );
}

function EditForm({ release }: { release: Release }) {
  const change = useChangeRelease();
  const navigate = useNavigate();
  const done = () => void navigate(releasePath(release.id));
  return (
    <ReleaseForm
      initial={releaseDraft(release)}
      before={release}
      error={change.error}
      saving={change.isPending}
      submitLabel="Save the release"
      onSubmit={(d) => {
        const patch = releaseChange(d, release);
        if (Object.keys(patch).length === 0) done();
        else change.mutate({ id: release.id, change: patch }, { onSuccess: done });
      }}
      onCancel={done}
    />
  );
}

/** /shipping/releases/:id/edit. */
export function EditReleasePage() {
  const param = useParams().id ?? '';
  const query = useRelease(Number(param));
  const back = { to: releasePath(Number(param)), label: 'The release' };
  return (
    <div className="page">
      <PageHeader title={query.data ? `Edit ${releaseName(query.data)}` : 'Edit release'} back={back} />
      {query.isPending ? (
        <Loading count={5} label="Loading the release" />
      ) : query.error ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="the release" />
      ) : (
        <EditForm release={query.data} />
      )}
    </div>
  );
}
