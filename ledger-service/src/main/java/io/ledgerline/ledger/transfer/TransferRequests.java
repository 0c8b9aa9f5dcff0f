package io.ledgerline.ledger.transfer;

/**
 * Request bodies of the transfer commands. Amounts are integer micro-credits; a missing field is
 * null and refused by validation rather than defaulted.
 */
final class TransferRequests {

    private TransferRequests() {}

    record AddCreditsRequest(String commandId, Long amountUcr, String note) {}

    record DeductCreditsRequest(String commandId, Long amountUcr, String reason) {}

    record ReversalRequest(String commandId, String eventId, String reason) {}

    record UsageRequest(String commandId, Long amountUcr, String usageId, String description) {}
}
