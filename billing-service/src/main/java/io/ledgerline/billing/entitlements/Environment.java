package io.ledgerline.billing.entitlements;

/**
 * Where a conversation runs: in production for real people, or as a dashboard preview or test,
 * which is a test run with its own fair-use limit and never consumes production allowances.
 */
public enum Environment {
    PRODUCTION,
    PREVIEW,
    TEST;

    public boolean production() {
        return this == PRODUCTION;
    }

    public static Environment orProduction(Environment environment) {
        return environment == null ? PRODUCTION : environment;
    }
}
