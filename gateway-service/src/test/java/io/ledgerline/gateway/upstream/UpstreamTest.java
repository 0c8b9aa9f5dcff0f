package io.ledgerline.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.llmstub.LlmStub;
import io.netty.channel.EventLoop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpResources;
import reactor.netty.http.server.HttpServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/** The upstream client against the stub and a recording server, on a real event loop. */
class UpstreamTest {

    private static final DisposableServer STUB = LlmStub.start(0);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EventLoop LOOP = HttpResources.get().onServer(true).next();

    /** Request headers and client ports the recording server saw, by request path. */
    private static final Map<String, Map<String, String>> SEEN_HEADERS = new ConcurrentHashMap<>();

    private static final Set<Integer> CLIENT_PORTS = ConcurrentHashMap.newKeySet();

    private static final DisposableServer RECORDER =
            HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .idleTimeout(Duration.ofMillis(200))
                    .handle(
                            (request, response) -> {
                                var headers = new ConcurrentHashMap<String, String>();
                                request.requestHeaders()
                                        .forEach(
                                                h ->
                                                        headers.put(
                                                                h.getKey().toLowerCase(),
                                                                h.getValue()));
                                SEEN_HEADERS.put(request.uri(), headers);
                                request.withConnection(
                                        c ->
                                                CLIENT_PORTS.add(
                                                        ((java.net.InetSocketAddress)
                                                                        c.channel().remoteAddress())
                                                                .getPort()));
                                return request.receive()
                                        .aggregate()
                                        .asString()
                                        .flatMap(
                                                body ->
                                                        response.header(
                                                                        "content-type",
                                                                        "application/json")
                                                                .sendString(
                                                                        Mono.just(
                                                                                "{\"echo\":"
                                                                                        + body
                                                                                        + "}"))
                                                                .then());
                            })
                    .bindNow();

    @AfterAll
    static void stop() {
        STUB.disposeNow();
        RECORDER.disposeNow();
    }

    private static UpstreamProperties.Provider provider(String baseUrl, String key) {
        return new UpstreamProperties.Provider("test", baseUrl, key, List.of());
    }

    private static Upstream upstream(
            UpstreamProperties.Provider provider, Duration timeout, Integer max) {
        return new Upstream(new UpstreamProperties(List.of(provider), timeout, max));
    }

