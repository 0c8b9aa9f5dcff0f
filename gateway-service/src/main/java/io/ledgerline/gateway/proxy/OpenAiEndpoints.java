package io.ledgerline.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.gateway.admission.Admission;
import io.ledgerline.gateway.budget.Hold;
import io.ledgerline.gateway.error.OpenAiRefusal;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.upstream.Upstream;
import io.ledgerline.gateway.upstream.UpstreamFailed;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.time.Clock;
import java.util.function.Function;

/**
 * The OpenAI-compatible surface: authenticate the virtual key, admit the request in memory, forward
 * it to the provider, settle and meter it. Nothing here waits for the database or the ledger.
 */
@Component
class OpenAiEndpoints {

    private static final Logger log = LoggerFactory.getLogger(OpenAiEndpoints.class);
    private static final String BEARER = "Bearer ";
    private static final String MODELS = "/v1/models";

    private final KeyRegistry registry;
    private final Admission admission;
    private final Upstream upstream;
    private final Metering metering;
    private final ModelCatalogue catalogue;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    OpenAiEndpoints(
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

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        var requestId = RequestIds.next();
        var path = request.fullPath();
        Publisher<Void> answer;
        try {
            answer = route(request, response, requestId, path);
        } catch (RuntimeException bug) {
            answer = Mono.error(bug);
        }
        return Mono.from(answer)
                .onErrorResume(
                        bug -> {
                            log.error("request {} to {} failed", requestId, path, bug);
                            return response.hasSentHeaders()
                                    ? Mono.empty()
                                    : GatewayReply.refusal(
                                            response, requestId, OpenAiRefusal.internal());
                        });
    }

    private Publisher<Void> route(
            HttpServerRequest request, HttpServerResponse response, String requestId, String path) {
        boolean post = request.method() == HttpMethod.POST;
        if (post && path.equals("/v1/chat/completions")) {
            return forward(request, response, requestId, "/chat/completions", this::chat);
        }
        if (post && path.equals("/v1/embeddings")) {
            return forward(request, response, requestId, "/embeddings", this::embeddings);
        }
        if (!post && path.equals(MODELS)) {
            return models(request, response, requestId);
        }
        if (!post && path.startsWith(MODELS + "/") && path.length() > MODELS.length() + 1) {
            return model(request, response, requestId, path.substring(MODELS.length() + 1));
        }
        return RequestBodies.read(request)
                .then(GatewayReply.refusal(response, requestId, OpenAiRefusal.unknownPath(path)));
    }

    private ProxyRequest chat(byte[] body) {
        return ProxyRequest.chat(body, json, catalogue);
    }

    private ProxyRequest embeddings(byte[] body) {
        return ProxyRequest.embeddings(body, json, catalogue);
    }

    private Mono<Void> models(
            HttpServerRequest request, HttpServerResponse response, String requestId) {
        var key = authenticate(request);
        if (key == null || key.revoked()) {
            return refuseKey(response, requestId, key);
        }
        var list = json.createObjectNode().put("object", "list");
        var data = list.putArray("data");
        for (var model : key.config().allowedModels()) {
            describeModel(data.addObject(), model);
        }
        return GatewayReply.json(response, requestId, 200, Credits.ZERO, toBytes(list));
    }

    private Mono<Void> model(
            HttpServerRequest request,
            HttpServerResponse response,
            String requestId,
            String model) {
        var key = authenticate(request);
        if (key == null || key.revoked()) {
            return refuseKey(response, requestId, key);
        }
        if (!key.config().allowedModels().contains(model)) {
            return GatewayReply.refusal(response, requestId, OpenAiRefusal.modelNotFound(model));
        }
        var body = describeModel(json.createObjectNode(), model);
        return GatewayReply.json(response, requestId, 200, Credits.ZERO, toBytes(body));
    }

    /** A model object as OpenAI's {@code /v1/models} answers it. */
    private static ObjectNode describeModel(ObjectNode node, String model) {
        return node.put("id", model)
                .put("object", "model")
                .put("created", 0)
                .put("owned_by", "ledgerline");
    }

    private static Mono<Void> refuseKey(
            HttpServerResponse response, String requestId, LiveKey key) {
        return GatewayReply.refusal(
                response,
                requestId,
                key == null ? OpenAiRefusal.invalidKey() : OpenAiRefusal.revoked());
    }

    private Publisher<Void> forward(
            HttpServerRequest request,
            HttpServerResponse response,
            String requestId,
            String upstreamPath,
            Function<byte[], ProxyRequest> parse) {
        var startNanos = System.nanoTime();
        var key = authenticate(request);
        // The body is read even for a refused key: an unread body leaves the keep-alive
        // connection in a state some clients hang on.
        return RequestBodies.read(request)
                .flatMapMany(
                        body ->
                                key == null
                                        ? GatewayReply.refusal(
                                                response, requestId, OpenAiRefusal.invalidKey())
                                        : admitAndForward(
                                                new Call(
                                                        request,
                                                        response,
                                                        key,
                                                        requestId,
                                                        upstreamPath,
                                                        parse.apply(body),
                                                        startNanos)))
                .onErrorResume(
                        RequestBodies.TooLarge.class,
                        tooLarge ->
                                GatewayReply.refusal(
                                        response,
                                        requestId,
                                        OpenAiRefusal.badRequest(tooLarge.getMessage(), null)))
                .then();
    }

    /** One admitted (or about to be admitted) request and what its answer needs. */
    private record Call(
            HttpServerRequest request,
            HttpServerResponse response,
            LiveKey key,
            String requestId,
            String upstreamPath,
            ProxyRequest proxied,
            long startNanos) {}

