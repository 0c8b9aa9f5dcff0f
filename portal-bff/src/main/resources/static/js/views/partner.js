import { h, mount, newCommandId } from '../dom.js';
import { get, post, put } from '../api.js';
import { formatCredits, parseCredits } from '../money.js';
import { barChart } from '../chart.js';
import { credits, formatDate, historyPanel, problemBox, stat } from './common.js';

const READ_SIDE_CATCH_UP_MS = 1500;

export async function partnerDashboard(me) {
  const [account, customers] = await Promise.all([
    get(`/api/portal/accounts/${encodeURIComponent(me.accountId)}`),
    get('/api/portal/partner/customers'),
  ]);
  const withCredits = customers.filter((c) => c.aiCreditsEnabled);
  return h('section', { class: 'page' },
    h('h1', {}, `${account.displayName} — partner dashboard`),
    h('div', { class: 'stats' },
      stat('Available platform credits', credits(account.balanceUcr),
        `Last updated ${formatDate(account.lastUpdated)}`),
      stat('Reserved platform credits', credits(account.reservedUcr),
        'Key budgets and the 1,000-credit deposit of each customer-created key'),
      stat('Customers', String(customers.length),
        `${withCredits.length} with AI credits enabled`)),
    h('div', { class: 'grid-2' },
      h('div', { class: 'card' }, h('h2', {}, 'Customers'), customersTable(customers)),
      h('div', { class: 'card' }, h('h2', {}, 'AI-credit balances'),
        withCredits.length === 0 ? h('p', { class: 'muted' }, 'No customer uses AI credits yet.')
          : barChart(withCredits.map((c) => ({ label: c.displayName, ucr: c.balanceUcr })),
            { title: 'AI-credit balance per customer' }))),
    await selfServiceCard());
}

function customersTable(customers) {
  if (customers.length === 0) return h('p', { class: 'muted' }, 'No customers yet.');
  return h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Customer'), h('th', {}, 'AI credits'),
      h('th', { class: 'num' }, 'Balance'), h('th', {}, 'Last updated'), h('th', {}, ''))),
    h('tbody', {}, customers.map((c) => h('tr', {},
      h('td', {}, h('div', {}, c.displayName), h('div', { class: 'muted small' }, c.accountId)),
      h('td', {}, c.aiCreditsEnabled ? h('span', { class: 'badge on' }, 'Enabled')
        : h('span', { class: 'badge off', title: 'Its usage draws on your platform credits' },
          'Off')),
      h('td', { class: 'num' }, c.aiCreditsEnabled ? formatCredits(c.balanceUcr) : '—'),
      h('td', { class: 'date' }, formatDate(c.lastUpdated)),
      h('td', {}, h('a', { class: 'button secondary',
        href: `#/customers/${encodeURIComponent(c.accountId)}` }, 'Manage'))))));
}

async function selfServiceCard() {
  const box = h('div', { class: 'card' });
  let settings;
  try {
    settings = await get('/api/portal/partner/self-service');
  } catch (error) {
    box.append(h('h2', {}, 'Customer Self-Service API Keys'), problemBox(error));
    return box;
  }
  const toggle = h('input', { type: 'checkbox', checked: settings.selfServiceEnabled,
    onchange: async () => {
      toggle.disabled = true;
      try {
        await put('/api/portal/partner/self-service', { enabled: toggle.checked });
      } catch (error) {
        toggle.checked = !toggle.checked;
        box.append(problemBox(error));
      }
      toggle.disabled = false;
    } });
  box.append(h('h2', {}, 'Customer Self-Service API Keys'),
    h('label', { class: 'switch' }, toggle,
      ' Let customers with AI credits create their own AI Gateway keys'),
    h('p', { class: 'muted small' }, 'Each customer-created key reserves 1,000 platform '
      + 'credits from your balance as a deposit; below 1,000 available credits those keys are '
      + 'suspended until you top up.'));
  return box;
}

