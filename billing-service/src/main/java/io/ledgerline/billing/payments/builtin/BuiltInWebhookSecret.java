package io.ledgerline.billing.payments.builtin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The secret the built-in provider signs its events with and billing's webhook checks. */
@Component
class BuiltInWebhookSecret {

    private static final Logger log = LoggerFactory.getLogger(BuiltInWebhookSecret.class);

    private final String secret;

    BuiltInWebhookSecret(BuiltInProperties properties) {
        if (properties.webhookSecret() == null || properties.webhookSecret().isBlank()) {
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            this.secret = "whsec_" + HexFormat.of().formatHex(bytes);
            // Signer and checker are this one process, so a secret of its own run is enough;
            // only an event delivered by another instance would fail, and it is retried.
            log.warn(
                    "No ledgerline.billing.payments.builtin.webhook-secret configured: made one up"
                            + " for this run");
        } else {
            this.secret = properties.webhookSecret();
        }
    }

    String value() {
        return secret;
    }
}
