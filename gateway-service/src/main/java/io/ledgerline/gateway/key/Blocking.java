package io.ledgerline.gateway.key;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/** Management calls use JDBC and the ledger's HTTP API, so they run off the event loop. */
final class Blocking {

    private Blocking() {}

    static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
