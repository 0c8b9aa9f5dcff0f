package io.ledgerline.gateway.management;

/** The body of a write that needs nothing but its idempotency id (regenerate, revoke). */
public record KeyCommand(String commandId) {}