    private static byte[] chat(String prompt, boolean stream) {
        return ("{\"model\":\"gpt-4o-mini\",\"stream\":"
                        + stream
                        + ",\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\""
                        + prompt
                        + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String stubUrl() {
        return "http://127.0.0.1:" + STUB.port() + "/v1";
    }

    @Test
    void a_plain_call_returns_the_whole_answer() {
        var provider = provider(stubUrl(), null);
        var answer =
                upstream(provider, null, null)
                        .call(provider, "/chat/completions", chat("hello", false), LOOP)
                        .block(WAIT);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .contains("\"usage\"")
                .contains("\"prompt_tokens\"");
    }

    @Test
    void requests_carry_the_base_path_host_credential_and_length_and_reuse_one_connection() {
        CLIENT_PORTS.clear();
        var provider = provider("http://127.0.0.1:" + RECORDER.port() + "/v1/", " sk-upstream ");
        var upstream = upstream(provider, null, null);
        for (int i = 0; i < 20; i++) {
            var answer =
                    upstream.call(
                                    provider,
                                    "/embeddings",
                                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                                    LOOP)
                            .block(WAIT);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"echo\":{\"n\":" + i + "}}");
        }

        var headers = SEEN_HEADERS.get("/v1/embeddings");
        assertThat(headers)
                .containsEntry("host", "127.0.0.1:" + RECORDER.port())
                .containsEntry("authorization", "Bearer sk-upstream")
                .containsEntry("content-type", "application/json")
                .containsEntry("content-length", String.valueOf("{\"n\":19}".length()));
        assertThat(CLIENT_PORTS).hasSize(1);
    }

    @Test
    void an_error_status_fails_with_that_status_and_the_upstreams_body() {
        var provider = provider(stubUrl(), null);
        var upstream = upstream(provider, null, null);

        assertThatThrownBy(
                        () ->
                                upstream.call(
                                                provider,
                                                "/chat/completions",
                                                chat("[stub:fail=500]", false),
                                                LOOP)
                                        .block(WAIT))
                .isInstanceOfSatisfying(
                        UpstreamFailed.class,
                        failed -> {
                            assertThat(failed.status()).isEqualTo(500);
                            assertThat(new String(failed.body(), StandardCharsets.UTF_8))
                                    .contains("error");
                        });
        assertThatThrownBy(
                        () ->
                                upstream.call(
                                                provider,
                                                "/chat/completions",
                                                "not json".getBytes(StandardCharsets.UTF_8),
                                                LOOP)
                                        .block(WAIT))
                .isInstanceOfSatisfying(
                        UpstreamFailed.class,
                        failed -> assertThat(failed.isClientError()).isTrue());
    }

    @Test
    void a_stream_arrives_chunk_by_chunk_and_ends_with_done() {
        var provider = provider(stubUrl(), null);
        var chunks =
                upstream(provider, null, null).stream(
                                provider,
                                "/chat/completions",
                                chat("count to ten please", true),
                                LOOP)
                        .collectList()
                        .block(WAIT);

        assertThat(chunks).hasSizeGreaterThan(1);
        var text =
                String.join(
                        "",
                        chunks.stream().map(c -> new String(c, StandardCharsets.UTF_8)).toList());
        assertThat(text).startsWith("data: ").contains("\"usage\"").contains("data: [DONE]");
    }

    @Test
    void a_stream_with_an_error_status_fails_before_any_chunk() {
        var provider = provider(stubUrl(), null);
        var received = new java.util.ArrayList<byte[]>();

        assertThatThrownBy(
                        () ->
                                upstream(provider, null, null).stream(
                                                provider,
                                                "/chat/completions",
                                                chat("[stub:fail=503]", true),
                                                LOOP)
                                        .doOnNext(received::add)
                                        .blockLast(WAIT))
                .isInstanceOfSatisfying(
                        UpstreamFailed.class, failed -> assertThat(failed.status()).isEqualTo(503));
        assertThat(received).isEmpty();
    }

    @Test
    void an_upstream_nobody_answers_on_fails_with_status_0() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var provider = provider("http://127.0.0.1:" + port + "/v1", null);

        assertThatThrownBy(
                        () ->
                                upstream(provider, null, null)
                                        .call(
                                                provider,
                                                "/chat/completions",
                                                chat("hi", false),
                                                LOOP)
                                        .block(WAIT))
                .isInstanceOfSatisfying(
                        UpstreamFailed.class, failed -> assertThat(failed.status()).isZero());
    }

    @Test
    void an_upstream_that_stays_silent_past_the_timeout_fails_with_status_0() {
        var provider = provider(stubUrl(), null);
        long start = System.nanoTime();

        assertThatThrownBy(
                        () ->
                                upstream(provider, Duration.ofMillis(300), null)
                                        .call(
                                                provider,
                                                "/chat/completions",
                                                chat("[stub:delay=3000]", false),
                                                LOOP)
                                        .block(WAIT))
                .isInstanceOfSatisfying(
                        UpstreamFailed.class,
                        failed -> {
                            assertThat(failed.status()).isZero();
                            assertThat(failed.getCause()).isInstanceOf(TimeoutException.class);
                        });
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void a_connection_the_upstream_closed_while_idle_is_replaced() throws InterruptedException {
        var provider = provider("http://127.0.0.1:" + RECORDER.port() + "/v1", null);
        var upstream = upstream(provider, null, null);
        var body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(upstream.call(provider, "/a", body, LOOP).block(WAIT).status()).isEqualTo(200);
        Thread.sleep(600);
        assertThat(upstream.call(provider, "/b", body, LOOP).block(WAIT).status()).isEqualTo(200);
    }

    @Test
    void requests_beyond_the_connection_limit_wait_for_a_connection_and_all_succeed() {
        CLIENT_PORTS.clear();
        var provider = provider("http://127.0.0.1:" + RECORDER.port() + "/v1", null);
        var upstream = upstream(provider, null, 3);

        var statuses =
                Flux.range(0, 60)
                        .flatMap(
                                i ->
                                        upstream.call(
                                                        provider,
                                                        "/c",
                                                        ("{\"i\":" + i + "}")
                                                                .getBytes(StandardCharsets.UTF_8),
                                                        LOOP)
                                                .map(Upstream.Answer::status),
                                60)
                        .collectList()
                        .block(WAIT);

        assertThat(statuses).hasSize(60).containsOnly(200);
        assertThat(CLIENT_PORTS.size()).isBetween(1, 3);
    }

    @Test
    void a_base_url_that_is_not_http_is_refused_at_start() {
        assertThatThrownBy(() -> upstream(provider("ftp://example.com/v1", null), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://");
    }
}
