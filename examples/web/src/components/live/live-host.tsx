'use client';

import { useState } from 'react';
import { nextLiveQuestion, startLiveQuiz } from '@/actions/live';
import {
  Countdown,
  Leaderboard,
  type LiveEvent,
  RevealResults,
  stateLabel,
  useLiveSession,
} from './live-view';

const NEXT_LABEL: Record<LiveEvent['state'], string> = {
  LOBBY: 'Open the first question',
  QUESTION: 'Reveal the answer',
  REVEAL: 'Next question',
  FINISHED: '',
};

/** Host: start a session of this quiz, show the join code, then drive question → reveal → finish. */
export function LiveHost({ quizId, title }: { quizId: string; title: string }) {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(30);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (sessionId) return <HostSession sessionId={sessionId} />;
  return (
    <form
      className="panel glass narrow stack"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        const result = await startLiveQuiz(quizId, seconds);
        setBusy(false);
        if (result.ok) setSessionId(result.data.id);
        else setError(result.error);
      }}
    >
      <h2>Host “{title}” live</h2>
      <div>
        <label htmlFor="seconds">Seconds per question</label>
        <input
          id="seconds"
          type="number"
          min={5}
          max={600}
          value={seconds}
          onChange={(event) => setSeconds(Number(event.target.value) || 30)}
        />
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="start-live">
        Start live quiz
      </button>
      <p className="error" role="alert">
        {error}
      </p>
    </form>
  );
}

function HostSession({ sessionId }: { sessionId: string }) {
  const { event, error: liveError } = useLiveSession(sessionId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!event) return <p className="muted">Opening the session…</p>;
  const last = event.questionIndex + 1 >= event.questionCount;
  const label = event.state === 'REVEAL' && last ? 'Show final results' : NEXT_LABEL[event.state];
  return (
    <div className="grid wide">
      <section className="panel glass stack" aria-live="polite">
        <div className="row spread">
          <span className="pill" data-testid="live-state">
            {stateLabel(event)}
          </span>
          {event.state === 'QUESTION' ? <Countdown deadline={event.deadline} /> : null}
        </div>
        {event.state === 'LOBBY' ? (
          <>
            <h2>{event.questionCount} questions</h2>
            <p className="muted">Start when everyone is in.</p>
          </>
        ) : null}
        {event.question && (event.state === 'QUESTION' || event.state === 'REVEAL') ? (
          <>
            <h2 data-testid="live-prompt">{event.question.prompt}</h2>
            {event.state === 'REVEAL' ? (
              <RevealResults event={event} />
            ) : (
              <>
                <ol>
                  {event.question.options.map((option) => (
                    <li key={option}>{option}</li>
                  ))}
                </ol>
                <p className="muted" data-testid="answered-count">
                  {event.answeredCount} of {event.participantCount} answered
                </p>
              </>
            )}
          </>
        ) : null}
        {event.state === 'FINISHED' ? (
          <h2 data-testid="winner">
            {event.leaderboard[0]
              ? `${event.leaderboard[0].displayName} wins with ${event.leaderboard[0].score} points`
              : 'Finished'}
          </h2>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={busy || (event.state === 'LOBBY' && event.participantCount === 0)}
            onClick={async () => {
              setBusy(true);
              setError(null);
              const result = await nextLiveQuestion(sessionId);
              setBusy(false);
              if (!result.ok) setError(result.error);
            }}
            data-testid="live-next"
          >
            {label}
          </button>
        )}
        <p className="error" role="alert">
          {error ?? liveError}
        </p>
      </section>
      <div className="stack">
        <section className="panel glass" style={{ textAlign: 'center' }}>
          <p className="muted">Players join at /live with the code</p>
          <p className="join-code" data-testid="join-code">
            {event.joinCode}
          </p>
          <p className="muted" data-testid="participant-count">
            {event.participantCount} joined
          </p>
          {event.state === 'LOBBY' && event.lobby.length ? (
            <p data-testid="lobby">{event.lobby.join(', ')}</p>
          ) : null}
        </section>
        {event.state !== 'LOBBY' ? <Leaderboard event={event} /> : null}
      </div>
    </div>
  );
}
