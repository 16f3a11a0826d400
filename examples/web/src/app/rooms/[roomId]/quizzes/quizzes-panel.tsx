'use client';

import Link from 'next/link';
import { useState } from 'react';
import { generateQuiz } from '@/actions/quizzes';
import type { QuestionKind, QuizRowFragment, RevealAnswers } from '@/gql/graphql';
import { useSubscription } from '@/lib/live';
import { QuizProgressSubscription } from '@/operations/quizzes';

const KINDS: Array<{ kind: QuestionKind; label: string }> = [
  { kind: 'MULTIPLE_CHOICE', label: 'Multiple choice' },
  { kind: 'TRUE_FALSE', label: 'True / false' },
  { kind: 'SHORT_ANSWER', label: 'Short answer' },
];

const SETTINGS: Record<RevealAnswers, string> = {
  AFTER_EACH: 'answers after each question',
  AFTER_FINISH: 'answers at the end',
  NEVER: 'answers never shown',
};

export function QuizzesPanel({
  roomId,
  canEdit,
  initial,
  documents,
}: {
  roomId: string;
  canEdit: boolean;
  initial: QuizRowFragment[];
  documents: Array<{ id: string; title: string }>;
}) {
  const [quizzes, setQuizzes] = useState(initial);
  const upsert = (quiz: QuizRowFragment) =>
    setQuizzes((all) =>
      all.some((q) => q.id === quiz.id) ? all.map((q) => (q.id === quiz.id ? quiz : q)) : [quiz, ...all],
    );
  return (
    <div className="stack">
      {canEdit ? <GenerateForm roomId={roomId} documents={documents} onStarted={upsert} /> : null}
      <section className="panel glass" aria-labelledby="quizzes-heading">
        <h2 id="quizzes-heading">Quizzes</h2>
        {quizzes.length === 0 ? <p className="muted">No quizzes yet.</p> : null}
        <ul className="list" data-testid="quizzes">
          {quizzes.map((quiz) => (
            <QuizItem key={quiz.id} roomId={roomId} quiz={quiz} canEdit={canEdit} onChange={upsert} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function GenerateForm({
  roomId,
  documents,
  onStarted,
}: {
  roomId: string;
  documents: Array<{ id: string; title: string }>;
  onStarted: (quiz: QuizRowFragment) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <section className="panel glass" aria-labelledby="generate-heading">
      <h2 id="generate-heading">Generate a quiz</h2>
      {documents.length === 0 ? (
        <p className="muted">Upload a document and wait until it is ready to make a quiz from it.</p>
      ) : (
        <form
          className="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const kinds = form.getAll('kind').map(String) as QuestionKind[];
            const documentIds = form.getAll('document').map(String);
            const maxAttempts = Number(form.get('maxAttempts')) || null;
            setPending(true);
            setError(null);
            const result = await generateQuiz({
              roomId,
              questionCount: Number(form.get('count')) || 5,
              kinds,
              ...(documentIds.length ? { documentIds } : {}),
              ...(String(form.get('title') ?? '').trim() ? { title: String(form.get('title')).trim() } : {}),
              maxAttempts,
              revealAnswers: String(form.get('revealAnswers')) as RevealAnswers,
            });
            setPending(false);
            if (result.ok) onStarted(result.data);
            else setError(result.error);
          }}
        >
          <div className="row">
            <div style={{ flex: 2, minWidth: 180 }}>
              <label htmlFor="quiz-title">Title</label>
              <input id="quiz-title" name="title" maxLength={200} placeholder="optional" />
            </div>
            <div style={{ flex: 1, minWidth: 120 }}>
              <label htmlFor="quiz-count">Questions</label>
              <input id="quiz-count" name="count" type="number" min={1} max={50} defaultValue={5} />
            </div>
          </div>
          <div className="row">
            <div style={{ flex: 2, minWidth: 180 }}>
              <label htmlFor="quiz-reveal">Students see the answers</label>
              <select id="quiz-reveal" name="revealAnswers" defaultValue="AFTER_EACH">
                <option value="AFTER_EACH">After each question (practice)</option>
                <option value="AFTER_FINISH">When they finish the quiz</option>
                <option value="NEVER">Never (only right or wrong, and the score)</option>
              </select>
            </div>
            <div style={{ flex: 1, minWidth: 120 }}>
              <label htmlFor="quiz-attempts">Attempts each</label>
              <input
                id="quiz-attempts"
                name="maxAttempts"
                type="number"
                min={1}
                max={100}
                placeholder="unlimited"
              />
            </div>
          </div>
          <fieldset className="row" style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend className="muted small">Kinds</legend>
            {KINDS.map(({ kind, label }) => (
              <label key={kind} className="row" style={{ color: 'var(--text)' }}>
                <input type="checkbox" name="kind" value={kind} defaultChecked /> {label}
              </label>
            ))}
          </fieldset>
          <fieldset className="row" style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend className="muted small">From (none ticked: every ready document)</legend>
            {documents.map((document) => (
              <label key={document.id} className="row" style={{ color: 'var(--text)' }}>
                <input type="checkbox" name="document" value={document.id} /> {document.title}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={pending} data-testid="generate-quiz">
            Generate
          </button>
          <p className="error" role="alert">
            {error}
          </p>
        </form>
      )}
    </section>
  );
}

function QuizItem({
  roomId,
  quiz,
  canEdit,
  onChange,
}: {
  roomId: string;
  quiz: QuizRowFragment;
  canEdit: boolean;
  onChange: (quiz: QuizRowFragment) => void;
}) {
  const [progress, setProgress] = useState<string | null>(null);
  useSubscription(
    QuizProgressSubscription,
    quiz.status === 'GENERATING' ? { quizId: quiz.id } : null,
    ({ quizProgress: event }) => {
      setProgress(
        `round ${event.round}: ${event.drafted} drafted, ${event.verified} verified, ${event.rejected} rejected`,
      );
      if (event.quiz) onChange(event.quiz);
      else if (event.status !== quiz.status) onChange({ ...quiz, status: event.status, error: event.error });
    },
  );
  const base = `/rooms/${encodeURIComponent(roomId)}/quizzes/${encodeURIComponent(quiz.id)}`;
  return (
    <li data-testid="quiz" data-status={quiz.status}>
      <div className="row spread">
        <div>
          <strong>{quiz.title}</strong>{' '}
          <span className={`pill ${quiz.status.toLowerCase()}`} data-testid="quiz-status">
            {quiz.status}
          </span>
          <div className="muted small">
            {quiz.status === 'GENERATING'
              ? (progress ?? 'Drafting questions and checking each against its source…')
              : quiz.stats
                ? `${quiz.stats.verified} verified questions (${quiz.stats.rejected} rejected, ${quiz.stats.engine} engine)`
                : null}
            {quiz.status === 'READY' ? ` · ${SETTINGS[quiz.revealAnswers]}` : ''}
            {quiz.status === 'READY' && quiz.maxAttempts
              ? ` · ${quiz.maxAttempts} attempt${quiz.maxAttempts === 1 ? '' : 's'} each`
              : ''}
          </div>
          {quiz.status === 'FAILED' && quiz.error ? <p className="failure">{quiz.error}</p> : null}
        </div>
        {quiz.status === 'READY' ? (
          <div className="row">
            <Link className="button primary" href={base} data-testid="take-quiz">
              Take
            </Link>
            {canEdit ? (
              <Link className="button" href={`${base}/host`} data-testid="host-quiz">
                Host live
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}
