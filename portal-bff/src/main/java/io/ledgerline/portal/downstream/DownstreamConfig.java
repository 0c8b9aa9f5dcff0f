package io.ledgerline.portal.downstream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.time.Duration;

/** The two plain HTTP clients the portal calls: the ledger and the gateway's key API. */
@Configuration
class DownstreamConfig {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    LedgerClient ledgerClient(
            RestClient.Builder builder,
            ObjectMapper json,
            @Value("${ledgerline.ledger.url}") String baseUrl) {
        return new LedgerClient(client(builder, json, baseUrl, "ledger"));
    }

    @Bean
    GatewayClient gatewayClient(
            RestClient.Builder builder,
            ObjectMapper json,
            @Value("${ledgerline.gateway.url}") String baseUrl) {
        return new GatewayClient(client(builder, json, baseUrl, "gateway"));
    }

    private static Downstream client(
            RestClient.Builder builder, ObjectMapper json, String baseUrl, String service) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(CONNECT_TIMEOUT);
        requests.setReadTimeout(READ_TIMEOUT);
        var rest =
                builder.clone()
                        .baseUrl(baseUrl)
                        .requestFactory(requests)
                        .defaultStatusHandler(
                                HttpStatusCode::isError,
                                (request, response) ->
                                        DownstreamProblems.raise(service, json, request, response))
                        .build();
        return new Downstream(service, rest);
    }
}
