'use client';

import { useState } from 'react';
import { finishQuizAttempt, startQuizAttempt, submitAnswer } from '@/actions/quizzes';
import { CitationViewer, type SourceRef } from '@/components/viewer/citation-viewer';
import type { QuestionKind, SubmitAnswerMutation } from '@/gql/graphql';

interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
}

type Feedback = SubmitAnswerMutation['submitAnswer'];

/** Solo attempt: one question at a time, graded by the server at once, with the evidence it rests on. */
export function QuizRunner({
  quizId,
  title,
  questions,
  lastScore,
}: {
  quizId: string;
  title: string;
  questions: Question[];
  lastScore: number | null;
}) {
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [score, setScore] = useState<{ score: number; correct: number } | null>(null);
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
    setIndex(0);
    setFeedback(null);
    setScore(null);
  };

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
    setScore({ score: result.data.score ?? 0, correct: result.data.answers.filter((a) => a.correct).length });
    setAttemptId(null);
  };

  if (score)
    return (
      <section className="panel glass narrow" style={{ margin: '2rem auto', textAlign: 'center' }}>
        <h2>{title}</h2>
        <p className="score" data-testid="score">
          {Math.round(score.score * 100)}%
        </p>
        <p className="muted">
          {score.correct} of {questions.length} correct
        </p>
        <button type="button" className="primary" onClick={start}>
          Try again
        </button>
      </section>
    );

  if (!attemptId)
    return (
      <section className="panel glass narrow" style={{ margin: '2rem auto' }}>
        <h2>{title}</h2>
        <p className="muted">
          {questions.length} questions, each checked against its source.
          {lastScore !== null ? ` Your last score: ${Math.round(lastScore * 100)}%.` : ''}
        </p>
        <button type="button" className="primary" onClick={start} disabled={busy} data-testid="start-attempt">
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
          {feedback.explanation ? <p>{feedback.explanation}</p> : null}
          {/* Null when the quiz reveals answers only after the attempt, or never. */}
          {feedback.evidence ? (
            <blockquote className="quote" data-testid="evidence">
              “{feedback.evidence.quote}”
              <span className="muted small">
                {' '}
                — {feedback.evidence.document?.title ?? 'source'}, p. {feedback.evidence.pageStart}
              </span>
            </blockquote>
          ) : null}
          <div className="row">
            {feedback.evidence?.document ? (
              <button
                type="button"
                onClick={() => {
                  const evidence = feedback.evidence!;
                  setSource({
                    documentId: evidence.document!.id,
                    documentTitle: evidence.document!.title,
                    mimeType: evidence.document!.mimeType,
                    pageStart: evidence.pageStart,
                    pageEnd: evidence.pageEnd,
                    quote: evidence.quote,
                  });
                }}
              >
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
