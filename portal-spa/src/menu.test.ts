import { mayOpen, menuIdOf, visibleMenu } from './menu';
import type { MenuItem } from './types';

const item = (id: string, label: string, section = 'main'): MenuItem => ({ id, label, section });

describe('the sidebar from the server menu', () => {
  it('keeps the server order and sections, dropping entries that have no page yet', () => {
    const sections = visibleMenu({
      role: 'CUSTOMER',
      menu: [
        item('dashboard', 'Dashboard'),
        item('usage', 'Detailed Usage'),
        item('conversations', 'Conversations'),
        item('settings', 'Settings', 'settings'),
        item('billing', 'Billing & Payments', 'settings'),
        item('ai-gateway', 'AI Gateway', 'settings'),
      ],
    });
    expect(sections).toEqual([
      {
        section: 'main',
        heading: null,
        items: [
          item('dashboard', 'Dashboard'),
          item('usage', 'Detailed Usage'),
          item('conversations', 'Conversations'),
        ],
      },
      {
        section: 'settings',
        heading: 'Settings & Security',
        items: [item('billing', 'Billing & Payments', 'settings'), item('ai-gateway', 'AI Gateway', 'settings')],
      },
    ]);
  });

  it('shows no AI Gateway the server did not put in the menu (R5)', () => {
    const me = { role: 'CUSTOMER' as const, menu: [item('dashboard', 'Dashboard')] };
    expect(mayOpen(me, 'ai-gateway')).toBe(false);
    expect(mayOpen(me, 'dashboard')).toBe(true);
  });

  it('gives a partner its own pages only', () => {
    const me = {
      role: 'PARTNER' as const,
      menu: [item('dashboard', 'Dashboard'), item('customers', 'Customers'), item('ai-gateway', 'AI Gateway')],
    };
    expect(visibleMenu(me)[0].items.map((i) => i.id)).toEqual(['dashboard', 'customers', 'ai-gateway']);
  });

  it('maps a deep link to its menu entry', () => {
    expect(menuIdOf('/customers/customer:bistro')).toBe('customers');
    expect(menuIdOf('/')).toBe('dashboard');
  });
});
