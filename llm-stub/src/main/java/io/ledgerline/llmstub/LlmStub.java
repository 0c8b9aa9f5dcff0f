package io.ledgerline.llmstub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.netty.handler.codec.http.HttpResponseStatus;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.nio.charset.StandardCharsets;

/**
 * A deterministic OpenAI-compatible upstream: chat completions (plain and streamed), embeddings and
 * models. It never calls anything, so a benchmark through it measures the caller.
 */
public final class LlmStub {

    /** Bodies larger than this are refused with 413, so a broken client cannot exhaust memory. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    static final long CREATED_EPOCH_SECONDS = 1_700_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private LlmStub() {}

    /** Starts on {@code port} (0 picks a free one) and returns the running server. */
    public static DisposableServer start(int port) {
        return HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .route(
                        routes ->
                                routes.post(
                                                "/v1/chat/completions",
                                                (req, res) -> withBody(req, res, LlmStub::chat))
                                        .post(
                                                "/v1/embeddings",
                                                (req, res) ->
                                                        withBody(req, res, LlmStub::embeddings))
                                        .get(
                                                "/v1/models",
                                                (req, res) -> sendJson(res, Models.list())))
                .bindNow();
    }

    private interface BodyHandler {
        Mono<Void> handle(HttpServerRequest req, HttpServerResponse res, JsonNode body);
    }

    private static Mono<Void> withBody(
            HttpServerRequest req, HttpServerResponse res, BodyHandler handler) {
        return req.receive()
                .aggregate()
                .asByteArray()
                .defaultIfEmpty(new byte[0])
                .flatMap(
                        bytes -> {
                            if (bytes.length > MAX_BODY_BYTES) {
                                return error(
                                        res,
                                        413,
                                        "request body too large",
                                        "invalid_request_error");
                            }
                            JsonNode body;
                            try {
                                body = JSON.readTree(bytes);
                            } catch (java.io.IOException e) {
                                return error(
                                        res, 400, "malformed JSON body", "invalid_request_error");
                            }
                            if (body == null || !body.isObject()) {
                                return error(
                                        res,
                                        400,
                                        "body must be a JSON object",
                                        "invalid_request_error");
                            }
                            return handler.handle(req, res, body);
                        });
    }

    private static Mono<Void> chat(HttpServerRequest req, HttpServerResponse res, JsonNode body) {
        var behaviour = behaviourOf(req, body.path("messages").toString());
        var completion = Completion.of(body);
        Mono<Void> answer =
                behaviour.fails()
                        ? error(
                                res,
                                behaviour.failStatus(),
                                "stub upstream told to fail",
                                "server_error")
                        : body.path("stream").asBoolean(false)
                                ? ChatStream.send(res, completion, behaviour)
                                : sendJson(res, ChatJson.completion(completion));
        return behaviour.delay().isZero() ? answer : Mono.delay(behaviour.delay()).then(answer);
    }

    private static Mono<Void> embeddings(
            HttpServerRequest req, HttpServerResponse res, JsonNode body) {
        var behaviour = behaviourOf(req, body.path("input").toString());
        if (behaviour.fails()) {
            return error(res, behaviour.failStatus(), "stub upstream told to fail", "server_error");
        }
        var input = body.path("input");
        if (input.isMissingNode() || input.isNull()) {
            return error(res, 400, "input is required", "invalid_request_error");
        }
        Mono<Void> answer = sendJson(res, Embeddings.of(body));
        return behaviour.delay().isZero() ? answer : Mono.delay(behaviour.delay()).then(answer);
    }

    private static StubBehaviour behaviourOf(HttpServerRequest req, String promptText) {
        var headers = req.requestHeaders();
        return StubBehaviour.from(
                headers.get("x-stub-delay-ms"),
                headers.get("x-stub-chunk-delay-ms"),
                headers.get("x-stub-fail"),
                promptText);
    }

    static Mono<Void> sendJson(HttpServerResponse res, ObjectNode body) {
        byte[] bytes = toBytes(body);
        return res.header("content-type", JSON_TYPE)
                .header("content-length", String.valueOf(bytes.length))
                .sendByteArray(Mono.just(bytes))
                .then();
    }

    static Mono<Void> error(HttpServerResponse res, int status, String message, String type) {
        var error = JSON.createObjectNode();
        var inner = error.putObject("error");
        inner.put("message", message);
        inner.put("type", type);
        inner.putNull("param");
        inner.putNull("code");
        return sendJson(res.status(HttpResponseStatus.valueOf(status)), error);
    }

    static byte[] toBytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String sseEvent(JsonNode node) {
        return "data: " + new String(toBytes(node), StandardCharsets.UTF_8) + "\n\n";
    }

    static Flux<String> done() {
        return Flux.just("data: [DONE]\n\n");
    }
}
