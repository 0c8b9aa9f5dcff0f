import { h, mount } from './dom.js';
import { ApiProblem, del, get, whenSignedOut } from './api.js';
import { loginView } from './views/login.js';
import { customerDetail, partnerDashboard } from './views/partner.js';
import {
  billingPage, conversationsPage, customerDashboard, settingsPage, usagePage,
} from './views/customer.js';
import { gatewayPage } from './views/gateway.js';
import { problemBox } from './views/common.js';

const app = document.getElementById('app');
let me = null;

// Routes by the hash (#/billing/ai-credits); a page not in the user's menu is not drawn.
const CUSTOMER_PAGES = {
  dashboard: () => customerDashboard(me),
  usage: () => usagePage(),
  conversations: () => conversationsPage(),
  settings: () => settingsPage(),
  billing: (tab) => billingPage(me, tab),
  'ai-gateway': () => gatewayPage(me),
};

async function start() {
  try {
    me = await get('/api/portal/me');
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) {
      showLogin();
      return;
    }
    mount(app, h('main', { class: 'login' }, problemBox(error)));
    return;
  }
  render();
}

function showLogin() {
  me = null;
  if (location.hash) history.replaceState(null, '', '/');
  mount(app, loginView(start));
}

function route() {
  const [page = 'dashboard', ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { page, rest: rest.map(decodeURIComponent) };
}

async function render() {
  if (!me) return;
  const { page, rest } = route();
  const content = h('div', { class: 'content' }, h('p', { class: 'loading' }, 'Loading…'));
  mount(app, h('div', { class: 'shell' }, sidebar(page), content));
  try {
    content.replaceChildren(await pageFor(page, rest));
  } catch (error) {
    if (error.status !== 401) content.replaceChildren(problemBox(error));
  }
}

async function pageFor(page, rest) {
  const allowed = me.menu.some((item) => item.id === page);
  if (me.role === 'PARTNER') {
    if (page === 'customers' && rest[0]) return customerDetail(me, rest[0]);
    return partnerDashboard(me);
  }
  if (!allowed) return customerDashboard(me);
  return CUSTOMER_PAGES[page](rest[0]);
}

function sidebar(current) {
  const active = current === 'customers' ? 'dashboard' : current;
  const sections = [
    ['main', null],
    ['settings', 'Settings & Security'],
  ];
  return h('aside', { class: 'sidebar' },
    h('div', { class: 'brand' }, h('span', { class: 'logo' }, 'L'), 'Ledgerline'),
    h('div', { class: 'who' }, h('strong', {}, me.displayName),
      h('span', { class: 'muted small' }, me.role === 'PARTNER' ? 'Partner portal'
        : 'Customer portal')),
    sections.map(([section, heading]) => {
      const items = me.menu.filter((item) => item.section === section);
      if (items.length === 0) return null;
      return h('nav', { 'aria-label': heading ?? 'Main' },
        heading ? h('div', { class: 'nav-heading' }, heading) : null,
        items.map((item) => h('a', {
          href: `#/${item.id}`, class: item.id === active ? 'nav active' : 'nav',
          'aria-current': item.id === active ? 'page' : null,
        }, item.label)));
    }),
    h('div', { class: 'sidebar-foot' },
      h('div', { class: 'muted small' }, me.email),
      h('button', { class: 'link', onclick: signOut }, 'Sign out')));
}

async function signOut() {
  try {
    await del('/api/portal/session');
  } finally {
    showLogin();
  }
}

whenSignedOut(showLogin);
window.addEventListener('hashchange', render);
start();
