// A customer's Features & Add-ons (R2-R6) and AI Credit Management settings (R13) as the Manage
// panel edits them. The server keeps the locks (FEATURE_LOCKED); the panel shows them first.
import { parseCredits } from './money';

export interface Features {
  customerPortalEnabled: boolean;
  knowledgeBase: boolean;
  phoneNumbers: boolean;
  integration: boolean;
  integrationApps: string[];
  myDocsAndMedia: boolean;
  apiAccess: boolean;
  apiKeysVisible: boolean;
  aiGatewayVisible: boolean;
  showPricing: boolean;
}

export interface AiCreditSettings {
  enabled: boolean;
  pricePerMinuteUcr: bigint;
  graceSeconds: number;
  lowCreditThresholdUcr: bigint;
  lowCreditNotifications: boolean;
}

export interface FeaturesView {
  accountId: string;
  features: Features;
  locked: { field: string; reason: string }[];
  aiCredits: AiCreditSettings | null;
}

export interface AiGatewayCheck {
  visible: boolean;
  failing: string | null;
  explanation: string;
  checks: { condition: string; label: string; met: boolean }[];
}

export type ToggleField = Exclude<keyof Features, 'integrationApps'>;

/** The seed's toggles, in its order, with the wording the partner sees. */
export const TOGGLES: { field: ToggleField; label: string; note?: string }[] = [
  { field: 'customerPortalEnabled', label: 'Customer Portal Enabled', note: 'The customer can sign in to its portal.' },
  { field: 'knowledgeBase', label: 'Knowledge Base' },
  { field: 'phoneNumbers', label: 'Phone Numbers' },
  { field: 'integration', label: 'Integration', note: 'Only the apps allowed below are listed.' },
  { field: 'myDocsAndMedia', label: 'My Docs & Media', note: 'Coming Soon in the customer portal.' },
  { field: 'apiAccess', label: 'API Access' },
  { field: 'apiKeysVisible', label: 'API Keys menu visibility' },
  { field: 'aiGatewayVisible', label: 'AI Gateway menu visibility' },
  { field: 'showPricing', label: 'Show Pricing Information', note: 'The customer can see its rate and balance.' },
];

/** Why a toggle cannot be turned on now, if it cannot. */
export function lockOf(view: FeaturesView, field: ToggleField): string | null {
  return view.locked.find((l) => l.field === field)?.reason ?? null;
}

/**
 * The features after one toggle changes. API Access off takes API Keys visibility with it (R4),
 * and Integration off forgets nothing: its apps come back when it is switched on again.
 */
export function withToggle(features: Features, field: ToggleField, on: boolean): Features {
  const next = { ...features, [field]: on };
  if (field === 'apiAccess' && !on) next.apiKeysVisible = false;
  return next;
}

/** "HubSpot, Zapier" or one a line → distinct app names. */
export function parseApps(text: string): string[] {
  return [...new Set(text.split(/[\n,]+/).map((a) => a.trim()).filter((a) => a !== ''))];
}

export interface AiCreditsForm {
  enabled: boolean;
  pricePerMinute: string;
  graceSeconds: string;
  lowCreditThreshold: string;
  lowCreditNotifications: boolean;
}

export function aiCreditsForm(settings: AiCreditSettings | null): AiCreditsForm {
  const credits = (ucr: bigint | undefined) => (ucr == null ? '' : formatPlain(ucr));
  return {
    enabled: settings?.enabled ?? false,
    pricePerMinute: credits(settings?.pricePerMinuteUcr),
    graceSeconds: settings ? String(settings.graceSeconds) : '0',
    lowCreditThreshold: credits(settings?.lowCreditThresholdUcr),
    lowCreditNotifications: settings?.lowCreditNotifications ?? true,
  };
}

/** 150000n → "0.15": an input's value, without thousands separators. */
function formatPlain(ucr: bigint): string {
  const whole = ucr / 1_000_000n;
  const fraction = (ucr % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** "0" is a price too (free minutes) and a threshold (no warning). */
function creditsOrZero(text: string): bigint {
  return /^\s*0*(\.0*)?\s*$/.test(text) ? 0n : parseCredits(text);
}

/** The body of PUT …/ai-credits, or an Error naming the field in `cause`. */
export function aiCreditsBody(form: AiCreditsForm, commandId: string) {
  const read = <T>(field: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw new Error((e as Error).message, { cause: field });
    }
  };
  const grace = form.graceSeconds.trim();
  if (!/^\d{1,5}$/.test(grace) || Number(grace) > 86_400) {
    throw new Error('Enter whole seconds from 0 to 86,400.', { cause: 'graceSeconds' });
  }
  return {
    commandId,
    enabled: form.enabled,
    pricePerMinuteUcr: read('pricePerMinuteUcr', () => creditsOrZero(form.pricePerMinute)),
    graceSeconds: Number(grace),
    lowCreditThresholdUcr: read('lowCreditThresholdUcr', () => creditsOrZero(form.lowCreditThreshold)),
    lowCreditNotifications: form.lowCreditNotifications,
  };
}
