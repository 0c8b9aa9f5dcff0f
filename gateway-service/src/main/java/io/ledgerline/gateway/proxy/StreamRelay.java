package io.ledgerline.gateway.proxy;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Relays an upstream stream to the client while reading it, and keeps reading when the client goes
 * away: the upstream's tokens are charged whether or not anyone is still listening. The relay
 * subscribes to the upstream itself; the client gets what it has relayed so far and what follows.
 * What a slow client has not taken yet is buffered (bounded by the answer's size).
 */
final class StreamRelay {

    private final Sinks.One<Boolean> started = Sinks.one();
    private final Sinks.Many<byte[]> toClient = Sinks.many().unicast().onBackpressureBuffer();
    private final SseUsageScanner scanner;
    private volatile boolean first = true;

    private StreamRelay(SseUsageScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * Starts relaying. {@code finish} runs once when the upstream ends (error or not) and returns a
     * final SSE comment to send; {@code failedBeforeStart} runs instead when the upstream fails
     * before its first byte.
     */
    static StreamRelay start(
            Flux<byte[]> upstream,
            SseUsageScanner scanner,
            Function<SseUsageScanner, String> finish,
            Consumer<Throwable> failedBeforeStart) {
        var relay = new StreamRelay(scanner);
        upstream.subscribe(
                relay::next,
                error -> relay.error(error, finish, failedBeforeStart),
                () -> relay.complete(finish));
        return relay;
    }

    /** Emits once the first chunk arrives; fails if the upstream fails before that. */
    Mono<Boolean> started() {
        return started.asMono();
    }

    Flux<byte[]> body() {
        return toClient.asFlux();
    }

    private void next(byte[] chunk) {
        scanner.feed(chunk);
        toClient.tryEmitNext(chunk);
        if (first) {
            first = false;
            started.tryEmitValue(true);
        }
    }

    private void error(
            Throwable error,
            Function<SseUsageScanner, String> finish,
            Consumer<Throwable> failedBeforeStart) {
        if (first) {
            first = false;
            failedBeforeStart.accept(error);
            started.tryEmitError(error);
            return;
        }
        finish.apply(scanner);
        toClient.tryEmitError(error);
    }

    private void complete(Function<SseUsageScanner, String> finish) {
        var trailer = finish.apply(scanner);
        if (trailer != null) {
            toClient.tryEmitNext(trailer.getBytes(StandardCharsets.UTF_8));
        }
        toClient.tryEmitComplete();
        if (first) {
            first = false;
            started.tryEmitValue(true);
        }
    }
}
