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
