package io.ledgerline.gateway;

import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.gateway.budget.UnbilledCharges;
import io.ledgerline.gateway.projection.LedgerProjection;
import io.ledgerline.gateway.upstream.UpstreamProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(UpstreamProperties.class)
public class GatewayConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ModelCatalogue modelCatalogue() {
        return ModelCatalogue.standard();
    }

    @Bean
    UnbilledCharges unbilledCharges() {
        return new UnbilledCharges();
    }

    /** The projection tells unbilled charges when the ledger has charged them. */
    @Bean
    LedgerProjection ledgerProjection(UnbilledCharges unbilled) {
        var projection = new LedgerProjection();
        projection.addListener(
                (event, partner) -> LedgerProjection.usageIdOf(event).ifPresent(unbilled::billed));
        return projection;
    }
}
