// The signed-in tenant's notification feed, through portal-bff: the account is the session's,
// so no path here names one.
import { get, post } from './api';

export interface FeedItem {
  itemId: number;
  alertId: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

export interface FeedPage {
  unreadCount: number;
  items: FeedItem[];
  nextBefore: number | null;
}

const BASE = '/api/portal/notifications';

export const PANEL_SIZE = 10;

export function feedPage(before?: number | null, size = PANEL_SIZE): Promise<FeedPage> {
  const query = new URLSearchParams({ size: String(size) });
  if (before != null) query.set('before', String(before));
  return get<FeedPage>(`${BASE}?${query}`);
}

export async function unreadCount(): Promise<number> {
  return (await get<{ unreadCount: number }>(`${BASE}/unread`)).unreadCount;
}

export const markRead = (itemId: number) => post<void>(`${BASE}/${encodeURIComponent(String(itemId))}/read`, undefined);

export const markAllRead = () => post<void>(`${BASE}/read`, undefined);

/** What the badge shows: the count, or 99+ past that. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
