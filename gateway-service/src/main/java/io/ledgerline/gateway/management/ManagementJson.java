package io.ledgerline.gateway.management;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.ledgerline.contracts.json.StrictJson;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * How the management API reads a body: {@link StrictJson}'s rules, unknown fields refused, at most
 * {@link #MAX_BODY_BYTES}. Only WebFlux's server codecs are changed: {@code /v1} is not served by
 * WebFlux (it reads its bodies with Jackson's streaming parser), and the ledger client keeps its
 * own reading of the ledger's answers. Ordered last so that it replaces the decoder Spring Boot
 * configures.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class ManagementJson implements WebFluxConfigurer {

    /** Well above the largest valid body (a key with 50 models, 50 domains, a long description). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        var mapper =
                StrictJson.configure(JsonMapper.builder())
                        .addModule(new JavaTimeModule())
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
        var decoder = new Jackson2JsonDecoder(mapper);
        decoder.setMaxInMemorySize(MAX_BODY_BYTES);
        configurer.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES);
        configurer.defaultCodecs().jackson2JsonDecoder(decoder);
    }
}
