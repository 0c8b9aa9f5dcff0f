import { del, get, put } from '../../api';
import { parseCredits } from '../../money';
import type { AutoTopUpState, CreditPlan } from '../../types';

/** billing's ceiling for a threshold: one billion credits. */
export const MAX_THRESHOLD_UCR = 1_000_000_000n * 1_000_000n;

export interface AutoTopUpSettings {
  thresholdUcr: bigint;
  planId: string;
}

export type AutoTopUpForm = { settings: AutoTopUpSettings } | { errors: { threshold?: string; planId?: string } };

/**
 * The form's threshold (typed in credits, kept as micro-credits) and plan, checked as the portal
 * checks them: above zero, at most a billion credits, one of the plans the customer may buy.
 */
export function readAutoTopUpForm(threshold: string, planId: string, plans: CreditPlan[]): AutoTopUpForm {
  const errors: { threshold?: string; planId?: string } = {};
  let thresholdUcr: bigint | null = null;
  try {
    thresholdUcr = parseCredits(threshold);
    if (thresholdUcr > MAX_THRESHOLD_UCR) {
      errors.threshold = 'The threshold can be at most 1,000,000,000 credits.';
    }
  } catch (e) {
    errors.threshold = (e as Error).message;
  }
  if (!plans.some((plan) => plan.planId === planId && plan.status === 'ACTIVE')) {
    errors.planId = 'Choose the credit plan to buy.';
  }
  if (errors.threshold || errors.planId || thresholdUcr == null) return { errors };
  return { settings: { thresholdUcr, planId } };
}

const STOP_REASONS: Record<string, string> = {
  CARD_DECLINED: 'the card was declined',
  CARD_INSUFFICIENT_FUNDS: 'the card has insufficient funds',
  PAYMENT_PROCESSING_ERROR: 'the payment provider failed three times',
  NO_PAYMENT_METHOD: 'there is no default payment method',
  PAYMENT_METHOD_NOT_FOUND: 'the payment method is gone',
  PLAN_NOT_AVAILABLE: 'the credit plan is no longer available',
  PLAN_NOT_FOUND: 'the credit plan is no longer available',
};

/** Why billing stopped it, in words; an unknown code is shown as it is. */
export function stopReason(code: string | null): string {
  if (!code) return 'a payment was refused';
  return STOP_REASONS[code] ?? code.toLowerCase().replace(/_/g, ' ');
}

export function statusText(state: AutoTopUpState): string {
  switch (state.status) {
    case 'OFF':
      return 'Off';
    case 'ARMED':
      return 'Active';
    case 'WAITING':
      return 'Active — bought for this drop, buys again once the balance is back above the threshold';
    case 'FAILED':
      return `Stopped: ${stopReason(state.failureCode)}. Save the settings again to restart it.`;
  }
}

/** The partner's path for one customer, or the customer's own. */
export function autoTopUpPath(customerAccountId: string | null): string {
  return customerAccountId == null
    ? '/api/portal/billing/auto-top-up'
    : `/api/portal/partner/customers/${encodeURIComponent(customerAccountId)}/auto-top-up`;
}

export function plansPath(customerAccountId: string | null): string {
  return customerAccountId == null
    ? '/api/portal/billing/credit-plans'
    : `/api/portal/partner/customers/${encodeURIComponent(customerAccountId)}/credit-plans`;
}

export const autoTopUpApi = {
  read: (path: string) => get<AutoTopUpState>(path),
  save: (path: string, settings: AutoTopUpSettings) => put<AutoTopUpState>(path, settings),
  off: (path: string) => del<void>(path),
  plans: (path: string) => get<CreditPlan[]>(path),
};
