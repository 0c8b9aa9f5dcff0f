package io.ledgerline.billing.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.contracts.json.StrictJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * How billing's HTTP API reads JSON: Spring Boot's settings plus the contracts' strict request
 * rules (one value and nothing after it, no duplicate keys, no coercion into numbers or flags, no
 * NUL or unpaired surrogate). Unknown fields are ignored: agent runtimes report usage with fields
 * of their own, and every field billing reads is validated where it is used.
 */
@Configuration
class RequestJson {

    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder spring) {
        JsonMapper mapper = StrictJson.configure(JsonMapper.builder()).build();
        spring.configure(mapper);
        return mapper;
    }
}
