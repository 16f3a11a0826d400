'use client';

import { useState } from 'react';
import { submitLiveAnswer } from '@/actions/live';
import { Countdown, Leaderboard, RevealResults, sameAnswer, stateLabel, useLiveSession } from './live-view';

/** Player: answer each open question before the clock runs out; see the reveal and the standings. */
export function LivePlayer({ sessionId }: { sessionId: string }) {
  const { event, error: liveError } = useLiveSession(sessionId);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  if (!event) return <p className="muted">Joining…</p>;
  const question = event.question;
  const mine = question ? (answers[question.id] ?? null) : null;

  const submit = async (answer: string) => {
    if (!question || mine !== null || !answer.trim()) return;
    setAnswers((all) => ({ ...all, [question.id]: answer }));
    setError(null);
    const result = await submitLiveAnswer(sessionId, question.id, answer);
    if (!result.ok) {
      setAnswers(({ [question.id]: _dropped, ...rest }) => rest);
      setError(result.error);
    }
  };

  return (
    <div className="grid wide">
      <section className="panel glass stack" aria-live="polite">
        <div className="row spread">
          <span className="pill" data-testid="live-state">
            {stateLabel(event)}
          </span>
          {event.state === 'QUESTION' && mine === null ? <Countdown deadline={event.deadline} /> : null}
        </div>
        {event.state === 'LOBBY' ? (
          <>
            <h2>You’re in!</h2>
            <p className="muted">Waiting for the host to start · {event.participantCount} joined</p>
          </>
        ) : null}
        {event.state === 'FINISHED' ? (
          <h2 data-testid="final">{event.me ? `You finished #${event.me.rank}` : 'Finished'}</h2>
        ) : null}
        {question && event.state === 'QUESTION' ? (
          <>
            <h2 data-testid="live-prompt">{question.prompt}</h2>
            {mine !== null ? (
              <p data-testid="locked">
                Answer locked in: <strong>{mine}</strong>
              </p>
            ) : question.options.length ? (
              <div className="options">
                {question.options.map((option) => (
                  <button
                    key={option}
                    type="button"
                    className="option"
                    onClick={() => void submit(option)}
                    data-testid="live-option"
                  >
                    {option}
                  </button>
                ))}
              </div>
            ) : (
              <form
                className="row"
                onSubmit={(submitted) => {
                  submitted.preventDefault();
                  void submit(typed);
                  setTyped('');
                }}
              >
                <label htmlFor="live-answer" className="sr-only">
                  Your answer
                </label>
                <input
                  id="live-answer"
                  value={typed}
                  onChange={(change) => setTyped(change.target.value)}
                  maxLength={500}
                  style={{ flex: 1 }}
                  autoComplete="off"
                />
                <button type="submit" className="primary">
                  Answer
                </button>
              </form>
            )}
          </>
        ) : null}
        {question && event.state === 'REVEAL' && event.reveal ? (
          <>
            <h2 data-testid="live-prompt">{question.prompt}</h2>
            <p
              className={`verdict ${mine === null ? '' : sameAnswer(mine, event.reveal.correctAnswer) ? 'right' : 'wrong'}`}
              data-testid="live-verdict"
            >
              {mine === null
                ? 'No answer this time'
                : sameAnswer(mine, event.reveal.correctAnswer)
                  ? 'Correct!'
                  : `Not quite: it was ${event.reveal.correctAnswer}`}
            </p>
            <RevealResults event={event} mine={mine} />
          </>
        ) : null}
        <p className="error" role="alert">
          {error ?? liveError}
        </p>
      </section>
      <div className="stack">
        {event.me ? (
          <section className="panel glass">
            <p data-testid="my-standing">
              You: #{event.me.rank} of {event.participantCount} · {event.me.score} points
            </p>
          </section>
        ) : null}
        {event.state !== 'LOBBY' ? <Leaderboard event={event} /> : null}
      </div>
    </div>
  );
}
