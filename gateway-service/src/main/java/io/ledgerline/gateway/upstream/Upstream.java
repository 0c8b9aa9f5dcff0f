package io.ledgerline.gateway.upstream;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Calls OpenAI-compatible providers over pooled keep-alive connections, without blocking. Request
 * and response bodies are passed as bytes; the gateway never re-encodes an answer. It uses Reactor
 * Netty's client directly: {@code WebClient} and its per-request observation cost several times the
 * CPU of the call itself on this path.
 */
@Component
public class Upstream {

    static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);
    static final int DEFAULT_MAX_CONNECTIONS = 1_000;
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final Duration MAX_IDLE_CONNECTION = Duration.ofSeconds(30);

    private static final byte[] NO_BODY = new byte[0];
    private static final String EVENT_STREAM = "text/event-stream";

    private final UpstreamProperties properties;
    private final Map<UpstreamProperties.Provider, HttpClient> clients = new IdentityHashMap<>();

    public Upstream(UpstreamProperties properties) {
        this.properties = properties;
        var pool =
                ConnectionProvider.builder("upstream")
                        .maxConnections(
                                properties.maxConnections() == null
                                        ? DEFAULT_MAX_CONNECTIONS
                                        : properties.maxConnections())
                        .pendingAcquireMaxCount(-1)
                        .maxIdleTime(MAX_IDLE_CONNECTION)
                        .build();
        var base =
                HttpClient.create(pool)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                        .responseTimeout(
                                properties.responseTimeout() == null
                                        ? DEFAULT_RESPONSE_TIMEOUT
                                        : properties.responseTimeout())
                        .compress(false);
        for (var provider : properties.providers()) {
            clients.put(provider, clientFor(base, provider));
        }
    }

    private static HttpClient clientFor(HttpClient base, UpstreamProperties.Provider provider) {
        return base.baseUrl(provider.baseUrl())
                .headers(
                        headers -> {
                            headers.set(
                                    HttpHeaderNames.CONTENT_TYPE,
                                    HttpHeaderValues.APPLICATION_JSON);
                            if (provider.apiKey() != null && !provider.apiKey().isBlank()) {
                                headers.set(
                                        HttpHeaderNames.AUTHORIZATION,
                                        "Bearer " + provider.apiKey());
                            }
                        });
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
        return post(provider, path, body, false)
                .responseSingle(
                        (response, content) ->
                                content.asByteArray()
                                        .defaultIfEmpty(NO_BODY)
                                        .flatMap(bytes -> answer(response, bytes)))
                .onErrorMap(
                        e -> !(e instanceof UpstreamFailed),
                        e -> new UpstreamFailed(0, NO_BODY, e));
    }

    /** A streamed answer as its raw byte chunks; an error status fails before the first chunk. */
    public Flux<byte[]> stream(UpstreamProperties.Provider provider, String path, byte[] body) {
        return post(provider, path, body, true)
                .response(
                        (response, content) ->
                                isSuccess(response)
                                        ? content.asByteArray()
                                        : content.aggregate()
                                                .asByteArray()
                                                .defaultIfEmpty(NO_BODY)
                                                .flatMapMany(
                                                        bytes ->
                                                                Flux.error(
                                                                        failed(response, bytes))))
                .onErrorMap(
                        e -> !(e instanceof UpstreamFailed),
                        e -> new UpstreamFailed(0, NO_BODY, e));
    }

    private HttpClient.ResponseReceiver<?> post(
            UpstreamProperties.Provider provider, String path, byte[] body, boolean stream) {
        var client = clients.get(provider);
        if (client == null) {
            throw new IllegalArgumentException("unknown provider " + provider);
        }
        return client.post()
                .uri(path)
                .send(
                        (request, outbound) -> {
                            request.header(
                                    HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
                            if (stream) {
                                request.header(HttpHeaderNames.ACCEPT, EVENT_STREAM);
                            }
                            return outbound.sendByteArray(Mono.just(body));
                        });
    }

    private static Mono<Answer> answer(HttpClientResponse response, byte[] bytes) {
        return isSuccess(response)
                ? Mono.just(new Answer(response.status().code(), bytes))
                : Mono.error(failed(response, bytes));
    }

    private static boolean isSuccess(HttpClientResponse response) {
        int code = response.status().code();
        return code >= 200 && code < 300;
    }

    private static UpstreamFailed failed(HttpClientResponse response, byte[] bytes) {
        return new UpstreamFailed(response.status().code(), bytes, null);
    }
}
