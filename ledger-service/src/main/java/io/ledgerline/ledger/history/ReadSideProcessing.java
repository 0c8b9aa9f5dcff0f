package io.ledgerline.ledger.history;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The read side's processor: pooled streaming with one segment, because system accounts
 * (platform/issuance, …) take legs from every holder and must see events in global order. A failing
 * batch is rolled back and retried, never skipped, at most {@link ReadSideGuard#MAX_ATTEMPTS} times
 * with back-off; then {@link ReadSideGuard} stops the processor and the read side's health is DOWN.
 */
@ConditionalOnProperty(name = "ledgerline.read-side.enabled", matchIfMissing = true)
@org.springframework.context.annotation.Configuration
class ReadSideProcessing {

    @Bean
    ReadSideGuard readSideGuard() {
        return new ReadSideGuard();
    }

    @Bean
    ConfigurerModule ledgerProjectionProcessor(
            @Value("${ledgerline.read-side.batch-size:500}") int batchSize, ReadSideGuard guard) {
        return configurer ->
                configurer.eventProcessing(
                        processing ->
                                processing
                                        .registerPooledStreamingEventProcessor(
                                                LedgerProjectionHandler.PROCESSOR,
                                                Configuration::eventStore,
                                                (config, builder) ->
                                                        builder.batchSize(batchSize)
                                                                .initialSegmentCount(1))
                                        .registerListenerInvocationErrorHandler(
                                                LedgerProjectionHandler.PROCESSOR,
                                                config -> PropagatingErrorHandler.instance())
                                        .registerErrorHandler(
                                                LedgerProjectionHandler.PROCESSOR,
                                                config -> {
                                                    guard.attach(
                                                            () ->
                                                                    config.eventProcessingConfiguration()
                                                                            .eventProcessor(
                                                                                    LedgerProjectionHandler
                                                                                            .PROCESSOR)
                                                                            .orElse(null));
                                                    return guard;
                                                }));
    }
}
