package io.ledgerline.gateway.livekey;

/** What a key's row records; suspension (R9) and expiry are derived at admission time. */
public enum KeyStatus {
    ACTIVE,
    REVOKED
}
