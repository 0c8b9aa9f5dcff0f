package io.ledgerline.ledger.account;

/**
 * Request bodies of the account commands. Amounts are integer micro-credits; a missing field is
 * null and refused by validation rather than defaulted.
 */
final class AccountRequests {

    private AccountRequests() {}

    record OpenAccountRequest(String commandId, String accountId, String partnerId) {}

    record AiCreditsRequest(
            String commandId,
            Boolean enabled,
            Long pricePerMinuteUcr,
            Long graceSeconds,
            Long lowCreditThresholdUcr,
            Boolean lowCreditNotifications) {}
}
