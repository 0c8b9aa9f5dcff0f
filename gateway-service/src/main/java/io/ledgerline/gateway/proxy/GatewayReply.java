package io.ledgerline.gateway.proxy;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.gateway.error.OpenAiRefusal;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;

import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Writes the gateway's answers. Every answer carries {@code x-request-id} and {@code
 * x-ledgerline-cost-credits}: the charge in the key's credits; for a stream, the pre-authorised
 * maximum, with the real charge in a final SSE comment after {@code data: [DONE]}.
 */
final class GatewayReply {

    static final String REQUEST_ID = "x-request-id";
    static final String COST = "x-ledgerline-cost-credits";
    private static final String EVENT_STREAM = "text/event-stream";

    private GatewayReply() {}

    static Mono<Void> json(
            HttpServerResponse response, String requestId, int status, Credits cost, byte[] body) {
        return response.status(HttpResponseStatus.valueOf(status))
                .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
                .header(REQUEST_ID, requestId)
                .header(COST, cost.toDecimalString())
                .sendByteArray(Mono.just(body))
                .then();
    }

    static Mono<Void> refusal(
            HttpServerResponse response, String requestId, OpenAiRefusal refusal) {
        return json(response, requestId, refusal.status(), Credits.ZERO, refusal.toJson());
    }

    /** Sends server-sent events as they come, flushing each chunk. */
    static Publisher<Void> stream(
            HttpServerResponse response, String requestId, Credits held, Flux<byte[]> chunks) {
        return response.status(HttpResponseStatus.OK)
                .header(HttpHeaderNames.CONTENT_TYPE, EVENT_STREAM)
                .header(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .header(REQUEST_ID, requestId)
                .header(COST, held.toDecimalString())
                .send(chunks.map(Unpooled::wrappedBuffer), chunk -> true);
    }
}