export async function customerDetail(me, accountId) {
  const account = await get(`/api/portal/accounts/${encodeURIComponent(accountId)}`);
  const history = account.aiCreditsEnabled
    ? historyPanel(accountId, { title: 'Credit history' }) : null;
  const page = h('section', { class: 'page' });
  const header = h('div', {});
  // The command's own answer carries the new balance; the ledger's read side (account view and
  // history) may show it a moment later, so the history is read again shortly after.
  async function refresh(result) {
    const fresh = await get(`/api/portal/accounts/${encodeURIComponent(accountId)}`);
    const balanceUcr = result?.balanceUcr ?? fresh.balanceUcr;
    header.replaceChildren(summary({ ...fresh, balanceUcr }));
    await history?.refresh();
    setTimeout(() => history?.refresh(), READ_SIDE_CATCH_UP_MS);
  }
  header.replaceChildren(summary(account));
  mount(page,
    h('a', { href: '#/dashboard', class: 'back' }, '← All customers'),
    h('h1', {}, account.displayName, ' ', h('span', { class: 'muted' }, account.accountId)),
    header,
    account.aiCreditsEnabled
      ? h('div', { class: 'grid-2' },
        adjustmentForm(accountId, 'add', refresh), adjustmentForm(accountId, 'deduct', refresh))
      : h('div', { class: 'alert info' }, 'AI credits are not enabled for this customer: its '
        + 'usage draws on your platform credits directly (it shows in your own history), and '
        + 'credits cannot be added.'),
    history);
  return page;
}

function summary(account) {
  return h('div', { class: 'stats' },
    stat('Current balance', account.aiCreditsEnabled ? credits(account.balanceUcr) : '—',
      account.aiCreditsEnabled ? 'AI credits' : 'AI credits off'),
    stat('Last updated', formatDate(account.lastUpdated)),
    stat('Low-credit threshold', account.lowCreditThresholdUcr == null ? '—'
      : credits(account.lowCreditThresholdUcr)));
}

// R13: add with a note, deduct with a reason. The command id is drawn once per submission and
// kept until it succeeds, so a double click or a retry cannot add twice.
function adjustmentForm(accountId, kind, onDone) {
  const adding = kind === 'add';
  const amount = h('input', { name: 'amount', inputmode: 'decimal', required: true,
    placeholder: 'e.g. 100 or 12.5' });
  const note = h('input', { name: 'note', required: true, maxlength: 500,
    placeholder: adding ? 'Monthly package - 1000 credits' : 'Refund for failed calls' });
  const message = h('div', {});
  const submit = h('button', { type: 'submit', class: adding ? '' : 'danger' },
    adding ? 'Add credits' : 'Deduct credits');
  let commandId = newCommandId();
  let pending = false;

  async function send(event) {
    event.preventDefault();
    if (pending) return;
    message.replaceChildren();
    let amountUcr;
    try {
      amountUcr = parseCredits(amount.value);
    } catch (error) {
      message.replaceChildren(problemBox(error));
      return;
    }
    pending = true;
    submit.disabled = true;
    try {
      const result = await post(`/api/portal/partner/customers/${encodeURIComponent(accountId)}/`
        + (adding ? 'credits' : 'deductions'), { commandId, amountUcr, note: note.value });
      message.replaceChildren(h('div', { class: 'alert success' },
        `${adding ? 'Added' : 'Deducted'} ${formatCredits(amountUcr)} credits.`));
      commandId = newCommandId();
      amount.value = '';
      note.value = '';
      await onDone(result);
    } catch (error) {
      message.replaceChildren(problemBox(error));
      // A refusal is final for this submission; a lost answer (network, 5xx) is retried with
      // the same id, so the ledger applies it at most once.
      if (error.status >= 400 && error.status < 500) commandId = newCommandId();
    } finally {
      pending = false;
      submit.disabled = false;
    }
  }
  return h('form', { class: 'card form', onsubmit: send },
    h('h2', {}, adding ? 'Add credits' : 'Deduct credits'),
    h('label', {}, 'Amount (credits)', amount),
    h('label', {}, adding ? 'Note' : 'Reason', note),
    message, submit);
}
