package io.ledgerline.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.gateway.admission.Admission;
import io.ledgerline.gateway.admission.Hold;
import io.ledgerline.gateway.error.GatewayRefusal;
import io.ledgerline.gateway.key.KeyRegistry;
import io.ledgerline.gateway.key.LiveKey;
import io.ledgerline.gateway.upstream.Upstream;
import io.ledgerline.gateway.upstream.UpstreamFailed;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.function.BiFunction;

/**
 * The OpenAI-compatible surface: authenticate the virtual key, admit the request in memory, forward
 * it to the provider, settle and meter it. Nothing here waits for the database or the ledger. Every
 * answer carries {@code x-request-id} and {@code x-ledgerline-cost-credits} (the charge in the
 * key's credits; for a stream, the pre-authorised maximum, with the real charge in a final SSE
 * comment {@code : x-ledgerline-cost-credits=…} after {@code data: [DONE]}).
 */
@RestController
public class OpenAiController {

    /** Request bodies above this size are refused with 400 before they are parsed. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    static final String REQUEST_ID = "x-request-id";
    static final String COST = "x-ledgerline-cost-credits";
    private static final String BEARER = "Bearer ";

    private final KeyRegistry registry;
    private final Admission admission;
    private final Upstream upstream;
    private final Metering metering;
    private final ModelCatalogue catalogue;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public OpenAiController(
            KeyRegistry registry,
            Admission admission,
            Upstream upstream,
            Metering metering,
            ModelCatalogue catalogue,
            Clock clock) {
        this.registry = registry;
        this.admission = admission;
        this.upstream = upstream;
        this.metering = metering;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @PostMapping("/v1/chat/completions")
    public Mono<Void> chat(ServerWebExchange exchange) {
        return handle(
                exchange,
                "/chat/completions",
                (body, ignored) -> ProxyRequest.chat(body, json, catalogue));
    }

    @PostMapping("/v1/embeddings")
    public Mono<Void> embeddings(ServerWebExchange exchange) {
        return handle(
                exchange,
                "/embeddings",
                (body, ignored) -> ProxyRequest.embeddings(body, json, catalogue));
    }

    @GetMapping("/v1/models")
    public Mono<Void> models(ServerWebExchange exchange) {
        var requestId = RequestIds.next();
        var key = authenticate(exchange);
        if (key == null || key.revoked()) {
            return refuse(
                    exchange,
                    requestId,
                    key == null ? GatewayRefusal.invalidKey() : GatewayRefusal.revoked());
        }
        var list = json.createObjectNode().put("object", "list");
        var data = list.putArray("data");
        for (var model : key.config().allowedModels()) {
            data.addObject()
                    .put("id", model)
                    .put("object", "model")
                    .put("created", 0)
                    .put("owned_by", "ledgerline");
        }
        return write(exchange, requestId, HttpStatus.OK, Credits.ZERO, toBytes(list));
    }

    @GetMapping("/v1/models/{model}")
    public Mono<Void> model(
            ServerWebExchange exchange,
            @org.springframework.web.bind.annotation.PathVariable String model) {
        var requestId = RequestIds.next();
        var key = authenticate(exchange);
        if (key == null || key.revoked()) {
            return refuse(
                    exchange,
                    requestId,
                    key == null ? GatewayRefusal.invalidKey() : GatewayRefusal.revoked());
        }
        if (!key.config().allowedModels().contains(model)) {
            return refuse(exchange, requestId, GatewayRefusal.modelNotFound(model));
        }
        var body =
                json.createObjectNode()
                        .put("id", model)
                        .put("object", "model")
                        .put("created", 0)
                        .put("owned_by", "ledgerline");
        return write(exchange, requestId, HttpStatus.OK, Credits.ZERO, toBytes(body));
    }

    private Mono<Void> handle(
            ServerWebExchange exchange, String path, BiFunction<byte[], Void, ProxyRequest> parse) {
        var startNanos = System.nanoTime();
        var requestId = RequestIds.next();
        var key = authenticate(exchange);
        // The body is read even for a refused key: an unread body leaves the keep-alive
        // connection in a state some clients hang on.
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY_BYTES)
                .map(
                        buffer -> {
                            var bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                .defaultIfEmpty(new byte[0])
                .flatMap(
                        body ->
                                key == null
                                        ? refuse(exchange, requestId, GatewayRefusal.invalidKey())
                                        : admitAndForward(
                                                exchange,
                                                key,
                                                requestId,
                                                path,
                                                parse.apply(body, null),
                                                startNanos))
                .onErrorResume(
                        DataBufferLimitException.class,
                        e ->
                                refuse(
                                        exchange,
                                        requestId,
                                        GatewayRefusal.badRequest(
                                                "The request body is larger than "
                                                        + MAX_BODY_BYTES
                                                        + " bytes.",
                                                null)));
    }

    private Mono<Void> admitAndForward(
            ServerWebExchange exchange,
            LiveKey key,
            String requestId,
            String path,
            ProxyRequest request,
            long startNanos) {
        if (request.refusal() != null) {
            return refuse(exchange, requestId, request.refusal());
        }
        if (!metering.recording()) {
            return refuse(exchange, requestId, GatewayRefusal.meteringUnavailable());
        }
        var headers = exchange.getRequest().getHeaders();
        var decision =
                admission.admit(
                        key,
                        new Admission.Ask(
                                request.price(),
                                request.promptTokensBound(),
                                request.maxCompletionTokens(),
                                headers.getFirst(HttpHeaders.ORIGIN),
                                headers.getFirst(HttpHeaders.REFERER)),
                        clock.instant());
        if (decision.refusal() != null) {
            return refuse(exchange, requestId, decision.refusal());
        }
        var provider = upstream.providerFor(request.price().model());
        if (provider == null) {
            decision.hold().release();
            return refuse(
                    exchange, requestId, GatewayRefusal.modelNotFound(request.price().model()));
        }
        var call = new Call(exchange, key, decision.hold(), requestId, request, startNanos);
        return request.stream()
                ? stream(call, upstream.stream(provider, path, request.forwardBody()))
                : plain(call, upstream.call(provider, path, request.forwardBody()));
    }

    private record Call(
            ServerWebExchange exchange,
            LiveKey key,
            Hold hold,
            String requestId,
            ProxyRequest request,
            long startNanos) {}

    private Mono<Void> plain(Call call, Mono<Upstream.Answer> answer) {
        // Cached and subscribed here, so a client that hangs up does not stop the metering.
        var metered =
                answer.map(reply -> new Object[] {reply, meter(call, reply.body())})
                        .doOnError(error -> call.hold().release())
                        .cache();
        metered.subscribe(ignored -> {}, ignored -> {});
        return metered.flatMap(
                        result -> {
                            var reply = (Upstream.Answer) result[0];
                            return write(
                                    call.exchange(),
                                    call.requestId(),
                                    HttpStatus.valueOf(reply.status()),
                                    (Credits) result[1],
                                    reply.body());
                        })
                .onErrorResume(UpstreamFailed.class, failed -> upstreamFailed(call, failed));
    }

    private Credits meter(Call call, byte[] body) {
        long in = 0;
        long out = 0;
        long tools = 0;
        try {
            var reply = json.readTree(body);
            var usage = reply.path("usage");
            in = usage.path("prompt_tokens").asLong(0);
            out = usage.path("completion_tokens").asLong(0);
            for (var choice : reply.path("choices")) {
                tools += choice.at("/message/tool_calls").size();
            }
            if (!usage.isObject()) {
                in = call.request().promptTokensBound();
                out = call.request().maxCompletionTokens();
            }
        } catch (java.io.IOException e) {
            in = call.request().promptTokensBound();
            out = call.request().maxCompletionTokens();
        }
        return metering.finish(
                call.key(),
                call.hold(),
                call.requestId(),
                call.request().price(),
                new Metering.Measured(in, out, tools),
                call.startNanos());
    }

    private Mono<Void> stream(Call call, reactor.core.publisher.Flux<byte[]> chunks) {
        var relay =
                StreamRelay.start(
                        chunks,
                        new SseUsageScanner(json),
                        scanner ->
                                ": "
                                        + COST
                                        + "="
                                        + meterStream(call, scanner).toDecimalString()
                                        + "\n\n",
                        error -> call.hold().release());
        return relay.started()
                .flatMap(
                        ok -> {
                            var response = call.exchange().getResponse();
                            response.setStatusCode(HttpStatus.OK);
                            var headers = response.getHeaders();
                            headers.setContentType(MediaType.TEXT_EVENT_STREAM);
                            headers.setCacheControl("no-cache");
                            headers.set(REQUEST_ID, call.requestId());
                            headers.set(COST, call.hold().amount().toDecimalString());
                            var factory = response.bufferFactory();
                            return response.writeAndFlushWith(
                                    relay.body().map(bytes -> Mono.just(factory.wrap(bytes))));
                        })
                .onErrorResume(UpstreamFailed.class, failed -> upstreamFailed(call, failed));
    }

    private Credits meterStream(Call call, SseUsageScanner scanner) {
        var measured =
                scanner.sawUsage()
                        ? new Metering.Measured(
                                scanner.promptTokens(),
                                scanner.completionTokens(),
                                scanner.toolCalls())
                        : new Metering.Measured(
                                call.request().promptTokensBound(),
                                Math.min(
                                        scanner.contentChunks(),
                                        call.request().maxCompletionTokens()),
                                scanner.toolCalls());
        return metering.finish(
                call.key(),
                call.hold(),
                call.requestId(),
                call.request().price(),
                measured,
                call.startNanos());
    }

    private Mono<Void> upstreamFailed(Call call, UpstreamFailed failed) {
        call.hold().release();
        if (failed.isClientError()) {
            return write(
                    call.exchange(),
                    call.requestId(),
                    HttpStatus.valueOf(failed.status()),
                    Credits.ZERO,
                    failed.body());
        }
        return refuse(
                call.exchange(), call.requestId(), GatewayRefusal.upstreamFailed(failed.status()));
    }

    private LiveKey authenticate(ServerWebExchange exchange) {
        var header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return registry.authenticate(header.substring(BEARER.length()).trim());
    }

    private Mono<Void> refuse(
            ServerWebExchange exchange, String requestId, GatewayRefusal refusal) {
        return write(
                exchange,
                requestId,
                HttpStatus.valueOf(refusal.status()),
                Credits.ZERO,
                refusal.toJson());
    }

    private static Mono<Void> write(
            ServerWebExchange exchange,
            String requestId,
            HttpStatus status,
            Credits cost,
            byte[] body) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        var headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(body.length);
        headers.set(REQUEST_ID, requestId);
        headers.set(COST, cost.toDecimalString());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private byte[] toBytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
