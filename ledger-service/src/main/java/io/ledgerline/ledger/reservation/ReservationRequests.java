package io.ledgerline.ledger.reservation;

/**
 * Request bodies of the reservation commands. Amounts are integer micro-credits; a missing field is
 * null and refused by validation rather than defaulted.
 */
final class ReservationRequests {

    private ReservationRequests() {}

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
