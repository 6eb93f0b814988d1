import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { SurveyResults } from '../../api/survey-types.js';
import { Chart } from '../../components/Chart.js';
import { DefinitionLink } from '../../components/DefinitionLink.js';
import { surveyKeys } from '../../hooks/queries/survey-keys.js';
import { useSurveys } from '../../hooks/queries/use-surveys.js';
import { DEFINITION } from '../../lib/definitions.js';
import { formatDate } from '../../lib/format.js';
import { formatNps, formatPercent, formatRate } from '../voice/surveys/format.js';

/** The capability's CSAT and the platform's NPS in every wave that asked about it, oldest first. */
export function CapabilitySurveys({ name }: { name: string }) {
  const surveys = useSurveys();
  const waves = (surveys.data?.items ?? [])
    .filter((w) => w.capabilities.some((c) => c.name === name))
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  const results = useQueries({
    queries: waves.map((w) => ({
      queryKey: surveyKeys.results(w.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<SurveyResults>(`/surveys/${w.id}/results`, { signal }),
    })),
  });
  const rows = waves.map((w, i) => {
    const r = results[i]?.data;
    return { wave: w, results: r, csat: r?.csat.find((c) => c.capability === name) };
  });
  const chartData = rows
    .filter((r) => r.results)
    .map((r) => ({
      wave: r.wave.title,
      csat: r.csat && r.csat.answers > 0 ? r.csat.value : null,
      nps: r.results && r.results.nps.answers > 0 ? r.results.nps.value : null,
    }));

  return (
    <div data-testid="capability-surveys" className="voice-anchor">
      <h3 className="subheading">Satisfaction across survey waves</h3>
      {surveys.isPending ? (
        <p className="muted small">Loading…</p>
      ) : surveys.error ? (
        <p className="field-error">Could not load the surveys: {surveys.error.message}</p>
      ) : waves.length === 0 ? (
        <p className="muted">
          No survey wave has asked about this capability yet. <Link to="/voice/surveys">Surveys</Link>
        </p>
      ) : (
        <>
          {chartData.length > 1 ? (
            <Chart
              kind="bar"
              title={`CSAT of ${name} and platform NPS per wave`}
              x="wave"
              data={chartData}
              height={200}
              series={[
                { key: 'csat', label: 'CSAT (%)', color: '#0d9488' },
                { key: 'nps', label: 'NPS', color: '#4f46e5' },
              ]}
            />
          ) : null}
          <div className="table-wrap">
            <table className="table table-compact voice-table" aria-label="CSAT per wave">
              <thead>
                <tr>
                  <th scope="col">Wave</th>
                  <th scope="col">CSAT</th>
                  <th scope="col">Platform NPS</th>
                  <th scope="col">Response rate</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ wave, results: r, csat }) => (
                  <tr key={wave.id} data-wave={wave.id}>
                    <th scope="row">
                      <Link to={`/voice/surveys/${wave.id}`}>{wave.title}</Link>{' '}
                      <span className="muted small nowrap">{formatDate(wave.opensAt)}</span>
                    </th>
                    {!r ? (
                      <td colSpan={3} className="muted">
                        {results[rows.findIndex((x) => x.wave.id === wave.id)]?.error ? 'could not load' : 'loading…'}
                      </td>
                    ) : (
                      <>
                        <td data-cell="csat">
                          {csat && csat.answers > 0 ? (
                            <>
                              {formatPercent(csat.value)} <span className="muted small">({csat.answers} answers)</span>
                            </>
                          ) : (
                            <span className="muted">too few answers</span>
                          )}
                        </td>
                        <td data-cell="nps">
                          {r.nps.answers > 0 ? (
                            <>
                              {formatNps(r.nps.value)} <span className="muted small">({r.nps.answers} answers)</span>
                            </>
                          ) : (
                            <span className="muted">too few answers</span>
                          )}
                        </td>
                        <td data-cell="response-rate">
                          {formatRate(r.nps.responseRate)}{' '}
                          <span className="muted small">
                            ({r.wave.answered} of {r.wave.invited})
                          </span>
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small">
            <DefinitionLink anchor={DEFINITION.csat}>How CSAT is counted</DefinitionLink> ·{' '}
            <DefinitionLink anchor={DEFINITION.nps}>How NPS is counted</DefinitionLink>
          </p>
        </>
      )}
    </div>
  );
}
