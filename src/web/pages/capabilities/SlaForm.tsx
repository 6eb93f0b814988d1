import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import type { SlaBody, SlaPolicy } from '../../api/voice-dashboard-types.js';
import { useUpdateSla } from '../../hooks/queries/use-update-sla.js';
/** Severities 1 (the worst) to 4, as the API keys them. */
export const SEVERITIES = ['1', '2', '3', '4'] as const;
type Severity = (typeof SEVERITIES)[number];
type Draft = Record<Severity, { ack: string; fix: string }>;

const asText = (n: number | undefined) => (n === undefined ? '' : String(n));

/** Turns the draft into the API's body; a severity with both fields empty has no SLA. Local problems by field. */
function toBody(draft: Draft): { body: SlaBody; problems: Record<string, string> } {
  const severities: SlaBody['severities'] = {};
  const problems: Record<string, string> = {};
  for (const s of SEVERITIES) {
    const { ack, fix } = draft[s];
    if (!ack.trim() && !fix.trim()) continue;
    const [a, f] = [Number(ack), Number(fix)];
    if (!ack.trim() || !(a > 0)) problems[`severities.${s}.acknowledgeHours`] = 'must be more than 0 hours';
    if (!fix.trim() || !(f > 0)) problems[`severities.${s}.fixHours`] = 'must be more than 0 hours';
    severities[s] = { acknowledgeHours: a, fixHours: f };
  }
  return { body: { severities }, problems };
}

/** Edit the whole SLA policy (PUT): hours to acknowledge and to fix, per severity; empty rows have no SLA. */
export function SlaForm({ name, policy, onDone }: { name: string; policy: SlaPolicy; onDone: () => void }) {
  const update = useUpdateSla(name);
  const [draft, setDraft] = useState<Draft>(
    () =>
      Object.fromEntries(
        SEVERITIES.map((s) => [
          s,
          { ack: asText(policy.severities[s]?.acknowledgeHours), fix: asText(policy.severities[s]?.fixHours) },
        ]),
      ) as Draft,
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = update.error instanceof ApiError ? update.error.fieldProblems() : {};
  const problem = (field: string) => local[field] ?? server[field];
  const set = (s: Severity, key: 'ack' | 'fix', value: string) =>
    setDraft((was) => ({ ...was, [s]: { ...was[s], [key]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { body, problems } = toBody(draft);
    setLocal(problems);
    if (Object.keys(problems).length === 0) update.mutate(body, { onSuccess: onDone });
  };

  return (
    <form className="form voice-form voice-sla-form" onSubmit={submit} noValidate aria-label="SLA policy">
      <p className="muted small">Calendar hours, nights and weekends included. Leave a severity empty for no SLA.</p>
      {SEVERITIES.map((s) => {
        const ackField = `severities.${s}.acknowledgeHours`;
        const fixField = `severities.${s}.fixHours`;
        return (
          <fieldset key={s} className="fieldset fieldset-plain">
            <legend>Severity {s}</legend>
            <div className="form-grid">
              {(
                [
                  ['ack', ackField, 'Acknowledge within (hours)'],
                  ['fix', fixField, 'Fix within (hours)'],
                ] as const
              ).map(([key, field, label]) => (
                <div className="field" key={key}>
                  <label htmlFor={`sla-${s}-${key}`}>{label}</label>
                  <input
                    id={`sla-${s}-${key}`}
                    type="text"
                    inputMode="decimal"
                    value={draft[s][key]}
                    aria-invalid={Boolean(problem(field))}
                    aria-describedby={problem(field) ? `sla-${s}-${key}-error` : undefined}
                    onChange={(e) => set(s, key, e.target.value)}
                  />
                  {problem(field) ? (
                    <p id={`sla-${s}-${key}-error`} className="field-error">
                      {problem(field)}
                    </p>
                  ) : null}
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      {update.error && Object.keys(server).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {update.error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save the SLA'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
