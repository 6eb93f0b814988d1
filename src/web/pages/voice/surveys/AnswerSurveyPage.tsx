import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.js';
import type { SurveyQuestions } from '../../../api/survey-types.js';
import { Loading } from '../../../components/Loading.js';
import { useAnswerSurvey } from '../../../hooks/queries/use-answer-survey.js';
import { useSurveyQuestions } from '../../../hooks/queries/use-survey-questions.js';
import { formatDate } from '../../../lib/format.js';
import { ScoreScale } from './ScoreScale.js';

function Shell({ children }: { children: ReactNode }) {
  return (
    <main className="sign-in survey-public">
      <div className="sign-in-card survey-card">
        <div className="brand">Paved</div>
        {children}
      </div>
    </main>
  );
}

/** Unknown, closed and expired links get a page that says so, never an error trace. */
function LinkProblem({ error, retry }: { error: unknown; retry: () => void }) {
  if (error instanceof ApiError && error.status === 404)
    return (
      <div role="alert" data-testid="survey-unknown">
        <h1>This survey link is not known</h1>
        <p>Check that the whole link was copied from your message. If it still does not work, ask for a new one.</p>
      </div>
    );
  if (error instanceof ApiError && error.status === 410)
    return (
      <div role="alert" data-testid="survey-closed">
        <h1>This survey is closed</h1>
        <p>
          {error.message.charAt(0).toUpperCase() + error.message.slice(1)}. Thank you for your interest: the next survey
          will reach you the same way.
        </p>
      </div>
    );
  return (
    <div role="alert">
      <h1>The survey could not be loaded</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

function SurveyForm({ token, questions, onDone }: { token: string; questions: SurveyQuestions; onDone: () => void }) {
  const answer = useAnswerSurvey();
  const [nps, setNps] = useState<number | null>(questions.answer?.nps ?? null);
  const [csat, setCsat] = useState<Record<string, number>>(questions.answer?.csat ?? {});
  const [comment, setComment] = useState(questions.answer?.comment ?? '');
  const [touched, setTouched] = useState(false);
  const problems = answer.error instanceof ApiError ? answer.error.fieldProblems() : {};
  const npsMissing = touched && nps === null ? 'Choose a score from 0 to 10.' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (nps === null) return;
    answer.mutate({ token, nps, csat, ...(comment.trim() ? { comment } : {}) }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Survey">
      <h1>{questions.title}</h1>
      <p className="muted">
        Your answer is read with everyone else’s: comments are shown without your name or team.
        {questions.closesAt ? ` Open until ${formatDate(questions.closesAt)}.` : ''}
      </p>
      {questions.answered ? (
        <p className="alert" role="status">
          You answered already; sending again replaces your answer.
        </p>
      ) : null}
      <ScoreScale
        name="nps"
        question={questions.nps.question}
        from={0}
        to={10}
        low="Not at all likely"
        high="Extremely likely"
        value={nps}
        onChange={setNps}
        error={npsMissing ?? problems.nps}
      />
      {questions.csat.map((q) => (
        <ScoreScale
          key={q.capability}
          name={`csat-${q.capability}`}
          question={q.question}
          hint="Leave it blank if you do not use it."
          from={1}
          to={5}
          low="Very dissatisfied"
          high="Very satisfied"
          value={csat[q.capability] ?? null}
          onChange={(score) => setCsat((was) => ({ ...was, [q.capability]: score }))}
          error={problems[`csat.${q.capability}`]}
        />
      ))}
      <div className="field">
        <label htmlFor="survey-comment">Anything else? (optional)</label>
        <textarea
          id="survey-comment"
          rows={4}
          maxLength={5000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={Boolean(problems.comment)}
        />
        {problems.comment ? <p className="field-error">{problems.comment}</p> : null}
      </div>
      {answer.error && Object.keys(problems).length === 0 ? (
        <p className="alert alert-danger" role="alert">
          {answer.error.message}
        </p>
      ) : null}
      <button type="submit" className="button button-primary button-block" disabled={answer.isPending}>
        {answer.isPending ? 'Sending…' : questions.answered ? 'Replace my answer' : 'Send my answer'}
      </button>
    </form>
  );
}

/** The page a personal survey link opens, without signing in: the token in the address is the credential. */
export function AnswerSurveyPage() {
  const { token = '' } = useParams();
  const questions = useSurveyQuestions(token);
  const [done, setDone] = useState(false);
  useEffect(() => {
    document.title = 'Survey · Paved';
  }, []);

  if (done)
    return (
      <Shell>
        <div role="status" data-testid="survey-thanks">
          <h1>Thank you</h1>
          <p>Your answer is stored. You can change it with the same link until the survey closes.</p>
          <button type="button" className="button" onClick={() => setDone(false)}>
            Change my answer
          </button>
        </div>
      </Shell>
    );
  return (
    <Shell>
      {questions.isPending ? (
        <Loading label="Loading the survey" />
      ) : questions.error ? (
        <LinkProblem error={questions.error} retry={() => void questions.refetch()} />
      ) : (
        <SurveyForm
          key={questions.dataUpdatedAt}
          token={token}
          questions={questions.data}
          onDone={() => setDone(true)}
        />
      )}
    </Shell>
  );
}
