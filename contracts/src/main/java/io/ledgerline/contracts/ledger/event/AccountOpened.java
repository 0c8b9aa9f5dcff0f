package io.ledgerline.contracts.ledger.event;

/** A partner's or customer's credit account exists; a customer's belongs to {@code partnerId}. */
public record AccountOpened(EventHeader header, String partnerId) implements LedgerEvent {}
