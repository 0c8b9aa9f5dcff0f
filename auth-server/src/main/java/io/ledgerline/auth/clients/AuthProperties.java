package io.ledgerline.auth.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the authorization server issues and to whom.
 *
 * @param issuer the {@code iss} of every token; resource servers check it
 * @param tokenTtl how long an access token is valid
 * @param signingKey a PKCS#8 PEM RSA private key file; empty means a fresh key per start
 * @param clients the service clients by client id, each with its secret and the only scopes it may
 *     ask for
 */
@ConfigurationProperties("ledgerline.auth")
public record AuthProperties(
        String issuer,
        @DefaultValue("10m") Duration tokenTtl,
        @DefaultValue("") String signingKey,
        Map<String, Client> clients) {

    public AuthProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    public record Client(@DefaultValue("") String secret, Set<String> scopes) {
        public Client {
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }
    }
}
