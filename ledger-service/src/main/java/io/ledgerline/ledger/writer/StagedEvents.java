package io.ledgerline.ledger.writer;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a partition's accounts apply their events during a batch: a plain list, appended to the
 * event store by the writer once the batch is decided. Nothing subscribes to it.
 */
final class StagedEvents implements EventBus {

    private final List<EventMessage<?>> events = new ArrayList<>();

    @Override
    public void publish(List<? extends EventMessage<?>> applied) {
        events.addAll(applied);
    }

    List<EventMessage<?>> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }

    @Override
    public Registration subscribe(Consumer<List<? extends EventMessage<?>>> processor) {
        throw new UnsupportedOperationException("staged events are appended, not subscribed to");
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super EventMessage<?>> interceptor) {
        throw new UnsupportedOperationException("staged events are appended as applied");
    }
}
