import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import type { FeedbackKind } from '../../api/voice-types.js';
import { Field } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Segmented } from '../../components/Segmented.js';
import { useCreateFeedback } from '../../hooks/queries/use-create-feedback.js';
import { itemPath, KIND_INFO } from '../../lib/voice-kinds.js';
import { draftProblems, EMPTY_DRAFT, toInput, type FeedbackDraft } from './feedback-form-model.js';
import { FeedbackFields } from './FeedbackFields.js';
import { useMyTeams } from './my-teams.js';
import { SimilarItems } from './SimilarItems.js';

const KINDS: { value: FeedbackKind; label: string; intro: string }[] = [
  { value: 'pain', label: 'Pain', intro: 'Something that slows your team down or hurts.' },
  { value: 'request', label: 'Request', intro: 'Something you would like the platform to do. Others can vote for it.' },
  { value: 'bug', label: 'Bug', intro: 'Something in a capability that does not work as it should.' },
  { value: 'support', label: 'Support request', intro: 'A question or a task for a platform team.' },
];

const isKind = (v: string | null): v is FeedbackKind =>
  v === 'pain' || v === 'request' || v === 'bug' || v === 'support';

/** Give feedback: short forms for the four kinds, offering similar items while the title is typed. */
export function GiveFeedbackPage() {
  const [params, setParams] = useSearchParams();
  const kind: FeedbackKind = isKind(params.get('kind')) ? (params.get('kind') as FeedbackKind) : 'pain';
  const { teams } = useMyTeams();
  // A survey comment turned into a pain arrives with its text: `?kind=pain&title=…&body=…`.
  const [draft, setDraft] = useState<FeedbackDraft>(() => ({
    ...EMPTY_DRAFT,
    title: (params.get('title') ?? '').slice(0, 200),
    body: params.get('body') ?? '',
  }));
  const [touched, setTouched] = useState(false);
  const create = useCreateFeedback();
  const navigate = useNavigate();
  // The person's team by default; a choice when they are in several; typed when they are in none (an org admin).
  const team = draft.team || teams[0] || '';
  const teamRequired = kind !== 'bug';
  const local = touched ? draftProblems(kind, { ...draft, team }, teamRequired) : {};
  const server = create.error instanceof ApiError ? create.error.fieldProblems() : {};
  const problems = { ...server, ...local };
  const set = (field: keyof FeedbackDraft, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const full = { ...draft, team };
    if (Object.keys(draftProblems(kind, full, teamRequired)).length > 0) return;
    create.mutate(toInput(kind, full), { onSuccess: (item) => navigate(itemPath(item.kind, item.id)) });
  };

  const info = KINDS.find((k) => k.value === kind) ?? KINDS[0];
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Give feedback"
        subtitle="Tell the platform teams what hurts, what you need, what is broken or what you need help with."
      />
      <form className="card form" aria-label="Give feedback" onSubmit={submit} noValidate>
        <div className="stack feedback-kind">
          <Segmented
            label="Kind of feedback"
            value={kind}
            options={KINDS}
            onChange={(k) => {
              create.reset();
              setTouched(false);
              setParams({ kind: k }, { replace: true });
            }}
          />
          <p className="muted">{info?.intro}</p>
        </div>
        {teams.length === 1 ? (
          <p className="small">
            For your team <strong data-testid="feedback-team">{team}</strong>.
          </p>
        ) : (
          <Field
            id="fb-team"
            label="Team"
            required={teamRequired}
            error={problems.team}
            help={teams.length === 0 ? 'The customer team this comes from, by name.' : 'You are in several teams.'}
          >
            {(props) =>
              teams.length > 1 ? (
                <select {...props} value={team} onChange={(e) => set('team', e.target.value)}>
                  {teams.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...props} value={draft.team} onChange={(e) => set('team', e.target.value)} />
              )
            }
          </Field>
        )}
        <Field id="fb-title" label="Title" required error={problems.title} help="One line, in your own words.">
          {(props) => (
            <input
              {...props}
              value={draft.title}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <SimilarItems title={draft.title} />
        <Field
          id="fb-body"
          label="Details"
          error={problems.body}
          help="Optional. What happens, since when, what you tried. Markdown: **bold**, `code`, [links](https://…), - lists."
        >
          {(props) => <textarea {...props} rows={5} value={draft.body} onChange={(e) => set('body', e.target.value)} />}
        </Field>
        <FeedbackFields kind={kind} draft={draft} set={set} problems={problems} />
        {create.error && Object.keys(server).length === 0 ? (
          <p className="alert alert-danger" role="alert">
            {create.error.message}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Sending…' : `Send the ${KIND_INFO[kind].label}`}
          </button>
        </div>
      </form>
    </div>
  );
}
