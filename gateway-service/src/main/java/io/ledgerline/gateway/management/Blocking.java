package io.ledgerline.gateway.management;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/** Management calls use JDBC and the ledger's HTTP API, so they run off the event loop. */
public final class Blocking {

    private Blocking() {}

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
