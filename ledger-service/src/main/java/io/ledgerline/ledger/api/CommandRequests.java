package io.ledgerline.ledger.api;

/**
 * Request bodies of the command API. Amounts are integer micro-credits; a missing field is null and
 * refused by validation rather than defaulted.
 */
final class CommandRequests {

    private CommandRequests() {}

    record OpenAccountRequest(String commandId, String accountId, String partnerId) {}

    record AiCreditsRequest(
            String commandId,
            Boolean enabled,
            Long pricePerMinuteUcr,
            Long graceSeconds,
            Long lowCreditThresholdUcr,
            Boolean lowCreditNotifications) {}

    record AddCreditsRequest(String commandId, Long amountUcr, String note) {}

    record QuickBuyRequest(String commandId, Long amountUsdCents) {}

    record DeductCreditsRequest(String commandId, Long amountUcr, String reason) {}

    record ReversalRequest(String commandId, String eventId, String reason) {}

    record UsageRequest(String commandId, Long amountUcr, String usageId, String description) {}

    record ReserveRequest(
            String commandId,
            String reservationId,
            Long amountUcr,
            Long timeoutSeconds,
            String purpose,
            Boolean withinGrace) {}

    record SettleRequest(String commandId, Long amountUcr, String usageId) {}

    record ReleaseRequest(String commandId, String reason) {}

    record KeyDepositRequest(String commandId, String keyId) {}
}
