package io.ledgerline.gateway.upstream;

import io.netty.channel.ChannelOption;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;

/**
 * Calls OpenAI-compatible providers over pooled keep-alive connections, without blocking. Request
 * and response bodies are passed as bytes; the gateway never re-encodes an answer.
 */
@Component
public class Upstream {

    static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);
    static final int DEFAULT_MAX_CONNECTIONS = 1_000;
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final UpstreamProperties properties;
    private final WebClient http;

    public Upstream(UpstreamProperties properties, WebClient.Builder builder) {
        this.properties = properties;
        var pool =
                ConnectionProvider.builder("upstream")
                        .maxConnections(
                                properties.maxConnections() == null
                                        ? DEFAULT_MAX_CONNECTIONS
                                        : properties.maxConnections())
                        .pendingAcquireMaxCount(-1)
                        .maxIdleTime(Duration.ofSeconds(30))
                        .build();
        var client =
                HttpClient.create(pool)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                        .responseTimeout(
                                properties.responseTimeout() == null
                                        ? DEFAULT_RESPONSE_TIMEOUT
                                        : properties.responseTimeout())
                        .compress(false);
        this.http =
                builder.clone()
                        .clientConnector(new ReactorClientHttpConnector(client))
                        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                        .build();
    }

    /** The provider serving {@code model}, or null when none does. */
    public UpstreamProperties.Provider providerFor(String model) {
        for (var provider : properties.providers()) {
            if (provider.serves(model)) {
                return provider;
            }
        }
        return null;
    }

    public record Answer(int status, byte[] body) {}

    public Mono<Answer> call(UpstreamProperties.Provider provider, String path, byte[] body) {
        return http.post()
                .uri(provider.baseUrl() + path)
                .headers(headers -> headersFor(provider, headers))
                .bodyValue(body)
                .exchangeToMono(
                        response ->
                                response.bodyToMono(byte[].class)
                                        .defaultIfEmpty(new byte[0])
                                        .flatMap(
                                                bytes ->
                                                        response.statusCode().is2xxSuccessful()
                                                                ? Mono.just(
                                                                        new Answer(
                                                                                response.statusCode()
                                                                                        .value(),
                                                                                bytes))
                                                                : Mono.error(
                                                                        new UpstreamFailed(
                                                                                response.statusCode()
                                                                                        .value(),
                                                                                bytes,
                                                                                null))))
                .onErrorMap(
                        e -> !(e instanceof UpstreamFailed),
                        e -> new UpstreamFailed(0, new byte[0], e));
    }

    /** A streamed answer as its raw byte chunks; an error status fails before the first chunk. */
    public Flux<byte[]> stream(UpstreamProperties.Provider provider, String path, byte[] body) {
        return http.post()
                .uri(provider.baseUrl() + path)
                .headers(headers -> headersFor(provider, headers))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(body)
                .exchangeToFlux(
                        response ->
                                response.statusCode().is2xxSuccessful()
                                        ? response.bodyToFlux(byte[].class)
                                        : response.bodyToMono(byte[].class)
                                                .defaultIfEmpty(new byte[0])
                                                .flatMapMany(
                                                        bytes ->
                                                                Flux.error(
                                                                        new UpstreamFailed(
                                                                                response.statusCode()
                                                                                        .value(),
                                                                                bytes,
                                                                                null))))
                .onErrorMap(
                        e -> !(e instanceof UpstreamFailed),
                        e -> new UpstreamFailed(0, new byte[0], e));
    }

    private static void headersFor(UpstreamProperties.Provider provider, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (provider.apiKey() != null && !provider.apiKey().isBlank()) {
            headers.setBearerAuth(provider.apiKey());
        }
    }
}
