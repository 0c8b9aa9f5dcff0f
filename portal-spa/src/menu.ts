import type { MenuItem, Me, Role } from './types';

// The pages this SPA has, per role, by the server's menu item id. The sidebar is the server's menu
// model (R1, R3, R5) less the items whose page does not exist yet: an entry without a page is
// left out rather than drawn as a placeholder, and appears once its page is added here.
export const PAGES: Record<Role, readonly string[]> = {
  PARTNER: ['dashboard', 'customers', 'ai-gateway', 'billing', 'credit-plans', 'team', 'audit'],
  CUSTOMER: ['dashboard', 'usage', 'conversations', 'billing', 'ai-gateway', 'team', 'audit'],
};

export const SECTION_HEADINGS: Record<string, string | null> = {
  main: null,
  settings: 'Settings & Security',
};

export interface MenuSection {
  section: string;
  heading: string | null;
  items: MenuItem[];
}

export function visibleMenu(me: Pick<Me, 'role' | 'menu'>): MenuSection[] {
  const built = new Set(PAGES[me.role] ?? []);
  const sections: MenuSection[] = [];
  for (const item of me.menu) {
    if (!built.has(item.id)) continue;
    let section = sections.find((s) => s.section === item.section);
    if (!section) {
      section = {
        section: item.section,
        heading: item.section in SECTION_HEADINGS ? SECTION_HEADINGS[item.section] : item.section,
        items: [],
      };
      sections.push(section);
    }
    section.items.push(item);
  }
  return sections;
}

/** Whether the signed-in user may open the page with this menu id. */
export function mayOpen(me: Pick<Me, 'role' | 'menu'>, id: string): boolean {
  return visibleMenu(me).some((s) => s.items.some((i) => i.id === id));
}

/** The menu id a path belongs to: /customers/customer:bistro → customers. */
export function menuIdOf(pathname: string): string {
  const first = pathname.replace(/^\/+/, '').split('/')[0];
  return first || 'dashboard';
}
