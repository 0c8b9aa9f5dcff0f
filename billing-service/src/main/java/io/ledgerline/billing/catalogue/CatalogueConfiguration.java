package io.ledgerline.billing.catalogue;

import io.ledgerline.contracts.rating.ModelCatalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CatalogueConfiguration {

    @Bean
    ModelCatalogue modelCatalogue() {
        return ModelCatalogue.standard();
    }
}
