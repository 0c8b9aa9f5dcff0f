import { h, formatDate } from '../dom.js';
import { formatCredits } from '../money.js';
import { get } from '../api.js';
import { balanceChart } from '../chart.js';

export const HISTORY_PAGE_SIZE = 20;

export function stat(label, value, hint) {
  return h('div', { class: 'stat' },
    h('div', { class: 'stat-label' }, label),
    h('div', { class: 'stat-value' }, value),
    hint ? h('div', { class: 'stat-hint' }, hint) : null);
}

export function credits(ucr) {
  return h('span', { class: ucr < 0n ? 'amount negative' : 'amount' },
    formatCredits(ucr), h('span', { class: 'unit' }, ' credits'));
}

export function problemBox(error) {
  return h('div', { class: 'alert error', role: 'alert' },
    h('strong', {}, error.code ? `${error.code}: ` : ''), error.message);
}

export function placeholder(title, what) {
  return h('section', { class: 'page' },
    h('h1', {}, title),
    h('div', { class: 'card placeholder' },
      h('span', { class: 'badge soon' }, 'Not built yet'),
      h('p', {}, what)));
}

// A card with the balance chart and a paged history table; reloads itself on `refresh()`.
export function historyPanel(accountId, { title = 'Transactions' } = {}) {
  const chartBox = h('div', { class: 'chart-box' });
  const tableBox = h('div', {});
  const pager = h('div', { class: 'pager' });
  let page = 0;

  async function load() {
    try {
      const [history, chartHistory] = await Promise.all([
        get(historyPath(accountId, page, HISTORY_PAGE_SIZE)),
        get(historyPath(accountId, 0, 100)),
      ]);
      const points = chartHistory.rows.slice().reverse()
        .map((row) => ({ at: row.occurredAt, ucr: row.balanceAfterUcr }));
      chartBox.replaceChildren(balanceChart(points, { title: 'Balance over time' }));
      tableBox.replaceChildren(historyTable(history.rows));
      const pages = Math.max(1, Math.ceil(history.totalRows / HISTORY_PAGE_SIZE));
      pager.replaceChildren(
        h('button', { class: 'secondary', disabled: page === 0,
          onclick: () => { page -= 1; load(); } }, '← Newer'),
        h('span', {}, `Page ${page + 1} of ${pages} · ${history.totalRows} transactions`),
        h('button', { class: 'secondary', disabled: page + 1 >= pages,
          onclick: () => { page += 1; load(); } }, 'Older →'));
    } catch (error) {
      tableBox.replaceChildren(problemBox(error));
    }
  }
  load();
  const panel = h('div', { class: 'stack' },
    h('div', { class: 'card' }, h('h2', {}, 'Balance over time'), chartBox),
    h('div', { class: 'card' }, h('h2', {}, title), tableBox, pager));
  panel.refresh = () => { page = 0; return load(); };
  return panel;
}

function historyPath(accountId, page, size) {
  return `/api/portal/accounts/${encodeURIComponent(accountId)}/history?page=${page}&size=${size}`;
}

// The ledger signs history amounts (a deduction is negative); shown with an explicit sign.
function signed(ucr) {
  return ucr > 0n ? `+${formatCredits(ucr)}` : formatCredits(ucr);
}

export function historyTable(rows) {
  if (rows.length === 0) return h('p', { class: 'muted' }, 'No transactions yet.');
  return h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, ['Type', 'Amount', 'Balance after', 'Note', 'Date']
      .map((c, i) => h('th', { class: i === 1 || i === 2 ? 'num' : '' }, c)))),
    h('tbody', {}, rows.map((row) => h('tr', {},
      h('td', {}, h('span', { class: `badge type-${row.type.toLowerCase()}` }, row.type)),
      h('td', { class: row.amountUcr < 0n ? 'num negative' : 'num positive' },
        signed(row.amountUcr)),
      h('td', { class: 'num' }, formatCredits(row.balanceAfterUcr)),
      h('td', { class: 'note' }, row.note ?? ''),
      h('td', { class: 'date' }, formatDate(row.occurredAt))))));
}

export { formatDate };
