'use client';

import { useState } from 'react';
import { finishQuizAttempt, startQuizAttempt, submitAnswer } from '@/actions/quizzes';
import { CitationViewer, type SourceRef, sourceOf } from '@/components/viewer/citation-viewer';
import type {
  EvidenceFieldsFragment,
  FinishQuizAttemptMutation,
  QuestionKind,
  RevealAnswers,
  SubmitAnswerMutation,
} from '@/gql/graphql';

interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
}

type Feedback = SubmitAnswerMutation['submitAnswer'];
type Finished = FinishQuizAttemptMutation['finishQuizAttempt'];

/** Said where the quiz holds back the correct answer (the API then sends null). */
const WITHHELD: Record<RevealAnswers, string | null> = {
  AFTER_EACH: null,
  AFTER_FINISH: 'The answers are shown when you finish.',
  NEVER: 'This quiz does not show its answers.',
};

/**
 * Solo attempt: one question at a time, graded by the server at once, with the evidence it rests on
 * when the quiz reveals it; then the score, and the answers the quiz reveals after the attempt.
 */
export function QuizRunner({
  quizId,
  title,
  questions,
  lastScore,
  revealAnswers,
  attemptsLeft: initialAttemptsLeft,
}: {
  quizId: string;
  title: string;
  questions: Question[];
  lastScore: number | null;
  revealAnswers: RevealAnswers;
  /** Null: unlimited (practice, or an editor). */
  attemptsLeft: number | null;
}) {
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [finished, setFinished] = useState<Finished | null>(null);
  const [attemptsLeft, setAttemptsLeft] = useState(initialAttemptsLeft);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [source, setSource] = useState<SourceRef | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    const result = await startQuizAttempt(quizId);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setAttemptId(result.data.id);
    setAttemptsLeft((left) => (left === null ? null : Math.max(0, left - 1)));
    setIndex(0);
    setFeedback(null);
    setChosen(null);
    setFinished(null);
  };
  const open = (evidence: EvidenceFieldsFragment | null | undefined) => {
    const ref = evidence ? sourceOf(evidence) : null;
    if (ref) setSource(ref);
  };
  const attemptsNote =
    attemptsLeft === null
      ? ''
      : attemptsLeft === 0
        ? ' You have no attempts left.'
        : ` ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left.`;

  const answer = async (value: string) => {
    if (!attemptId || feedback || !value.trim()) return;
    setChosen(value);
    setBusy(true);
    setError(null);
    const result = await submitAnswer(attemptId, questions[index]!.id, value);
    setBusy(false);
    if (result.ok) setFeedback(result.data);
    else setError(result.error);
  };

  const next = async () => {
    if (index + 1 < questions.length) {
      setIndex(index + 1);
      setFeedback(null);
      setChosen(null);
      return;
    }
    setBusy(true);
    const result = await finishQuizAttempt(attemptId!);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setFinished(result.data);
    setAttemptId(null);
  };

  if (finished)
    return (
      <section className="panel glass narrow stack" style={{ margin: '2rem auto' }}>
        <div style={{ textAlign: 'center' }}>
          <h2>{title}</h2>
          <p className="score" data-testid="score">
            {Math.round((finished.score ?? 0) * 100)}%
          </p>
          <p className="muted">
            {finished.answers.filter((a) => a.correct).length} of {questions.length} correct.{attemptsNote}
          </p>
        </div>
        <ol className="list" data-testid="attempt-review" aria-label="Your answers">
          {finished.answers.map(({ answer, correct, question }) => (
            <li key={question.id} data-testid="reviewed-answer" data-correct={correct}>
              <strong>{question.prompt}</strong>
              <div className="small">
                <span className={`verdict ${correct ? 'right' : 'wrong'}`}>{correct ? '✓' : '✗'}</span> You
                answered “{answer}”
                {question.answer && !correct ? (
                  <>
                    {' '}
                    · the answer is <span data-testid="revealed-answer">{question.answer}</span>
                  </>
                ) : null}
              </div>
              {question.evidence ? (
                <button type="button" className="link small" onClick={() => open(question.evidence)}>
                  Source: {question.evidence.document?.title ?? 'deleted document'}, p.{' '}
                  {question.evidence.pageLabel}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {revealAnswers === 'NEVER' ? <p className="muted small">{WITHHELD.NEVER}</p> : null}
        {attemptsLeft !== 0 ? (
          <button
            type="button"
            className="primary"
            onClick={start}
            disabled={busy}
            style={{ alignSelf: 'center' }}
            data-testid="try-again"
          >
            Try again
          </button>
        ) : null}
        <p className="error" role="alert">
          {error}
        </p>
        {source ? <CitationViewer source={source} onClose={() => setSource(null)} /> : null}
      </section>
    );

  if (!attemptId)
    return (
      <section className="panel glass narrow" style={{ margin: '2rem auto' }}>
        <h2>{title}</h2>
        <p className="muted">
          {questions.length} questions, each checked against its source.
          {lastScore !== null ? ` Your last score: ${Math.round(lastScore * 100)}%.` : ''}
          {attemptsNote}
          {WITHHELD[revealAnswers] ? ` ${WITHHELD[revealAnswers]}` : ''}
        </p>
        <button
          type="button"
          className="primary"
          onClick={start}
          disabled={busy || attemptsLeft === 0}
          data-testid="start-attempt"
        >
          Start
        </button>
        <p className="error" role="alert">
          {error}
        </p>
      </section>
    );

  const question = questions[index]!;
  return (
    <section className="panel glass" style={{ maxWidth: 760, margin: '0 auto' }} aria-live="polite">
      <p className="muted small" data-testid="question-position">
        Question {index + 1} of {questions.length}
      </p>
      <h2 data-testid="quiz-prompt">{question.prompt}</h2>
      {question.options.length ? (
        <div className="options">
          {question.options.map((option) => {
            const state = !feedback
              ? ''
              : option === feedback.correctAnswer
                ? 'correct'
                : option === chosen
                  ? 'wrong'
                  : '';
            return (
              <button
                key={option}
                type="button"
                className={`option ${state}`}
                disabled={busy || feedback !== null}
                onClick={() => void answer(option)}
                data-testid="quiz-option"
              >
                {option}
              </button>
            );
          })}
        </div>
      ) : (
        <ShortAnswer disabled={busy || feedback !== null} onAnswer={answer} />
      )}
      {feedback ? (
        <div className="stack" style={{ marginTop: '1rem' }} data-testid="feedback">
          <p className={`verdict ${feedback.correct ? 'right' : 'wrong'}`} data-testid="verdict">
            {feedback.correct
              ? 'Correct!'
              : feedback.correctAnswer
                ? `Not quite: the answer is ${feedback.correctAnswer}`
                : 'Not quite.'}
          </p>
          {feedback.correctAnswer === null && WITHHELD[revealAnswers] ? (
            <p className="muted small" data-testid="withheld">
              {WITHHELD[revealAnswers]}
            </p>
          ) : null}
          {feedback.explanation ? <p>{feedback.explanation}</p> : null}
          {/* Null when the quiz reveals answers only after the attempt, or never. */}
          {feedback.evidence ? (
            <blockquote className="quote" data-testid="evidence">
              “{feedback.evidence.quote}”
              <span className="muted small">
                {' '}
                — {feedback.evidence.document?.title ?? 'source'}, p. {feedback.evidence.pageLabel}
              </span>
            </blockquote>
          ) : null}
          <div className="row">
            {feedback.evidence?.document ? (
              <button type="button" onClick={() => open(feedback.evidence)} data-testid="open-evidence">
                Open the source
              </button>
            ) : null}
            <button
              type="button"
              className="primary"
              onClick={next}
              disabled={busy}
              data-testid="next-question"
            >
              {index + 1 < questions.length ? 'Next question' : 'See my score'}
            </button>
          </div>
        </div>
      ) : null}
      <p className="error" role="alert">
        {error}
      </p>
      {source ? <CitationViewer source={source} onClose={() => setSource(null)} /> : null}
    </section>
  );
}

function ShortAnswer({ disabled, onAnswer }: { disabled: boolean; onAnswer: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        onAnswer(value);
      }}
    >
      <label htmlFor="short-answer" className="sr-only">
        Your answer
      </label>
      <input
        id="short-answer"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        disabled={disabled}
        maxLength={500}
        style={{ flex: 1 }}
        autoComplete="off"
      />
      <button type="submit" className="primary" disabled={disabled}>
        Answer
      </button>
    </form>
  );
}
