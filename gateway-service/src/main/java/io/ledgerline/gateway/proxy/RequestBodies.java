package io.ledgerline.gateway.proxy;

import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.server.HttpServerRequest;

import java.util.concurrent.atomic.AtomicLong;

/** Reads a request body whole, refusing one above {@link #MAX_BODY_BYTES} before it is parsed. */
final class RequestBodies {

    /** Request bodies above this size are refused with 400. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final byte[] EMPTY = new byte[0];

    private RequestBodies() {}

    /** The body was larger than {@link #MAX_BODY_BYTES}. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(
                    "The request body is larger than " + MAX_BODY_BYTES + " bytes.",
                    null,
                    false,
                    false);
        }
    }

    static Mono<byte[]> read(HttpServerRequest request) {
        var declared = request.requestHeaders().getInt("content-length");
        if (declared != null && declared > MAX_BODY_BYTES) {
            return Mono.error(new TooLarge());
        }
        var received = new AtomicLong();
        var limited =
                request.receive()
                        .doOnNext(
                                chunk -> {
                                    if (received.addAndGet(chunk.readableBytes())
                                            > MAX_BODY_BYTES) {
                                        throw new TooLarge();
                                    }
                                });
        return ByteBufFlux.fromInbound(limited).aggregate().asByteArray().defaultIfEmpty(EMPTY);
    }
}
