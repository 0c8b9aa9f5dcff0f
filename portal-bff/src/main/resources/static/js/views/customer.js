import { h } from '../dom.js';
import { get } from '../api.js';
import { credits, formatDate, historyPanel, placeholder, stat } from './common.js';

export async function customerDashboard(me) {
  const account = await get(`/api/portal/accounts/${encodeURIComponent(me.accountId)}`);
  return h('section', { class: 'page' },
    h('h1', {}, `Welcome, ${account.displayName}`),
    h('div', { class: 'stats' },
      account.aiCreditsEnabled
        ? stat('AI credits', credits(account.balanceUcr),
          `Last updated ${formatDate(account.lastUpdated)}`)
        : stat('AI credits', 'Not enabled', 'Your provider bills your usage directly'),
      stat('Account', account.accountId)),
    h('div', { class: 'card placeholder' },
      h('span', { class: 'badge soon' }, 'Not built yet'),
      h('p', {}, 'Your agents, call volume and recent activity will appear here.'),
      account.aiCreditsEnabled
        ? h('a', { class: 'button secondary', href: '#/billing/ai-credits' },
          'See your AI-credit transactions')
        : null));
}

export const usagePage = () => placeholder('Detailed Usage',
  'Usage per agent, per day and per kind (call minutes, LLM/STT/TTS, tool calls) will appear '
  + 'here. Every charge is already in your AI-credit transactions under Billing & Payments.');

export const conversationsPage = () => placeholder('Conversations',
  'Transcripts and recordings of your agents\' calls and chats will appear here.');

export const settingsPage = () => placeholder('Settings',
  'Your profile, team members and notification preferences will appear here.');

const BILLING_TABS = [
  ['invoices', 'Invoices', 'Your invoice history, hosted invoice pages and payment status.'],
  ['subscriptions', 'Subscriptions', 'Active subscriptions, billing periods and next billing '
    + 'dates, with cancel for eligible ones.'],
  ['usage', 'Usage', 'Customer-side usage reporting.'],
  ['ai-credits', 'AI Credits', null],
  ['payment-methods', 'Payment Methods', 'Add a payment method, set the default (auto-charged '
    + 'for new invoices) or delete one.'],
];

export async function billingPage(me, tab = 'ai-credits') {
  const current = BILLING_TABS.find(([id]) => id === tab) ?? BILLING_TABS[3];
  const body = current[0] === 'ai-credits' ? await aiCreditsTab(me)
    : h('div', { class: 'card placeholder' }, h('span', { class: 'badge soon' }, 'Not built yet'),
      h('p', {}, `${current[2]} This tab will show it.`));
  return h('section', { class: 'page' },
    h('h1', {}, 'Billing & Payments'),
    h('nav', { class: 'tabs', 'aria-label': 'Billing tabs' }, BILLING_TABS.map(([id, label]) =>
      h('a', { href: `#/billing/${id}`, class: id === current[0] ? 'tab active' : 'tab',
        'aria-current': id === current[0] ? 'page' : null }, label))),
    body);
}

async function aiCreditsTab(me) {
  const account = await get(`/api/portal/accounts/${encodeURIComponent(me.accountId)}`);
  if (!account.aiCreditsEnabled) {
    return h('div', { class: 'alert info' }, 'AI credits are not enabled for your account. '
      + 'Your provider bills your usage directly; ask them if you would like prepaid credits.');
  }
  const low = account.lowCreditThresholdUcr != null
    && account.balanceUcr <= account.lowCreditThresholdUcr;
  return h('div', { class: 'stack' },
    h('div', { class: 'stats' },
      stat('Current balance', credits(account.balanceUcr),
        low ? 'Below your low-credit threshold' : 'AI credits'),
      stat('Last updated', formatDate(account.lastUpdated)),
      stat('Purchase credits', h('span', { class: 'muted' }, 'Ask your provider'),
        'Credit plans for self-service top-ups are not built yet')),
    historyPanel(me.accountId, { title: 'Recent transactions' }));
}
