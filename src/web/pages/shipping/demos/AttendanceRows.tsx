export interface Row {
  team: string;
  person: string;
}

/** Attendance typed in: a team per row, and optionally who came (a name or an email). */
export function AttendanceRows({
  rows,
  onChange,
  problems,
  teams,
}: {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  problems: Record<string, string>;
  teams: string[];
}) {
  const change = (i: number, key: keyof Row, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <fieldset className="fieldset">
      <legend>Attendance</legend>
      <p className="small muted">One row per person, or one per team when you do not know who came.</p>
      <datalist id="demo-team-options">
        {teams.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {rows.map((row, i) => {
        const error = problems[`attendance.${i}.team`] ?? problems[`attendance.${i}.person`];
        return (
          <div key={i} className="row" data-testid={`attendance-row-${i}`}>
            <input
              aria-label={`Team ${i + 1}`}
              list="demo-team-options"
              placeholder="team"
              value={row.team}
              aria-invalid={!!error}
              onChange={(e) => change(i, 'team', e.target.value)}
            />
            <input
              aria-label={`Person ${i + 1}`}
              placeholder="name or email (optional)"
              value={row.person}
              onChange={(e) => change(i, 'person', e.target.value)}
            />
            {rows.length > 1 ? (
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            ) : null}
            {error ? <span className="field-error">{error}</span> : null}
          </div>
        );
      })}
      <button
        type="button"
        className="button button-ghost"
        onClick={() => onChange([...rows, { team: '', person: '' }])}
      >
        Add a row
      </button>
    </fieldset>
  );
}
