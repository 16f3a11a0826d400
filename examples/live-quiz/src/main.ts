import { SignInDocument, SignUpDocument } from '../../../test/generated/operations.ts';
import { type Account, Api, apiConfig, loadAccount, saveAccount } from './api.ts';
import { h, replace } from './dom.ts';
import { renderHost } from './host.ts';
import { tickCountdowns } from './live-view.ts';
import { renderPlayer } from './player.ts';

const app = document.getElementById('app')!;
const account = document.getElementById('account')!;
const api = new Api(apiConfig(), loadAccount());

setInterval(tickCountdowns, 250);
window.addEventListener('hashchange', route);
route();

/** `#host` and `#play` (or `#play/CODE`) pick the view; signing in comes first. */
function route() {
  renderAccount();
  if (!api.account) return renderSignIn();
  const [view, code] = location.hash.slice(1).split('/');
  if (view === 'host') return void renderHost(app, api);
  if (view === 'play') return renderPlayer(app, api, code ?? '');
  replace(
    app,
    h(
      'section',
      { class: 'panel narrow choose' },
      h('h1', {}, `Hi ${api.account.user.displayName}`),
      h('a', { class: 'button primary', href: '#play', 'data-testid': 'go-play' }, 'Join a live quiz'),
      h('a', { class: 'button', href: '#host', 'data-testid': 'go-host' }, 'Host a live quiz'),
    ),
  );
}

function renderAccount() {
  if (!api.account) return replace(account);
  replace(
    account,
    h('span', { class: 'who', 'data-testid': 'signed-in-as' }, api.account.user.displayName),
    h(
      'button',
      {
        class: 'link',
        onclick: async () => {
          saveAccount(null);
          api.account = null;
          await api.disconnect();
          route();
        },
      },
      'Sign out',
    ),
  );
}

function renderSignIn() {
  let signingUp = false;
  const error = h('p', { class: 'error', role: 'alert' });
  const email = h('input', { id: 'email', type: 'email', required: true, autocomplete: 'email' });
  const password = h('input', {
    id: 'password',
    type: 'password',
    required: true,
    minlength: 8,
    autocomplete: 'current-password',
  });
  const displayName = h('input', { id: 'display-name', autocomplete: 'nickname' });
  const nameRow = h(
    'div',
    { class: 'field', hidden: true },
    h('label', { for: 'display-name' }, 'Name'),
    displayName,
  );
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'sign-in' }, 'Sign in');
  const toggle = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'toggle-sign-up' },
    'New here? Create an account',
  );
  toggle.addEventListener('click', () => {
    signingUp = !signingUp;
    nameRow.hidden = !signingUp;
    displayName.required = signingUp;
    submit.textContent = signingUp ? 'Create account' : 'Sign in';
    toggle.textContent = signingUp ? 'Have an account? Sign in' : 'New here? Create an account';
  });
  const form = h(
    'form',
    { class: 'panel narrow' },
    h('h1', {}, 'Sign in to play'),
    h('div', { class: 'field' }, h('label', { for: 'email' }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
    nameRow,
    submit,
    toggle,
    error,
  );
  form.addEventListener('submit', async (submitted) => {
    submitted.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      let signedIn: Account;
      if (signingUp) {
        const { signUp } = await api.request(SignUpDocument, {
          input: { email: email.value, password: password.value, displayName: displayName.value },
        });
        signedIn = signUp;
      } else {
        const { signIn } = await api.request(SignInDocument, {
          input: { email: email.value, password: password.value },
        });
        signedIn = signIn;
      }
      saveAccount(signedIn);
      api.account = signedIn;
      await api.disconnect();
      route();
    } catch (cause) {
      error.textContent = (cause as Error).message;
      submit.disabled = false;
    }
  });
  replace(app, form);
  email.focus();
}
