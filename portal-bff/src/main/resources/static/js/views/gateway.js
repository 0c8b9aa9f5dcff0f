import { h, newCommandId, formatDate } from '../dom.js';
import { get, post } from '../api.js';
import { formatCredits } from '../money.js';
import { credits, problemBox } from './common.js';

// R8: the customer's AI Gateway page. Keys ask for a name and allowed models only; they are
// pay-as-you-go from the customer's AI credits, and the secret is shown once.
export async function gatewayPage(me) {
  const [account, keys] = await Promise.all([
    get(`/api/portal/accounts/${encodeURIComponent(me.accountId)}`),
    get('/api/portal/gateway/keys'),
  ]);
  const page = h('section', { class: 'page' });
  const keysBox = h('div', {});
  const revealed = h('div', {});
  const zero = account.balanceUcr <= 0n;

  async function reload() {
    try {
      keysBox.replaceChildren(keysTable(await get('/api/portal/gateway/keys'), reload));
    } catch (error) {
      keysBox.replaceChildren(problemBox(error));
    }
  }
  keysBox.replaceChildren(keysTable(keys, reload));

  page.append(
    h('h1', {}, 'AI Gateway'),
    h('div', { class: 'hero' },
      h('div', {}, h('h2', {}, 'One key for every model your provider offers'),
        h('p', {}, 'Use the OpenAI SDK you already know; requests are paid from your AI credits.')),
      h('ul', { class: 'features' },
        h('li', {}, h('strong', {}, 'OpenAI Compatible'), h('span', {}, 'Swap the base URL')),
        h('li', {}, h('strong', {}, 'Pay with Credits'), h('span', {}, 'No budget to set')),
        h('li', {}, h('strong', {}, 'Instant Access'), h('span', {}, 'Generate and go')))),
    zero
      ? h('div', { class: 'alert warning', role: 'alert' },
        h('strong', {}, 'Your AI-credit balance is ', formatCredits(account.balanceUcr), '. '),
        'API requests will be rejected. Add credits before using the AI Gateway — ',
        h('a', { href: '#/billing/ai-credits' }, 'open Billing'), '.')
      : h('div', { class: 'alert info' }, 'Requests are paid from your AI credits: ',
        credits(account.balanceUcr), ' available. ',
        h('a', { href: '#/billing/ai-credits' }, 'See Billing → AI Credits')),
    revealed,
    h('div', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, 'Your API Keys'),
        h('button', { onclick: () => openCreateModal(revealed, reload) }, 'Generate Key')),
      keysBox),
    h('div', { class: 'card' }, h('h2', {}, 'Request API Gateway URL'),
      h('p', { class: 'muted' }, 'Need the base URL to connect your application? Ask your '
        + 'provider\'s team: they will send the OpenAI-compatible base URL for your keys.')));
  return page;
}

function keysTable(keys, reload) {
  if (keys.length === 0) {
    return h('p', { class: 'muted' }, 'No keys yet. Generate one to start.');
  }
  return h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, ['Name', 'Key', 'Allowed models', 'Status', 'Spent', 'Created',
      'Last used', ''].map((c) => h('th', { class: c === 'Spent' ? 'num' : '' }, c)))),
    h('tbody', {}, keys.map((key) => h('tr', {},
      h('td', {}, key.name),
      h('td', {}, h('code', {}, key.prefix)),
      h('td', {}, (key.allowedModels ?? []).join(', ')),
      h('td', {}, statusCell(key.status)),
      h('td', { class: 'num' }, key.spentUcr == null ? '—' : formatCredits(key.spentUcr)),
      h('td', { class: 'date' }, formatDate(key.createdAt)),
      h('td', { class: 'date' }, key.lastUsedAt ? formatDate(key.lastUsedAt) : 'Never'),
      h('td', {}, key.status === 'REVOKED' ? null : revokeButton(key, reload))))));
}

function statusCell(status) {
  const badge = h('span', { class: `badge status-${status.toLowerCase()}` }, status);
  if (status !== 'SUSPENDED') return badge;
  return h('div', {}, badge, h('div', { class: 'small' },
    h('a', { href: '#/billing/ai-credits' }, 'Top up credits in Billing'), ' to resume.'));
}

function revokeButton(key, reload) {
  const commandId = newCommandId();
  const button = h('button', { class: 'danger small', onclick: async () => {
    if (!confirm(`Revoke "${key.name}"? Applications using it stop working at once.`)) return;
    button.disabled = true;
    try {
      await post(`/api/portal/gateway/keys/${encodeURIComponent(key.keyId)}/revoke`,
        { commandId });
      await reload();
    } catch (error) {
      button.disabled = false;
      button.after(problemBox(error));
    }
  } }, 'Revoke');
  return button;
}

async function openCreateModal(revealed, reload) {
  const dialog = h('dialog', { class: 'modal' });
  document.body.append(dialog);
  const close = () => { dialog.close(); dialog.remove(); };
  let models = [];
  let loadError = null;
  try {
    models = await get('/api/portal/gateway/models');
  } catch (error) {
    loadError = error;
  }
  const name = h('input', { name: 'name', required: true, maxlength: 100,
    placeholder: 'e.g. Website chatbot' });
  const boxes = models.map((m) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: m.model }), ` ${m.model}`,
    h('span', { class: 'muted small' }, ` ${String(m.tier ?? '').toLowerCase()}`)));
  const message = h('div', {}, loadError ? problemBox(loadError) : null);
  const submit = h('button', { type: 'submit' }, 'Generate Key');
  const commandId = newCommandId();

  async function create(event) {
    event.preventDefault();
    const allowedModels = boxes.map((b) => b.querySelector('input'))
      .filter((c) => c.checked).map((c) => c.value);
    if (allowedModels.length === 0) {
      message.replaceChildren(problemBox(new Error('Choose at least one model.')));
      return;
    }
    submit.disabled = true;
    try {
      const key = await post('/api/portal/gateway/keys',
        { commandId, name: name.value, allowedModels });
      close();
      revealed.replaceChildren(secretBanner(key));
      await reload();
    } catch (error) {
      submit.disabled = false;
      message.replaceChildren(problemBox(error));
    }
  }

  dialog.append(h('form', { class: 'form', onsubmit: create },
    h('h2', {}, 'Generate Key'),
    h('label', {}, 'Key Name', name),
    h('fieldset', {}, h('legend', {}, 'Allowed Models'),
      boxes.length ? h('div', { class: 'checks' }, boxes)
        : h('p', { class: 'muted' }, 'No models are available.')),
    h('p', { class: 'muted small' }, 'No budget needed: the key is paid as you go from your '
      + 'AI credits.'),
    message,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: close }, 'Cancel'), submit)));
  dialog.showModal();
  name.focus();
}

function secretBanner(key) {
  const copy = h('button', { class: 'secondary', onclick: async () => {
    try {
      await navigator.clipboard.writeText(key.secret);
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Select and copy it by hand';
    }
  } }, 'Copy');
  return h('div', { class: 'alert success secret', role: 'status' },
    h('strong', {}, `Key "${key.name}" created. Copy it now: it will not be shown again.`),
    h('div', { class: 'secret-row' }, h('code', { class: 'secret-value' }, key.secret), copy),
    h('button', { class: 'link', onclick: (e) => e.target.closest('.secret').remove() },
      'I have copied it — hide'));
}
