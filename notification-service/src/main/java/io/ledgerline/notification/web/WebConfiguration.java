package io.ledgerline.notification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.ledgerline.contracts.json.StrictJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/** Request bodies are read by the contracts' strict rules; time comes from one clock. */
@Configuration
class WebConfiguration {

    @Bean
    @Primary
    ObjectMapper objectMapper() {
        return StrictJson.configure(JsonMapper.builder())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
