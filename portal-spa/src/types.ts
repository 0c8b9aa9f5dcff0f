// The shapes portal-bff answers (its README's API table).

export type Role = 'PARTNER' | 'CUSTOMER';

export interface MenuItem {
  id: string;
  label: string;
  section: string;
}

export interface Me {
  email: string;
  displayName: string;
  role: Role;
  accountId: string;
  partnerId: string;
  aiCreditsEnabled: boolean;
  aiGatewayAvailable: boolean;
  menu: MenuItem[];
}

export interface AccountSummary {
  accountId: string;
  kind: string;
  partnerId: string;
  displayName: string;
  aiCreditsEnabled: boolean;
  balanceUcr: bigint | null;
  reservedUcr: bigint | null;
  lowCreditThresholdUcr: bigint | null;
  lastUpdated: string | null;
}

export interface HistoryLine {
  eventId: string;
  type: string;
  amountUcr: bigint;
  balanceAfterUcr: bigint;
  note: string | null;
  occurredAt: string;
}

export interface HistoryPage {
  accountId: string;
  page: number;
  size: number;
  totalRows: number;
  rows: HistoryLine[];
}

export interface Adjusted {
  commandId: string;
  outcome: string;
  balanceUcr: bigint | null;
}

export interface GatewayKey {
  keyId: string;
  kind: string;
  customerId: string;
  name: string;
  prefix: string;
  status: string;
  allowedModels: string[] | null;
  spentUcr: bigint | null;
  createdAt: string | null;
  lastUsedAt: string | null;
  secret?: string | null;
}

export interface Model {
  model: string;
  tier: string | null;
}

export interface SelfServiceSettings {
  partnerId: string;
  selfServiceEnabled: boolean;
}

export const accountPath = (id: string) => `/api/portal/accounts/${encodeURIComponent(id)}`;
export const historyPath = (id: string, page: number, size: number) =>
  `${accountPath(id)}/history?page=${page}&size=${size}`;

// billing-service's answers as portal-bff relays them: prices in whole US cents, credits in µcr.

export interface CreditPlan {
  planId: string;
  name: string;
  priceUsdCents: number;
  aiCreditsUcr: bigint;
  status: 'ACTIVE' | 'ARCHIVED';
  interval: 'MONTH' | null;
  createdAt: string;
}

export interface PaymentMethod {
  methodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
  createdAt: string;
}

export interface InvoiceLine {
  description: string;
  quantity: number;
  unitAmountCents: number;
  amountCents: number;
}

export interface Invoice {
  invoiceId: string;
  number: string;
  status: 'DRAFT' | 'OPEN' | 'PAID' | 'VOID' | 'UNCOLLECTIBLE';
  currency: string;
  lines: InvoiceLine[];
  totalCents: number;
  amountPaidCents: number;
  amountDueCents: number;
  amountRefundedCents: number;
  lastPaymentError: string | null;
  createdAt: string;
  paidAt: string | null;
  hostedPath: string | null;
}

export interface Purchase {
  purchaseId: string;
  kind: 'CREDIT_PLAN' | 'QUICK_BUY';
  planId: string | null;
  creditsUcr: bigint;
  priceUsdCents: number;
  invoiceId: string;
  status: 'AWAITING_PAYMENT' | 'CREDITED' | 'GRANT_REFUSED';
  grantRefusal: string | null;
  createdAt: string;
  creditedAt: string | null;
}

export interface Subscription {
  subscriptionId: string;
  planId: string;
  planName: string;
  priceUsdCents: number;
  allocationUcr: bigint;
  interval: string;
  status: 'ACTIVE' | 'PAST_DUE' | 'CANCELED';
  periodNo: number;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  nextBillingAt: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: string | null;
  latestInvoiceId: string | null;
  createdAt: string;
}

export interface CreditTransfer {
  eventId: string;
  type: string;
  amountUcr: bigint;
  balanceAfterUcr: bigint;
  note: string | null;
  occurredAt: string;
}

export interface AiCreditsTab {
  accountId: string;
  balanceUcr: bigint;
  reservedUcr: bigint;
  subscriptionId: string | null;
  monthlyAllocationUcr: bigint;
  periodStart: string;
  periodEnd: string;
  usedThisPeriodUcr: bigint;
  recentTransactions: CreditTransfer[];
}

export interface CustomerBilling {
  accountId: string;
  invoices: Invoice[];
  subscriptions: Subscription[];
  purchases: Purchase[];
}

export interface CostLine {
  kind: string;
  amountUcr: bigint;
}

export interface Conversation {
  callId: string;
  customerId: string;
  agentId: string | null;
  channel: string;
  status: string;
  startedAt: string;
  endedAt: string | null;
  durationSeconds: number | null;
  toolCalls: number | null;
  costLines: CostLine[] | null;
  chargeUcr: bigint | null;
  settledUcr: bigint | null;
  meteredUcr: bigint | null;
  uncollectedUcr: bigint | null;
}

export interface ConversationPage {
  from: string;
  to: string;
  page: number;
  size: number;
  total: number;
  items: Conversation[];
}

export interface UsageDay {
  day: string;
  kind: string;
  uses: number;
  tokensIn: number;
  tokensOut: number;
  callSeconds: number;
  creditsUcr: bigint;
}

export interface UsageSummary {
  from: string;
  to: string;
  days: UsageDay[];
  totalUcr: bigint;
  truncated: boolean;
}

/** One automatic purchase of an auto top-up (R21). */
export interface TopUpCharge {
  chargeId: string;
  planId: string;
  balanceUcr: bigint;
  thresholdUcr: bigint;
  status: 'PENDING' | 'CHARGING' | 'SUBMITTED' | 'DECLINED' | 'FAILED';
  attempts: number;
  failureCode: string | null;
  createdAt: string;
}

/** A customer's auto top-up (R21): OFF, ARMED, WAITING (bought for this drop) or FAILED (stopped). */
export interface AutoTopUpState {
  accountId: string;
  thresholdUcr: bigint | null;
  planId: string | null;
  status: 'OFF' | 'ARMED' | 'WAITING' | 'FAILED';
  failureCode: string | null;
  updatedAt: string | null;
  lastCharge: TopUpCharge | null;
}
