package io.ledgerline.billing.ledgerclient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.websecurity.ServiceTokens;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * Billing asks for its token before each call to the ledger: when the authorization server cannot
 * give one, the ledger is unavailable (usage waits and is retried), never a refusal of the usage.
 */
class LedgerClientTokenTest {

    @Test
    void without_a_token_the_ledger_is_unavailable_and_the_usage_waits() throws IOException {
        var nobody = "http://127.0.0.1:" + closedPort();
        var registrations =
                new InMemoryClientRegistrationRepository(
                        ClientRegistration.withRegistrationId(ServiceTokens.REGISTRATION)
                                .clientId("billing")
                                .clientSecret("secret")
                                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                                .scope("ledger.read", "ledger.meter")
                                .tokenUri(nobody + "/oauth2/token")
                                .build());
        var ledger =
                new LedgerClient(
                        new LedgerProperties(nobody + "/api/v1", 500, 500),
                        new ObjectMapper(),
                        registrations,
                        new InMemoryOAuth2AuthorizedClientService(registrations));
        var usage =
                new MeterUsage(
                        "usage-r1-customer",
                        AccountId.customer("c1"),
                        Credits.ofMicros(1_000),
                        "r1",
                        "one call");

        assertThatThrownBy(() -> ledger.submit(List.of(usage)))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("no token");
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
