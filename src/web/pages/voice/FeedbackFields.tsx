import type { FeedbackKind } from '../../api/voice-types.js';
import { Field } from '../../components/Field.js';
import { SEVERITY } from '../../lib/voice-kinds.js';
import { CapabilityInput, PlatformTeamInput } from './CatalogInputs.js';
import type { FeedbackDraft } from './feedback-form-model.js';

type Set = (field: keyof FeedbackDraft, value: string) => void;

function SeverityField({ value, set, error }: { value: string; set: Set; error: string | undefined }) {
  return (
    <Field
      id="fb-severity"
      label="Severity"
      required
      error={error}
      help="1 is the worst: work stops. 4: cosmetic, or now and then."
    >
      {(props) => (
        <select {...props} value={value} onChange={(e) => set('severity', e.target.value)}>
          <option value="">Choose…</option>
          {Object.entries(SEVERITY).map(([n, s]) => (
            <option key={n} value={n}>
              {s.label}: {s.help}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The fields only some kinds have: category, severity, hours lost, capability, platform team. */
export function FeedbackFields({
  kind,
  draft: d,
  set,
  problems,
}: {
  kind: FeedbackKind;
  draft: FeedbackDraft;
  set: Set;
  problems: Record<string, string>;
}) {
  const capabilityRequired = kind === 'bug';
  return (
    <div className="form-grid">
      {kind === 'pain' || kind === 'support' ? (
        <Field
          id="fb-category"
          label="Category"
          required={kind === 'support'}
          error={problems.category}
          help="One word or two that group alike items: access, ci, deploys, observability…"
        >
          {(props) => (
            <input {...props} value={d.category} maxLength={80} onChange={(e) => set('category', e.target.value)} />
          )}
        </Field>
      ) : null}
      {kind === 'pain' || kind === 'bug' ? (
        <SeverityField value={d.severity} set={set} error={problems.severity} />
      ) : null}
      {kind === 'pain' ? (
        <Field
          id="fb-hours"
          label="Hours lost per week"
          required
          error={problems.hoursLostPerWeek}
          help="Roughly, for the whole team: waiting, retrying, working around it."
        >
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="decimal"
              min={0}
              max={168}
              step="any"
              value={d.hours}
              onChange={(e) => set('hours', e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field
        id="fb-capability"
        label="Capability"
        required={capabilityRequired}
        error={problems.capability}
        help={capabilityRequired ? 'The platform capability the bug is in.' : 'Optional: the capability it is about.'}
      >
        {(props) => <CapabilityInput props={props} value={d.capability} onChange={(v) => set('capability', v)} />}
      </Field>
      {kind === 'support' ? (
        <Field
          id="fb-platform-team"
          label="Platform team"
          error={problems.platformTeam}
          help="Who to ask. Empty: the team owning the capability."
        >
          {(props) => (
            <PlatformTeamInput props={props} value={d.platformTeam} onChange={(v) => set('platformTeam', v)} />
          )}
        </Field>
      ) : null}
    </div>
  );
}
