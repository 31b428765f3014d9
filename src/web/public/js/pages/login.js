import { api } from '../api.js';
import { field, h, replace } from '../dom.js';

/** Sign in with a staff API key, or with a user name and password. */
export async function loginPage(ctx) {
  const submit = (body, form) => async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    ctx.announce('Signing in…');
    try {
      const session = await api('POST', '/api/session', body());
      ctx.announce(`Signed in as ${session.user.name} (${session.user.role}).`);
      ctx.signedIn(session);
    } catch (error) {
      ctx.announce('');
      ctx.showError(error);
    } finally {
      button.disabled = false;
    }
  };

  const apiKey = h('input', {
    id: 'login-api-key',
    name: 'apiKey',
    type: 'password',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  const keyForm = h(
    'form',
    { class: 'card', 'aria-labelledby': 'login-key-title', id: 'login-key-form' },
    h('h2', { id: 'login-key-title', text: 'With an API key' }),
    field('API key', apiKey, 'A staff key, starting with edik_'),
    h('button', { type: 'submit', class: 'primary', text: 'Sign in with key' }),
  );
  keyForm.addEventListener(
    'submit',
    submit(() => ({ apiKey: apiKey.value.trim() }), keyForm),
  );

  const username = h('input', {
    id: 'login-username',
    name: 'username',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const passwordForm = h(
    'form',
    { class: 'card', 'aria-labelledby': 'login-password-title', id: 'login-password-form' },
    h('h2', { id: 'login-password-title', text: 'With a user name and password' }),
    field('User name', username),
    field('Password', password),
    h('button', { type: 'submit', class: 'primary', text: 'Sign in' }),
  );
  passwordForm.addEventListener(
    'submit',
    submit(() => ({ username: username.value.trim(), password: password.value }), passwordForm),
  );

  replace(
    ctx.main,
    h('h1', { text: 'Sign in to the support console' }),
    h('div', { class: 'login-forms' }, keyForm, passwordForm),
  );
}
