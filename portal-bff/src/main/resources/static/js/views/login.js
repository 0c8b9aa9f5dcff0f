import { h } from '../dom.js';
import { post } from '../api.js';
import { problemBox } from './common.js';

const DEMO_LOGINS = [
  ['acme@demo.ledgerline', 'Partner · Acme'],
  ['bistro@demo.ledgerline', 'Customer · Bistro (AI credits on)'],
  ['cornershop@demo.ledgerline', 'Customer · Corner Shop (AI credits off)'],
];

export function loginView(onSignedIn) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username',
    required: true, placeholder: 'you@company.com' });
  const password = h('input', { type: 'password', name: 'password', required: true,
    autocomplete: 'current-password' });
  const message = h('div', {});
  const submit = h('button', { type: 'submit' }, 'Sign in');

  async function signIn(event) {
    event.preventDefault();
    submit.disabled = true;
    message.replaceChildren();
    try {
      await post('/api/portal/session', { email: email.value, password: password.value });
      await onSignedIn();
    } catch (error) {
      message.replaceChildren(problemBox(error));
      submit.disabled = false;
    }
  }

  return h('main', { class: 'login' },
    h('form', { class: 'card login-card', onsubmit: signIn },
      h('div', { class: 'brand' }, h('span', { class: 'logo' }, 'L'), 'Ledgerline'),
      h('h1', {}, 'Sign in to your portal'),
      h('label', {}, 'E-mail', email),
      h('label', {}, 'Password', password),
      message,
      submit,
      h('div', { class: 'demo' },
        h('div', { class: 'muted' }, 'Demo logins (password ', h('code', {}, 'demo'), ')'),
        DEMO_LOGINS.map(([address, who]) => h('button', {
          type: 'button', class: 'link',
          onclick: () => { email.value = address; password.value = 'demo'; password.focus(); },
        }, h('code', {}, address), ` — ${who}`)))));
}
