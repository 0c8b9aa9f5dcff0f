package io.ledgerline.billing.agentusage;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the workspace API key agent runtimes send in {@code x-api-key}. For now it is one key from
 * configuration ({@code ledgerline.billing.workspace-api-key}); per-workspace keys with scopes
 * (R18) belong to the portal and are not checked here yet.
 */
@Component
class WorkspaceApiKey {

    static final String HEADER = "x-api-key";

    private final byte[] expected;

    WorkspaceApiKey(@Value("${ledgerline.billing.workspace-api-key}") String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("ledgerline.billing.workspace-api-key must be set");
        }
        this.expected = key.getBytes(StandardCharsets.UTF_8);
    }

    void requireValid(String presented) {
        boolean valid =
                presented != null
                        && MessageDigest.isEqual(
                                expected, presented.getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            throw new Refused(
                    CommonRefusal.UNAUTHENTICATED,
                    "a valid workspace API key is required in " + HEADER);
        }
    }
}
