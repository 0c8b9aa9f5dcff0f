package io.ledgerline.systemtests.support;

import io.ledgerline.testsupport.auth.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The {@code Authorization} header of the tests' own calls to the internal APIs: an operator token
 * with exactly the scopes a helper needs, from the authorization server the stack trusts. A run
 * outlasts a token's ten minutes, so each is replaced well before it expires.
 */
final class OperatorTokens implements Supplier<String> {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(5);

    private final String scopes;
    private String bearer;
    private Instant renewAt = Instant.MIN;

    private OperatorTokens(String... scopes) {
        this.scopes = String.join(" ", scopes);
    }

    static Supplier<String> withScopes(String... scopes) {
        return new OperatorTokens(scopes);
    }

    @Override
    public synchronized String get() {
        var now = Instant.now();
        if (now.isAfter(renewAt)) {
            bearer = "Bearer " + TestTokens.issue("operator", scopes);
            renewAt = now.plus(RENEW_AFTER);
        }
        return bearer;
    }
}
