package io.ledgerline.auth.clients;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.util.ArrayList;
import java.util.Map;

/**
 * The registered clients: one per service identity, client credentials only. A client whose secret
 * is not configured is left out, so a missing secret can never mean "no secret needed".
 */
public final class ServiceClients {

    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);

    private ServiceClients() {}

    public static RegisteredClientRepository from(
            AuthProperties properties, PasswordEncoder encoder) {
        var registered = new ArrayList<RegisteredClient>();
        for (Map.Entry<String, AuthProperties.Client> entry : properties.clients().entrySet()) {
            var id = entry.getKey();
            var client = entry.getValue();
            if (client.secret().isBlank()) {
                log.warn("Client {} has no secret configured; it cannot obtain tokens", id);
                continue;
            }
            registered.add(
                    RegisteredClient.withId(id)
                            .clientId(id)
                            .clientSecret(encoder.encode(client.secret()))
                            .clientAuthenticationMethod(
                                    ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .clientAuthenticationMethod(
                                    ClientAuthenticationMethod.CLIENT_SECRET_POST)
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .scopes(scopes -> scopes.addAll(client.scopes()))
                            .tokenSettings(
                                    TokenSettings.builder()
                                            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                                            .accessTokenTimeToLive(properties.tokenTtl())
                                            .build())
                            .build());
        }
        if (registered.isEmpty()) {
            throw new IllegalStateException(
                    "No client has a secret; set ledgerline.auth.clients.<id>.secret");
        }
        log.info("Clients: {}", registered.stream().map(RegisteredClient::getClientId).toList());
        return new InMemoryRegisteredClientRepository(registered);
    }
}
