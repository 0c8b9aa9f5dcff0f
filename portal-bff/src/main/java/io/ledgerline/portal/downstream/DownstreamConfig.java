package io.ledgerline.portal.downstream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.websecurity.ServiceTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.RestClient;

import java.time.Duration;

/**
 * The portal's HTTP clients of the ledger, the gateway's management API, the notification service's
 * feed and billing's commerce API. Every call carries the portal's own service token (client {@code
 * portal}); every write also names the person acting.
 */
@Configuration
class DownstreamConfig {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    ClientHttpRequestInterceptor portalServiceToken(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        return ServiceTokens.interceptor(registrations, clients);
    }

    @Bean
    LedgerClient ledgerClient(
            RestClient.Builder builder,
            ObjectMapper json,
            ClientHttpRequestInterceptor portalServiceToken,
            @Value("${ledgerline.ledger.url}") String baseUrl) {
        return new LedgerClient(client(builder, json, portalServiceToken, baseUrl, "ledger"));
    }

    @Bean
    GatewayClient gatewayClient(
            RestClient.Builder builder,
            ObjectMapper json,
            ClientHttpRequestInterceptor portalServiceToken,
            @Value("${ledgerline.gateway.management-url}") String baseUrl) {
        return new GatewayClient(client(builder, json, portalServiceToken, baseUrl, "gateway"));
    }

    @Bean
    NotificationClient notificationClient(
            RestClient.Builder builder,
            ObjectMapper json,
            ClientHttpRequestInterceptor portalServiceToken,
            @Value("${ledgerline.notification.url}") String baseUrl) {
        return new NotificationClient(
                client(builder, json, portalServiceToken, baseUrl, "notification"));
    }

    @Bean
    BillingClient billingClient(
            RestClient.Builder builder,
            ObjectMapper json,
            ClientHttpRequestInterceptor portalServiceToken,
            @Value("${ledgerline.billing.url}") String baseUrl) {
        return new BillingClient(client(builder, json, portalServiceToken, baseUrl, "billing"));
    }

    private static Downstream client(
            RestClient.Builder builder,
            ObjectMapper json,
            ClientHttpRequestInterceptor serviceToken,
            String baseUrl,
            String service) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(CONNECT_TIMEOUT);
        requests.setReadTimeout(READ_TIMEOUT);
        var rest =
                builder.clone()
                        .baseUrl(baseUrl)
                        .requestFactory(requests)
                        .requestInterceptor(serviceToken)
                        .requestInterceptor(new ActingPerson())
                        .defaultStatusHandler(
                                HttpStatusCode::isError,
                                (request, response) ->
                                        DownstreamProblems.raise(service, json, request, response))
                        .build();
        return new Downstream(service, rest);
    }
}
