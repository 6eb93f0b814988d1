import { Field } from '../../components/Field.js';
import { ECOSYSTEMS, emptyRule, problemFor, type RuleDraft } from './form-model.js';

/**
 * Edits the detect rules: each is a files glob (with an optional line pattern) or a package dependency. `problems`
 * are keyed `detect.0.files`; a form whose field has another name (a release's `rules`) renames its keys to these.
 */
export function DetectRulesEditor({
  rules,
  onChange,
  problems,
  legend = 'Detect rules',
  help = 'How adoption is seen in a repository. Any one rule matching is enough.',
}: {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  problems: Record<string, string>;
  legend?: string;
  help?: string;
}) {
  const update = (i: number, change: Partial<RuleDraft>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const listProblem = problems.detect;

  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <p className="field-help">{help}</p>
      {listProblem ? <p className="field-error">{listProblem}</p> : null}
      {rules.length === 0 ? <p className="muted small">No rules yet.</p> : null}
      {rules.map((rule, i) => {
        const rowProblem = problems[`detect.${i}`];
        return (
          <div key={i} className="rule-row" role="group" aria-label={`Rule ${i + 1}`}>
            <div className="rule-fields">
              <Field id={`rule-${i}-type`} label="Kind">
                {(p) => (
                  <select
                    {...p}
                    value={rule.type}
                    onChange={(e) => update(i, { type: e.target.value as RuleDraft['type'] })}
                  >
                    <option value="files">Files</option>
                    <option value="dependency">Dependency</option>
                  </select>
                )}
              </Field>
              {rule.type === 'files' ? (
                <>
                  <Field
                    id={`rule-${i}-files`}
                    label="Files glob"
                    required
                    error={problemFor(problems, `detect.${i}.files`)}
                    className="field-grow"
                  >
                    {(p) => (
                      <input
                        {...p}
                        className="mono"
                        placeholder=".github/workflows/*.yml"
                        value={rule.files}
                        onChange={(e) => update(i, { files: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    id={`rule-${i}-pattern`}
                    label="Line pattern (regex)"
                    error={problemFor(problems, `detect.${i}.pattern`)}
                    className="field-grow"
                  >
                    {(p) => (
                      <input
                        {...p}
                        className="mono"
                        placeholder="uses:\s*acme/golden-ci/"
                        value={rule.pattern}
                        onChange={(e) => update(i, { pattern: e.target.value })}
                      />
                    )}
                  </Field>
                </>
              ) : (
                <>
                  <Field id={`rule-${i}-ecosystem`} label="Ecosystem">
                    {(p) => (
                      <select
                        {...p}
                        value={rule.ecosystem}
                        onChange={(e) => update(i, { ecosystem: e.target.value as RuleDraft['ecosystem'] })}
                      >
                        {ECOSYSTEMS.map((eco) => (
                          <option key={eco} value={eco}>
                            {eco}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field
                    id={`rule-${i}-dependency`}
                    label="Package"
                    required
                    error={problemFor(problems, `detect.${i}.dependency`)}
                    className="field-grow"
                  >
                    {(p) => (
                      <input
                        {...p}
                        className="mono"
                        placeholder="@acme/telemetry"
                        value={rule.dependency}
                        onChange={(e) => update(i, { dependency: e.target.value })}
                      />
                    )}
                  </Field>
                </>
              )}
              <button
                type="button"
                className="button button-ghost rule-remove"
                onClick={() => onChange(rules.filter((_, j) => j !== i))}
                aria-label={`Remove rule ${i + 1}`}
              >
                Remove
              </button>
            </div>
            {rowProblem ? <p className="field-error">{rowProblem}</p> : null}
          </div>
        );
      })}
      <button type="button" className="button" onClick={() => onChange([...rules, emptyRule()])}>
        Add a rule
      </button>
    </fieldset>
  );
}
