import { LiveQuizDocument, type LiveQuizSubscription } from '../../../test/generated/operations.ts';
import type { Api } from './api.ts';
import { h, sameAnswer, secondsLeft } from './dom.ts';

export type LiveEvent = LiveQuizSubscription['liveQuiz'];

/**
 * Follows `liveQuiz(sessionId)`: the current state first, then every change. Events carry `seq`; one
 * older than what is shown is dropped (equal seq is a refresh of the answered count, so it is kept).
 */
export function watchSession(
  api: Api,
  sessionId: string,
  handlers: { event(event: LiveEvent): void; error(error: Error): void },
): () => void {
  let lastSeq = -1;
  return api.subscribe(
    LiveQuizDocument,
    { sessionId },
    {
      next: ({ liveQuiz }) => {
        if (liveQuiz.seq < lastSeq) return;
        lastSeq = liveQuiz.seq;
        handlers.event(liveQuiz);
      },
      error: handlers.error,
      complete: () => undefined,
    },
  );
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

/** A ticking "12 s" badge; main.ts refreshes every `[data-deadline]` element four times a second. */
export function countdown(deadline: string | null) {
  if (!deadline) return null;
  return h('span', { class: 'countdown', 'data-deadline': deadline }, `${secondsLeft(deadline)} s`);
}

export function tickCountdowns() {
  for (const element of document.querySelectorAll<HTMLElement>('[data-deadline]')) {
    const left = secondsLeft(element.dataset.deadline ?? null);
    element.textContent = left > 0 ? `${left} s` : 'time is up';
    element.classList.toggle('urgent', left <= 5);
  }
}

export function leaderboard(event: LiveEvent, title = 'Leaderboard') {
  const rows = event.leaderboard.map((standing) =>
    h(
      'li',
      {
        class: event.me?.displayName === standing.displayName ? 'row me' : 'row',
        'data-testid': 'leaderboard-row',
      },
      h('span', { class: 'rank' }, `#${standing.rank}`),
      h('span', { class: 'name' }, standing.displayName),
      h('span', { class: 'score' }, `${standing.score}`),
    ),
  );
  return h(
    'section',
    { class: 'panel leaderboard', 'data-testid': 'leaderboard' },
    h('h2', {}, title),
    rows.length ? h('ol', {}, ...rows) : h('p', { class: 'muted' }, 'No players yet'),
  );
}

/** The revealed question: every option with its count, the right one marked, the viewer's pick outlined. */
export function revealResults(event: LiveEvent, myAnswer?: string | null) {
  const reveal = event.reveal!;
  const answered = Math.max(reveal.answered, 1);
  const options = reveal.optionCounts.map(({ option, count }) => {
    const correct = sameAnswer(option, reveal.correctAnswer);
    const mine = myAnswer != null && sameAnswer(option, myAnswer);
    return h(
      'li',
      {
        class: ['result', correct ? 'correct' : '', mine ? 'mine' : ''].join(' ').trim(),
        'data-testid': 'option-result',
        'data-option': option,
        'data-count': count,
      },
      h('span', { class: 'bar', style: `width: ${Math.round((count / answered) * 100)}%` }),
      h('span', { class: 'label' }, correct ? `✓ ${option}` : option),
      h('span', { class: 'count' }, `${count}`),
    );
  });
  return h(
    'div',
    { class: 'reveal' },
    options.length
      ? h('ul', { class: 'results' }, ...options)
      : h('p', { class: 'answer' }, 'Answer: ', h('strong', {}, reveal.correctAnswer)),
    h('p', { class: 'muted' }, `${reveal.answered} of ${event.participantCount} answered`),
    reveal.explanation ? h('p', { class: 'explanation' }, reveal.explanation) : null,
  );
}
