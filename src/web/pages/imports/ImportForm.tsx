import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { Segmented } from '../../components/Segmented.js';
import { useStartImport, type ImportStarted } from '../../hooks/queries/use-start-import.js';
import { plural } from '../../lib/format.js';
import { defaultSource, isUploadable, uploadPath } from './import-files.js';

type Mode = 'files' | 'url';

/** Starts an import: descriptor files, a folder or a .tar.gz or .zip of one (imported at once), or a running Backstage (a job). */
export function ImportForm({ onStarted }: { onStarted: (started: ImportStarted) => void }) {
  const start = useStartImport();
  const [mode, setMode] = useState<Mode>('files');
  const [files, setFiles] = useState<File[]>([]);
  const [leftOut, setLeftOut] = useState(0);
  const [source, setSource] = useState('');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [problem, setProblem] = useState<Record<string, string>>({});

  const choose = (list: FileList | null) => {
    const all = Array.from(list ?? []);
    const kept = all.filter(isUploadable);
    setFiles(kept);
    setLeftOut(all.length - kept.length);
    setSource(defaultSource(kept));
    setProblem({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'files' && files.length === 0)
      return setProblem({ file: 'choose at least one descriptor file, a folder, or a .tar.gz or .zip archive' });
    if (mode === 'url' && !url.trim()) return setProblem({ url: 'enter the address of your Backstage' });
    setProblem({});
    start.mutate(
      mode === 'files'
        ? { kind: 'files', files: files.map((f) => ({ path: uploadPath(f), file: f })), source, skipInvalid }
        : { kind: 'url', url: url.trim(), token, skipInvalid },
      {
        onSuccess: (started) => {
          setToken(''); // used once: not kept in the page
          onStarted(started);
        },
        onError: (error) => setProblem(error instanceof ApiError ? error.fieldProblems() : {}),
      },
    );
  };
  const serverError = start.error && Object.keys(problem).length === 0 ? start.error.message : null;

  return (
    <form className="card form import-form" aria-label="Start an import" onSubmit={submit} noValidate>
      <div className="row import-mode">
        <h2>Import a catalog</h2>
        <Segmented<Mode>
          label="Import from"
          value={mode}
          onChange={(m) => {
            setMode(m);
            setProblem({});
          }}
          options={[
            { value: 'files', label: 'Files or folder' },
            { value: 'url', label: 'Backstage URL' },
          ]}
        />
      </div>
      {mode === 'files' ? (
        <>
          <div className="form-grid">
            <Field
              id="import-files"
              label="Descriptor files"
              help="catalog-info.yaml and other .yaml files, or a .tar.gz or .zip of a catalog folder"
              error={problem.file}
            >
              {(props) => (
                <input
                  {...props}
                  type="file"
                  multiple
                  accept=".yaml,.yml,.tar.gz,.tgz,.zip"
                  onChange={(e) => choose(e.target.files)}
                />
              )}
            </Field>
            <Field
              id="import-folder"
              label="Or a folder"
              help="Its .yaml files, with their paths, so Locations resolve"
            >
              {(props) => (
                <input
                  {...props}
                  type="file"
                  {...{ webkitdirectory: '', directory: '' }}
                  onChange={(e) => choose(e.target.files)}
                />
              )}
            </Field>
          </div>
          {files.length > 0 ? (
            <p className="muted small" data-testid="chosen-files">
              {plural(files.length, 'file')} chosen
              {leftOut > 0 ? ` (${plural(leftOut, 'other file')} left out)` : ''}:{' '}
              {files
                .slice(0, 5)
                .map((f) => uploadPath(f))
                .join(', ')}
              {files.length > 5 ? ', …' : ''}
            </p>
          ) : null}
          <Field
            id="import-source"
            label="Source"
            help="Entities imported before under this source and missing from these files are marked orphaned."
            error={problem.source}
          >
            {(props) => (
              <input {...props} value={source} placeholder="upload" onChange={(e) => setSource(e.target.value)} />
            )}
          </Field>
        </>
      ) : (
        <div className="form-grid">
          <Field id="import-url" label="Backstage URL" required error={problem.url}>
            {(props) => (
              <input
                {...props}
                type="url"
                placeholder="https://backstage.example.com"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
              />
            )}
          </Field>
          <Field
            id="import-token"
            label="Token (optional)"
            help="Used for this run only and never stored; without it, PAVED_BACKSTAGE_TOKEN if set."
            error={problem.token}
          >
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <label className="choice">
        <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> Import the
        valid documents and skip the invalid ones (otherwise any invalid document stops the whole import)
      </label>
      {serverError ? (
        <p className="alert alert-danger" role="alert">
          {serverError}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={start.isPending}>
          {start.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
