package io.ledgerline.portal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }

    /**
     * Request bodies are read as sent: content after the JSON, {@code "5"} or {@code 1.5} for a
     * whole number, {@code "true"} for a boolean or a number for a text is a 400 MALFORMED_REQUEST,
     * never silently coerced into something the SPA did not mean.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder ->
                builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .featuresToDisable(
                                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                                MapperFeature.ALLOW_COERCION_OF_SCALARS)
                        .postConfigurer(
                                json ->
                                        json.coercionConfigFor(LogicalType.Textual)
                                                .setCoercion(
                                                        CoercionInputShape.Integer,
                                                        CoercionAction.Fail)
                                                .setCoercion(
                                                        CoercionInputShape.Float,
                                                        CoercionAction.Fail)
                                                .setCoercion(
                                                        CoercionInputShape.Boolean,
                                                        CoercionAction.Fail));
    }
}
