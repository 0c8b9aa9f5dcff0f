import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { badgeText } from '../notifications';
import { NotificationBell } from './NotificationBell';

function answer(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const ITEMS = [
  {
    itemId: 3,
    alertId: 'a3',
    kind: 'KEY_SUSPENDED',
    title: 'A key of Bistro was suspended',
    body: 'Bistro’s key My app is suspended.',
    createdAt: '2026-11-23T06:02:00Z',
    read: false,
  },
  {
    itemId: 2,
    alertId: 'a2',
    kind: 'LOW_CREDIT',
    title: 'Bistro is low on AI credits',
    body: 'Bistro has 9.50 AI credits left.',
    createdAt: '2026-11-23T06:01:00Z',
    read: false,
  },
  {
    itemId: 1,
    alertId: 'a1',
    kind: 'RESERVE_WARNING',
    title: 'Platform credits are running low',
    body: 'Acme has 1,900 platform credits left.',
    createdAt: '2026-11-23T06:00:00Z',
    read: true,
  },
];

/** A feed the fake server keeps: reads, marks, and records every call. */
function feedServer(unread = 2) {
  const state = { unread, items: ITEMS.map((i) => ({ ...i })) };
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (url === '/api/portal/notifications/unread') return answer(200, { unreadCount: state.unread });
    if (url.startsWith('/api/portal/notifications?')) {
      return answer(200, { unreadCount: state.unread, items: state.items, nextBefore: null });
    }
    if (method === 'POST' && url === '/api/portal/notifications/read') {
      state.items.forEach((i) => (i.read = true));
      state.unread = 0;
      return answer(204);
    }
    const one = /^\/api\/portal\/notifications\/(\d+)\/read$/.exec(url);
    if (method === 'POST' && one) {
      const item = state.items.find((i) => i.itemId === Number(one[1]));
      if (item && !item.read) {
        item.read = true;
        state.unread--;
      }
      return answer(204);
    }
    return answer(404, { code: 'ROUTE_NOT_FOUND' });
  });
  return { state, fetch };
}

describe('the notification bell', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread count on a labelled button', async () => {
    vi.stubGlobal('fetch', feedServer(2).fetch);
    render(<NotificationBell />);

    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByTestId('bell-badge')).toHaveTextContent('2');
  });

  it('shows no badge when nothing is unread', async () => {
    const server = feedServer(0);
    vi.stubGlobal('fetch', server.fetch);
    render(<NotificationBell />);

    await waitFor(() => expect(server.fetch).toHaveBeenCalled());
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
    expect(screen.queryByTestId('bell-badge')).toBeNull();
  });

  it('polls the count, and asks again when the window gets focus', async () => {
    const server = feedServer(1);
    vi.stubGlobal('fetch', server.fetch);
    render(<NotificationBell pollMs={40} />);
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });

    server.state.unread = 4;
    expect(await screen.findByRole('button', { name: 'Notifications, 4 unread' })).toBeInTheDocument();

    server.state.unread = 7;
    const calls = server.fetch.mock.calls.length;
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(server.fetch.mock.calls.length).toBeGreaterThan(calls));
    expect(await screen.findByRole('button', { name: 'Notifications, 7 unread' })).toBeInTheDocument();
  });

  it('opens a panel of the newest items with their time and an unread marker', async () => {
    vi.stubGlobal('fetch', feedServer(2).fetch);
    render(<NotificationBell />);
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });

    await userEvent.click(bell);

    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    const items = await within(panel).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Unread: A key of Bistro was suspended');
    expect(items[0]).toHaveTextContent('Bistro’s key My app is suspended.');
    expect(items[0].querySelector('time')).toHaveAttribute('dateTime', '2026-11-23T06:02:00Z');
    expect(items[2]).not.toHaveTextContent('Unread');
  });

  it('marks an item read when it is clicked, and lowers the count', async () => {
    const server = feedServer(2);
    vi.stubGlobal('fetch', server.fetch);
    render(<NotificationBell />);
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });

    await userEvent.click(await within(panel).findByRole('button', { name: /Bistro is low on AI credits/ }));

    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    const marked = server.fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(marked?.[0]).toBe('/api/portal/notifications/2/read');
    expect((marked?.[1]?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('t');
    expect(within(panel).getByRole('button', { name: /Bistro is low on AI credits/ })).not.toHaveTextContent('Unread');
  });

  it('marks all read, which clears the badge', async () => {
    vi.stubGlobal('fetch', feedServer(2).fetch);
    render(<NotificationBell />);
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    await within(panel).findAllByRole('listitem');

    await userEvent.click(within(panel).getByRole('button', { name: 'Mark all read' }));

    await screen.findByRole('button', { name: 'Notifications, none unread' });
    expect(screen.queryByTestId('bell-badge')).toBeNull();
    expect(within(panel).queryByText(/Unread:/)).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('works from the keyboard: Enter opens, Escape closes and gives focus back', async () => {
    vi.stubGlobal('fetch', feedServer(2).fetch);
    render(<NotificationBell />);
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });

    await userEvent.tab();
    expect(bell).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(within(panel).getByRole('heading', { name: 'Notifications' })).toHaveFocus();
    await within(panel).findAllByRole('listitem');
    await userEvent.tab();
    expect(within(panel).getByRole('button', { name: 'Mark all read' })).toHaveFocus();

    await userEvent.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bell).toHaveFocus();
  });

  it('keeps the last count when a poll fails', async () => {
    const server = feedServer(3);
    vi.stubGlobal('fetch', server.fetch);
    render(<NotificationBell pollMs={40} />);
    await screen.findByRole('button', { name: 'Notifications, 3 unread' });

    server.fetch.mockImplementation(async () => answer(502, { code: 'DOWNSTREAM_UNAVAILABLE' }));
    const calls = server.fetch.mock.calls.length;
    await waitFor(() => expect(server.fetch.mock.calls.length).toBeGreaterThan(calls));

    expect(screen.getByRole('button', { name: 'Notifications, 3 unread' })).toBeInTheDocument();
  });

  it('shows 99+ past 99', () => {
    expect(badgeText(5)).toBe('5');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
