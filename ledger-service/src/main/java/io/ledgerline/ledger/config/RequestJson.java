package io.ledgerline.ledger.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.contracts.json.StrictJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * How the ledger's HTTP API reads and writes JSON: Spring Boot's settings (Java time as ISO
 * strings, its modules) plus the contracts' strict request rules, and unknown fields refused, since
 * every client sends exactly the documented fields (docs/ledger-api.md). Events are hashed and
 * stored with {@code ContractJson}, never with this mapper.
 */
@Configuration
class RequestJson {

    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder spring) {
        JsonMapper mapper = StrictJson.configure(JsonMapper.builder()).build();
        spring.configure(mapper);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }
}