    private Publisher<Void> admitAndForward(Call call) {
        var proxied = call.proxied();
        if (proxied.refusal() != null) {
            return GatewayReply.refusal(call.response(), call.requestId(), proxied.refusal());
        }
        if (!metering.recording()) {
            return GatewayReply.refusal(
                    call.response(), call.requestId(), OpenAiRefusal.meteringUnavailable());
        }
        var headers = call.request().requestHeaders();
        Admission.Decision decision;
        try {
            decision =
                    admission.admit(
                            call.key(),
                            new Admission.Ask(
                                    proxied.price(),
                                    proxied.promptTokensBound(),
                                    proxied.maxCompletionTokens(),
                                    headers.get(HttpHeaderNames.ORIGIN),
                                    headers.get(HttpHeaderNames.REFERER)),
                            clock.instant());
        } catch (ArithmeticException overflow) {
            // The worst-case cost did not fit (a key's markup far beyond any tested): the caller's
            // limit is what made it so, and nothing was held before the cost was known.
            return GatewayReply.refusal(
                    call.response(),
                    call.requestId(),
                    OpenAiRefusal.badRequest(
                            "The worst-case cost of this request is too large to hold; lower"
                                    + " 'max_tokens'.",
                            "max_tokens"));
        }
        if (decision.refusal() != null) {
            return GatewayReply.refusal(call.response(), call.requestId(), decision.refusal());
        }
        var hold = decision.hold();
        var provider = upstream.providerFor(proxied.price().model());
        if (provider == null) {
            hold.release();
            return GatewayReply.refusal(
                    call.response(),
                    call.requestId(),
                    OpenAiRefusal.modelNotFound(proxied.price().model()));
        }
        return proxied.stream()
                ? stream(
                        call,
                        hold,
                        upstream.stream(
                                provider,
                                call.upstreamPath(),
                                proxied.forwardBody(),
                                loopOf(call.request())))
                : plain(
                        call,
                        hold,
                        upstream.call(
                                provider,
                                call.upstreamPath(),
                                proxied.forwardBody(),
                                loopOf(call.request())));
    }

    private Mono<Void> plain(Call call, Hold hold, Mono<Upstream.Answer> answer) {
        // Cached and subscribed here, so a client that hangs up does not stop the metering.
        var metered =
                answer.map(reply -> new Metered(reply, meter(call, hold, reply.body())))
                        .doOnError(error -> hold.release())
                        .cache();
        metered.subscribe(ignored -> {}, ignored -> {});
        return metered.flatMap(
                        result ->
                                GatewayReply.json(
                                        call.response(),
                                        call.requestId(),
                                        result.reply().status(),
                                        result.cost(),
                                        result.reply().body()))
                .onErrorResume(UpstreamFailed.class, failed -> upstreamFailed(call, hold, failed));
    }

    private record Metered(Upstream.Answer reply, Credits cost) {}

    private Credits meter(Call call, Hold hold, byte[] body) {
        var proxied = call.proxied();
        var measured =
                AnswerUsage.read(
                        body,
                        json.getFactory(),
                        proxied.promptTokensBound(),
                        proxied.maxCompletionTokens());
        return metering.finish(
                call.key(), hold, call.requestId(), proxied.price(), measured, call.startNanos());
    }

    private Publisher<Void> stream(Call call, Hold hold, Flux<byte[]> chunks) {
        var relay =
                StreamRelay.start(
                        chunks,
                        new SseUsageScanner(json),
                        scanner ->
                                ": "
                                        + GatewayReply.COST
                                        + "="
                                        + meterStream(call, hold, scanner).toDecimalString()
                                        + "\n\n",
                        error -> hold.release());
        return relay.started()
                .flatMapMany(
                        ok ->
                                GatewayReply.stream(
                                        call.response(),
                                        call.requestId(),
                                        hold.amount(),
                                        relay.body()))
                .onErrorResume(UpstreamFailed.class, failed -> upstreamFailed(call, hold, failed));
    }

    private Credits meterStream(Call call, Hold hold, SseUsageScanner scanner) {
        var proxied = call.proxied();
        var measured =
                scanner.sawUsage()
                        ? new Metering.Measured(
                                scanner.promptTokens(),
                                scanner.completionTokens(),
                                scanner.toolCalls())
                        : new Metering.Measured(
                                proxied.promptTokensBound(),
                                Math.min(scanner.contentChunks(), proxied.maxCompletionTokens()),
                                scanner.toolCalls());
        return metering.finish(
                call.key(), hold, call.requestId(), proxied.price(), measured, call.startNanos());
    }

    private Mono<Void> upstreamFailed(Call call, Hold hold, UpstreamFailed failed) {
        hold.release();
        if (failed.isClientError()) {
            return GatewayReply.json(
                    call.response(),
                    call.requestId(),
                    failed.status(),
                    Credits.ZERO,
                    failed.body());
        }
        return GatewayReply.refusal(
                call.response(), call.requestId(), OpenAiRefusal.upstreamFailed(failed.status()));
    }

    /** The event loop serving this request's connection; its upstream call runs there too. */
    private static EventLoop loopOf(HttpServerRequest request) {
        var loop = new EventLoop[1];
        request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
        return loop[0];
    }

    private LiveKey authenticate(HttpServerRequest request) {
        var header = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return registry.authenticate(header.substring(BEARER.length()).trim());
    }

    private byte[] toBytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
