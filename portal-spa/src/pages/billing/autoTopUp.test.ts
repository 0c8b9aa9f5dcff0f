import { describe, expect, it } from 'vitest';
import { stringifyJson } from '../../api';
import type { AutoTopUpState, CreditPlan } from '../../types';
import { MAX_THRESHOLD_UCR, readAutoTopUpForm, statusText, stopReason } from './autoTopUp';

const plan = (planId: string, status: 'ACTIVE' | 'ARCHIVED' = 'ACTIVE'): CreditPlan => ({
  planId,
  name: planId,
  priceUsdCents: 6000,
  aiCreditsUcr: 100_000_000n,
  status,
  interval: null,
  createdAt: '2026-12-01T10:00:00Z',
});
const plans = [plan('plan-starter'), plan('plan-old', 'ARCHIVED')];

describe('auto top-up form (R21)', () => {
  it('R21: converts the credits typed into micro-credits without floating point', () => {
    expect(readAutoTopUpForm('50', 'plan-starter', plans)).toEqual({
      settings: { thresholdUcr: 50_000_000n, planId: 'plan-starter' },
    });
    expect(readAutoTopUpForm(' 1,000.000001 ', 'plan-starter', plans)).toEqual({
      settings: { thresholdUcr: 1_000_000_001n, planId: 'plan-starter' },
    });
    expect(readAutoTopUpForm('0.1', 'plan-starter', plans)).toEqual({
      settings: { thresholdUcr: 100_000n, planId: 'plan-starter' },
    });
  });

  it('R21: sends the threshold as a JSON integer with every digit', () => {
    const form = readAutoTopUpForm('999999999.999999', 'plan-starter', plans);
    expect('settings' in form && stringifyJson(form.settings)).toBe(
      '{"thresholdUcr":999999999999999,"planId":"plan-starter"}',
    );
  });

  it.each([
    ['', 'Enter a positive amount'],
    ['-5', 'Enter a positive amount'],
    ['0', 'above zero'],
    ['1.0000001', 'Enter a positive amount'],
    ['1e3', 'Enter a positive amount'],
    ['abc', 'Enter a positive amount'],
    ['1000000001', 'at most 1,000,000,000'],
  ])('R21: refuses the threshold %j', (typed, message) => {
    const form = readAutoTopUpForm(typed, 'plan-starter', plans);
    expect('errors' in form && form.errors.threshold).toContain(message);
  });

  it('R21: takes the ceiling itself and only an active plan the customer may buy', () => {
    expect(readAutoTopUpForm('1000000000', 'plan-starter', plans)).toEqual({
      settings: { thresholdUcr: MAX_THRESHOLD_UCR, planId: 'plan-starter' },
    });
    for (const planId of ['', 'plan-old', 'plan-globex']) {
      const form = readAutoTopUpForm('5', planId, plans);
      expect('errors' in form && form.errors.planId).toBe('Choose the credit plan to buy.');
    }
  });

  it('R21: says why a stopped auto top-up stopped, in words', () => {
    const stopped: AutoTopUpState = {
      accountId: 'customer:bistro',
      thresholdUcr: 5_000_000n,
      planId: 'plan-starter',
      status: 'FAILED',
      failureCode: 'CARD_DECLINED',
      updatedAt: null,
      lastCharge: null,
    };
    expect(statusText(stopped)).toBe('Stopped: the card was declined. Save the settings again to restart it.');
    expect(statusText({ ...stopped, status: 'ARMED', failureCode: null })).toBe('Active');
    expect(stopReason('SOMETHING_NEW')).toBe('something new');
  });
});
