import { del, get, post } from '../../api';
import type { AiCreditsTab, CreditPlan, Invoice, PaymentMethod, Purchase, Subscription } from '../../types';

// The signed-in tenant's own Billing & Payments in portal-bff: the account comes from the session.
export const BILLING = '/api/portal/billing';

export interface NewCard {
  number: string;
  expMonth: number;
  expYear: number;
}

export const billingApi = {
  methods: () => get<PaymentMethod[]>(`${BILLING}/payment-methods`),
  addMethod: (card: NewCard) => post<PaymentMethod>(`${BILLING}/payment-methods`, card),
  makeDefault: (methodId: string) =>
    post<PaymentMethod>(`${BILLING}/payment-methods/${encodeURIComponent(methodId)}/default`, {}),
  deleteMethod: (methodId: string) => del<void>(`${BILLING}/payment-methods/${encodeURIComponent(methodId)}`),
  invoices: () => get<Invoice[]>(`${BILLING}/invoices`),
  payInvoice: (invoiceId: string, paymentMethodId: string | null) =>
    post<Invoice>(`${BILLING}/invoices/${encodeURIComponent(invoiceId)}/pay`, { paymentMethodId }),
  invoicePage: (invoiceId: string) => `${BILLING}/invoices/${encodeURIComponent(invoiceId)}/page`,
  invoicePdf: (invoiceId: string) => `${BILLING}/invoices/${encodeURIComponent(invoiceId)}/pdf`,
  plans: () => get<CreditPlan[]>(`${BILLING}/credit-plans`),
  purchases: () => get<Purchase[]>(`${BILLING}/purchases`),
  buyPlan: (commandId: string, planId: string, paymentMethodId: string | null) =>
    post<Purchase>(`${BILLING}/purchases`, { commandId, planId, paymentMethodId }),
  quickBuy: (commandId: string, amountUsdCents: bigint, paymentMethodId: string | null) =>
    post<Purchase>(`${BILLING}/quick-buy`, { commandId, amountUsdCents, paymentMethodId }),
  subscriptions: () => get<Subscription[]>(`${BILLING}/subscriptions`),
  subscribe: (commandId: string, planId: string, paymentMethodId: string | null) =>
    post<Subscription>(`${BILLING}/subscriptions`, { commandId, planId, paymentMethodId }),
  cancel: (subscriptionId: string) =>
    post<Subscription>(`${BILLING}/subscriptions/${encodeURIComponent(subscriptionId)}/cancel`, {}),
  aiCredits: () => get<AiCreditsTab>(`${BILLING}/ai-credits`),
};

export function methodLabel(method: PaymentMethod): string {
  const brand = method.brand ? method.brand[0].toUpperCase() + method.brand.slice(1) : 'Card';
  return `${brand} •••• ${method.last4} (${String(method.expMonth).padStart(2, '0')}/${method.expYear})`;
}

export function statusBadge(status: string): string {
  return `status-${status.toLowerCase().replace(/_/g, '-')}`;
}

export function humanStatus(status: string): string {
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}
