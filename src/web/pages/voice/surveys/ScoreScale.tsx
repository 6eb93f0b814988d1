/** One question's scale as radio buttons drawn as a row of boxes: 0-10 for NPS, 1-5 for CSAT. */
export function ScoreScale({
  name,
  question,
  from,
  to,
  low,
  high,
  value,
  onChange,
  error,
  hint,
}: {
  name: string;
  question: string;
  from: number;
  to: number;
  low: string;
  high: string;
  value: number | null;
  onChange: (value: number) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const scores = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const errorId = `${name}-error`;
  return (
    <fieldset className="score-scale" aria-describedby={error ? errorId : undefined}>
      <legend>{question}</legend>
      {hint ? <p className="field-help">{hint}</p> : null}
      <div className="score-options" role="radiogroup" aria-label={question}>
        {scores.map((score) => (
          <label key={score} className="score-option">
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
              aria-invalid={Boolean(error)}
            />
            <span>{score}</span>
          </label>
        ))}
      </div>
      <div className="score-ends muted" aria-hidden="true">
        <span>{low}</span>
        <span>{high}</span>
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
