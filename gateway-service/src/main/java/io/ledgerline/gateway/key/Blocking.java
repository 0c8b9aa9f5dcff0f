package io.ledgerline.gateway.key;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Management calls use JDBC and the ledger's HTTP API, so they run off the event loop. */
final class Blocking {

    private Blocking() {
    }

    static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
