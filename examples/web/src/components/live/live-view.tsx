'use client';

import { useEffect, useRef, useState } from 'react';
import type { LiveQuizSubscription } from '@/gql/graphql';
import { useSubscription } from '@/lib/live';
import { LiveQuizSubscription as LiveQuizDocument } from '@/operations/live';

export type LiveEvent = LiveQuizSubscription['liveQuiz'];

/**
 * The session as the API pushes it: the current state first (also after a reconnect), then every
 * change. `seq` only grows; an older event arriving late is dropped (equal seq refreshes counts).
 */
export function useLiveSession(sessionId: string) {
  const [event, setEvent] = useState<LiveEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastSeq = useRef(-1);
  useSubscription(
    LiveQuizDocument,
    { sessionId },
    ({ liveQuiz }) => {
      if (liveQuiz.seq < lastSeq.current) return;
      lastSeq.current = liveQuiz.seq;
      setError(null);
      setEvent(liveQuiz);
    },
    setError,
  );
  return { event, error };
}

export function stateLabel(event: LiveEvent): string {
  const position = `Question ${event.questionIndex + 1} of ${event.questionCount}`;
  switch (event.state) {
    case 'LOBBY':
      return 'Lobby';
    case 'QUESTION':
      return position;
    case 'REVEAL':
      return `${position} · answer`;
    case 'FINISHED':
      return 'Final results';
  }
}

export const sameAnswer = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function Countdown({ deadline }: { deadline: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [deadline]);
  if (!deadline) return null;
  const left = Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
  return (
    <span className="pill" aria-live="off" data-testid="countdown">
      {left > 0 ? `${left} s` : 'time is up'}
    </span>
  );
}

export function Leaderboard({ event }: { event: LiveEvent }) {
  return (
    <section className="panel glass leaderboard" data-testid="leaderboard">
      <h2>Leaderboard</h2>
      {event.leaderboard.length ? (
        <ol className="list">
          {event.leaderboard.map((standing) => (
            <li key={`${standing.rank}:${standing.displayName}`} data-testid="leaderboard-row">
              <span>#{standing.rank}</span>
              <span className="name">{standing.displayName}</span>
              <span>{standing.score}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No players yet</p>
      )}
    </section>
  );
}

/** The revealed question: every option with its count, the right one marked, the viewer's pick noted. */
export function RevealResults({ event, mine }: { event: LiveEvent; mine?: string | null }) {
  const reveal = event.reveal!;
  const answered = Math.max(reveal.answered, 1);
  return (
    <div className="stack">
      {reveal.optionCounts.length ? (
        <ul className="list results">
          {reveal.optionCounts.map(({ option, count }) => {
            const correct = sameAnswer(option, reveal.correctAnswer);
            return (
              <li
                key={option}
                className={correct ? 'correct' : undefined}
                data-testid="option-result"
                data-option={option}
                data-count={count}
              >
                <span className="bar" style={{ width: `${Math.round((count / answered) * 100)}%` }} />
                <span>
                  {correct ? '✓ ' : ''}
                  {option}
                  {mine && sameAnswer(option, mine) ? ' (yours)' : ''}
                </span>
                <span>{count}</span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>
          Answer: <strong>{reveal.correctAnswer}</strong>
        </p>
      )}
      <p className="muted">
        {reveal.answered} of {event.participantCount} answered
      </p>
      {reveal.explanation ? <p>{reveal.explanation}</p> : null}
    </div>
  );
}
