package io.ledgerline.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.systemtests.support.RunningStack;
import io.ledgerline.systemtests.support.ServiceProcess;
import io.ledgerline.systemtests.support.Tenants;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The stack as its jars run it, doors locked: an internal API refuses a caller without a token, the
 * gateway's management API is not served on its public port, and the services' own client secret
 * (they call each other with it all along) shows in no log.
 */
class LockedDoorsSystemTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningStack stack = RunningStack.get();
    private final Tenants tenants = new Tenants(stack);

    @Test
    void internal_apis_answer_401_without_a_token() {
        assertThat(statusOf(stack.ledger().baseUrl() + "/api/v1/accounts/partner:nobody"))
                .isEqualTo(401);
        assertThat(statusOf(stack.billing().baseUrl() + "/api/v1/usage")).isEqualTo(401);
        assertThat(statusOf(stack.gatewayApi().baseUrl() + "/api/v1/partners/nobody/keys"))
                .isEqualTo(401);
    }

    @Test
    void the_gateway_management_api_is_not_served_on_the_public_port() {
        var status = statusOf(stack.gateway().baseUrl() + "/api/v1/partners/nobody/keys");

        assertThat(status).isBetween(400, 499);
    }

    @Test
    void the_services_client_secret_is_in_no_log() {
        // Calls that make billing and the gateway fetch their tokens first.
        var partnerId = tenants.partner("STARTER", 10);
        assertThat(partnerId).isNotBlank();

        for (var service :
                List.of(stack.gateway(), stack.billing(), stack.ledger(), stack.llmStub())) {
            assertThat(service.logContains(stack.clientSecret()))
                    .as("the client secret in " + logOf(service))
                    .isFalse();
        }
    }

    private static int statusOf(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String logOf(ServiceProcess service) {
        return service.name() + ".log";
    }
}
