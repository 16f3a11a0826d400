import {
  LiveQuizChoicesDocument,
  NextLiveQuestionDocument,
  StartLiveQuizDocument,
} from '../../../test/generated/operations.ts';
import type { Api } from './api.ts';
import { h, replace } from './dom.ts';
import {
  countdown,
  type LiveEvent,
  leaderboard,
  revealResults,
  stateLabel,
  watchSession,
} from './live-view.ts';

/** Host: pick a ready quiz from the rooms one may edit (or paste an id), start, then drive it. */
export async function renderHost(root: HTMLElement, api: Api) {
  const error = h('p', { class: 'error', role: 'alert' });
  const select = h('select', { id: 'quiz', 'data-testid': 'quiz-select' });
  const pasted = h('input', { id: 'quiz-id', placeholder: 'or paste a quiz id', autocomplete: 'off' });
  const seconds = h('input', { id: 'seconds', type: 'number', min: 5, max: 600, value: 20 });
  const start = h('button', { type: 'submit', class: 'primary', 'data-testid': 'start' }, 'Start live quiz');
  const form = h(
    'form',
    { class: 'panel narrow' },
    h('h1', {}, 'Host a live quiz'),
    h('label', { for: 'quiz' }, 'Quiz'),
    select,
    pasted,
    h('label', { for: 'seconds' }, 'Seconds per question'),
    seconds,
    start,
    error,
  );
  replace(root, form);

  try {
    const { rooms } = await api.request(LiveQuizChoicesDocument, { rooms: 50, quizzes: 50 });
    const groups = rooms.edges
      .filter(({ node }) => node.viewerRole === 'OWNER' || node.viewerRole === 'EDITOR')
      .map(({ node: room }) => {
        const ready = room.quizzes.edges.filter(({ node }) => node.status === 'READY');
        return ready.length
          ? h(
              'optgroup',
              { label: room.name },
              ...ready.map(({ node: quiz }) => h('option', { value: quiz.id }, quiz.title)),
            )
          : null;
      })
      .filter((group) => group !== null);
    if (groups.length) select.append(...groups);
    else select.append(h('option', { value: '' }, 'No ready quizzes in your rooms'));
  } catch (cause) {
    error.textContent = (cause as Error).message;
  }

  form.addEventListener('submit', async (submitted) => {
    submitted.preventDefault();
    error.textContent = '';
    const quizId = pasted.value.trim() || select.value;
    if (!quizId) {
      error.textContent = 'Pick a quiz or paste its id';
      return;
    }
    start.disabled = true;
    try {
      const { startLiveQuiz } = await api.request(StartLiveQuizDocument, {
        quizId,
        questionSeconds: Number(seconds.value) || 20,
      });
      runSession(root, api, startLiveQuiz);
    } catch (cause) {
      error.textContent = (cause as Error).message;
      start.disabled = false;
    }
  });
}

const NEXT_LABEL: Record<LiveEvent['state'], string> = {
  LOBBY: 'Open the first question',
  QUESTION: 'Reveal the answer',
  REVEAL: 'Next question',
  FINISHED: '',
};

function runSession(root: HTMLElement, api: Api, session: { id: string; joinCode: string }) {
  const error = h('p', { class: 'error', role: 'alert' });
  const next = h('button', { class: 'primary big', 'data-testid': 'next' }, 'Next');
  const stage = h('section', { class: 'panel stage' });
  const side = h('aside', { class: 'side' });
  replace(root, h('div', { class: 'session host' }, h('div', { class: 'main' }, stage, next, error), side));
  let current: LiveEvent | null = null;

  next.addEventListener('click', async () => {
    next.disabled = true;
    error.textContent = '';
    try {
      await api.request(NextLiveQuestionDocument, { sessionId: session.id });
    } catch (cause) {
      error.textContent = (cause as Error).message;
    } finally {
      next.disabled = current?.state === 'FINISHED';
    }
  });

  watchSession(api, session.id, {
    error: (cause) => {
      error.textContent = cause.message;
    },
    event: (event) => {
      current = event;
      const last = event.questionIndex + 1 >= event.questionCount;
      next.textContent = event.state === 'REVEAL' && last ? 'Show final results' : NEXT_LABEL[event.state];
      next.hidden = event.state === 'FINISHED';
      next.disabled = event.state === 'LOBBY' && event.participantCount === 0;
      replace(stage, ...hostStage(event));
      replace(side, joinCard(event), event.state === 'LOBBY' ? lobby(event) : leaderboard(event));
    },
  });
}

function joinCard(event: LiveEvent) {
  return h(
    'section',
    { class: 'panel join' },
    h('p', { class: 'muted' }, 'Join at this page with the code'),
    h('p', { class: 'code', 'data-testid': 'join-code' }, event.joinCode),
    h('p', { class: 'muted', 'data-testid': 'participant-count' }, `${event.participantCount} joined`),
  );
}

function lobby(event: LiveEvent) {
  return h(
    'section',
    { class: 'panel lobby' },
    h('h2', {}, 'Lobby'),
    event.lobby.length
      ? h('ul', { class: 'names', 'data-testid': 'lobby' }, ...event.lobby.map((name) => h('li', {}, name)))
      : h('p', { class: 'muted' }, 'Waiting for players…'),
  );
}

function hostStage(event: LiveEvent): Array<Node | null> {
  const header = h(
    'div',
    { class: 'stage-header' },
    h('span', { class: `pill ${event.state.toLowerCase()}`, 'data-testid': 'state' }, stateLabel(event)),
    event.state === 'QUESTION' ? countdown(event.deadline) : null,
  );
  if (event.state === 'LOBBY')
    return [
      header,
      h('h1', {}, `${event.questionCount} questions`),
      h('p', {}, 'Start when everyone is in.'),
    ];
  if (event.state === 'FINISHED')
    return [
      header,
      h('h1', {}, 'That’s a wrap'),
      event.leaderboard[0]
        ? h(
            'p',
            { class: 'winner', 'data-testid': 'winner' },
            `${event.leaderboard[0].displayName} wins with ${event.leaderboard[0].score} points`,
          )
        : null,
    ];
  const question = event.question!;
  return [
    header,
    h('h1', { class: 'prompt', 'data-testid': 'question-prompt' }, question.prompt),
    event.state === 'REVEAL'
      ? revealResults(event)
      : h(
          'div',
          {},
          question.options.length
            ? h('ol', { class: 'options static' }, ...question.options.map((option) => h('li', {}, option)))
            : h('p', { class: 'muted' }, 'Short answer: players type it'),
          h(
            'p',
            { class: 'muted', 'data-testid': 'answered-count' },
            `${event.answeredCount} of ${event.participantCount} answered`,
          ),
        ),
  ];
}
