import { JoinLiveQuizDocument, SubmitLiveAnswerDocument } from '../../../test/generated/operations.ts';
import type { Api } from './api.ts';
import { h, replace, sameAnswer } from './dom.ts';
import {
  countdown,
  type LiveEvent,
  leaderboard,
  revealResults,
  stateLabel,
  watchSession,
} from './live-view.ts';

/** Player: join with the code the host shows, then answer each question before the clock runs out. */
export function renderPlayer(root: HTMLElement, api: Api, initialCode = '') {
  const error = h('p', { class: 'error', role: 'alert' });
  const code = h('input', {
    id: 'join-code',
    class: 'code-input',
    placeholder: 'ABC123',
    autocomplete: 'off',
    autocapitalize: 'characters',
    value: initialCode,
  });
  const join = h('button', { type: 'submit', class: 'primary', 'data-testid': 'join' }, 'Join');
  const form = h(
    'form',
    { class: 'panel narrow' },
    h('h1', {}, 'Join a live quiz'),
    h('label', { for: 'join-code' }, 'Code from the host'),
    code,
    join,
    error,
  );
  replace(root, form);
  code.focus();
  form.addEventListener('submit', async (submitted) => {
    submitted.preventDefault();
    error.textContent = '';
    join.disabled = true;
    try {
      const { joinLiveQuiz } = await api.request(JoinLiveQuizDocument, { joinCode: code.value });
      play(root, api, joinLiveQuiz.id);
    } catch (cause) {
      error.textContent = (cause as Error).message;
      join.disabled = false;
    }
  });
}

function play(root: HTMLElement, api: Api, sessionId: string) {
  const status = h('div', { class: 'stage-header' });
  const stage = h('div');
  const standing = h('p', { class: 'standing', 'data-testid': 'my-standing' });
  const side = h('aside', { class: 'side' });
  const error = h('p', { class: 'error', role: 'alert' });
  replace(
    root,
    h(
      'div',
      { class: 'session player' },
      h('div', { class: 'main' }, h('section', { class: 'panel stage' }, status, stage), error),
      side,
    ),
  );
  const answers = new Map<string, string>();
  // The question area is rebuilt only when what it shows changes, so typing is not interrupted.
  let stageKey = '';

  const submit = async (event: LiveEvent, answer: string) => {
    const question = event.question!;
    if (answers.has(question.id) || !answer.trim()) return;
    answers.set(question.id, answer);
    error.textContent = '';
    render(event);
    try {
      await api.request(SubmitLiveAnswerDocument, {
        input: { sessionId, questionId: question.id, answer },
      });
    } catch (cause) {
      answers.delete(question.id);
      error.textContent = (cause as Error).message;
      render(event, true);
    }
  };

  const render = (event: LiveEvent, force = false) => {
    replace(
      status,
      h('span', { class: `pill ${event.state.toLowerCase()}`, 'data-testid': 'state' }, stateLabel(event)),
      event.state === 'QUESTION' && !answers.has(event.question!.id) ? countdown(event.deadline) : null,
    );
    standing.textContent = event.me
      ? `You: #${event.me.rank} of ${event.participantCount} · ${event.me.score} points`
      : '';
    replace(side, standing, event.state === 'LOBBY' ? null : leaderboard(event));
    const questionId = event.question?.id ?? '';
    const key = `${event.state}:${questionId}:${answers.get(questionId) ?? ''}`;
    if (key === stageKey && !force) return;
    stageKey = key;
    replace(stage, ...playerStage(event, answers.get(questionId) ?? null, submit));
  };

  watchSession(api, sessionId, {
    error: (cause) => {
      error.textContent = cause.message;
    },
    event: (event) => render(event),
  });
}

function playerStage(
  event: LiveEvent,
  myAnswer: string | null,
  submit: (event: LiveEvent, answer: string) => void,
): Array<Node | null> {
  if (event.state === 'LOBBY')
    return [
      h('h1', {}, 'You’re in!'),
      h('p', { class: 'muted' }, `Waiting for the host to start · ${event.participantCount} joined`),
    ];
  if (event.state === 'FINISHED')
    return [
      h('h1', {}, event.me ? `You finished #${event.me.rank}` : 'Finished'),
      h('p', { class: 'muted' }, event.me ? `${event.me.score} points` : ''),
    ];
  const question = event.question!;
  const prompt = h('h1', { class: 'prompt', 'data-testid': 'question-prompt' }, question.prompt);
  if (event.state === 'REVEAL') {
    const reveal = event.reveal!;
    const verdict =
      myAnswer == null
        ? h('p', { class: 'verdict none', 'data-testid': 'verdict' }, 'No answer this time')
        : sameAnswer(myAnswer, reveal.correctAnswer)
          ? h('p', { class: 'verdict right', 'data-testid': 'verdict' }, 'Correct!')
          : h(
              'p',
              { class: 'verdict wrong', 'data-testid': 'verdict' },
              `Not quite: it was ${reveal.correctAnswer}`,
            );
    return [prompt, verdict, revealResults(event, myAnswer)];
  }
  if (myAnswer != null)
    return [
      prompt,
      h('p', { class: 'locked', 'data-testid': 'locked' }, 'Answer locked in: ', h('strong', {}, myAnswer)),
      h('p', { class: 'muted' }, 'Waiting for the reveal…'),
    ];
  if (question.options.length)
    return [
      prompt,
      h(
        'div',
        { class: 'options' },
        ...question.options.map((option, i) =>
          h(
            'button',
            {
              class: `option option-${i % 4}`,
              'data-testid': 'option',
              onclick: () => submit(event, option),
            },
            option,
          ),
        ),
      ),
    ];
  const input = h('input', { id: 'answer', placeholder: 'Your answer', autocomplete: 'off', maxlength: 500 });
  return [
    prompt,
    h(
      'form',
      {
        class: 'short-answer',
        onsubmit: (submitted: Event) => {
          submitted.preventDefault();
          submit(event, input.value);
        },
      },
      input,
      h('button', { type: 'submit', class: 'primary' }, 'Answer'),
    ),
  ];
}
