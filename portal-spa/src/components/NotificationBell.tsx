import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatDate } from '../format';
import { badgeText, feedPage, markAllRead, markRead, unreadCount, type FeedItem } from '../notifications';
import { ProblemAlert, Spinner } from './ui';

/** Polling is enough for a bell; a live push would replace it. */
export const POLL_MS = 30_000;

/**
 * The top bar's notification bell: the unread count, polled and refreshed when the window gets
 * focus, and a panel of the newest items where one click marks an item read.
 */
export function NotificationBell({ pollMs = POLL_MS }: { pollMs?: number }) {
  const [count, setCount] = useState(0);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(async () => {
    try {
      setCount(await unreadCount());
    } catch {
      // The next poll tries again; the badge keeps its last count meanwhile.
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), pollMs);
    const onFocus = () => void refresh();
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, pollMs]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    // On the document, not the panel: a button that was just disabled leaves focus on the body.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const focus = document.activeElement;
      if (focus && focus !== document.body && !root.current?.contains(focus)) return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;
  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        ref={toggle}
        className="bell-toggle"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="bell-badge" data-testid="bell-badge" aria-hidden="true">
            {badgeText(count)}
          </span>
        ) : null}
      </button>
      {open ? (
        <section id={panelId} className="bell-panel" role="dialog" aria-labelledby={headingId}>
          <FeedPanel headingId={headingId} unread={count} onCount={setCount} />
        </section>
      ) : null}
    </div>
  );
}

interface FeedPanelProps {
  headingId: string;
  unread: number;
  onCount: (count: number) => void;
}

function FeedPanel({ headingId, unread, onCount }: FeedPanelProps) {
  const [items, setItems] = useState<FeedItem[]>();
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (before: number | null) => {
      setBusy(true);
      try {
        const page = await feedPage(before);
        setItems((shown) => (before == null ? page.items : [...(shown ?? []), ...page.items]));
        setNextBefore(page.nextBefore);
        onCount(page.unreadCount);
        setError(null);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [onCount],
  );

  useEffect(() => {
    heading.current?.focus();
    void load(null);
  }, [load]);

  async function open(item: FeedItem) {
    if (item.read) return;
    try {
      await markRead(item.itemId);
      setItems((shown) => shown?.map((i) => (i.itemId === item.itemId ? { ...i, read: true } : i)));
      onCount(Math.max(0, unread - 1));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }

  async function readAll() {
    setBusy(true);
    try {
      await markAllRead();
      setItems((shown) => shown?.map((i) => ({ ...i, read: true })));
      onCount(0);
      setError(null);
      heading.current?.focus();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="bell-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Notifications
        </h2>
        <button type="button" className="link" disabled={busy || unread === 0} onClick={() => void readAll()}>
          Mark all read
        </button>
      </div>
      {error ? <ProblemAlert error={error} /> : null}
      {items === undefined ? (
        busy ? <Spinner label="Loading notifications…" /> : null
      ) : items.length === 0 ? (
        <p className="muted bell-empty">No notifications yet.</p>
      ) : (
        <ul className="bell-list" aria-label="Newest notifications">
          {items.map((item) => (
            <li key={item.itemId}>
              <button
                type="button"
                className={item.read ? 'bell-item' : 'bell-item unread'}
                onClick={() => void open(item)}
              >
                <span className="bell-title">
                  {item.read ? null : (
                    <>
                      <span className="bell-dot" aria-hidden="true" />
                      <span className="visually-hidden">Unread: </span>
                    </>
                  )}
                  {item.title}
                </span>
                <span className="bell-body">
                  {item.body}
                </span>
                <time className="bell-time" dateTime={item.createdAt}>
                  {formatDate(item.createdAt)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      )}
      {nextBefore != null ? (
        <button type="button" className="secondary wide" disabled={busy} onClick={() => void load(nextBefore)}>
          Older notifications
        </button>
      ) : null}
    </>
  );
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
