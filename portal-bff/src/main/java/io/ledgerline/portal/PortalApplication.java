package io.ledgerline.portal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.contracts.json.StrictJson;
import io.ledgerline.websecurity.edge.ServletEdges;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@SpringBootApplication
@Import(ServletEdges.class)
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }

    /**
     * Request bodies are read by the contracts' {@link StrictJson} rules and refuse a field the
     * endpoint does not know, so no body can smuggle in a {@code partnerId}, {@code role} or {@code
     * tenant}. Only the MVC converters change: the downstream clients read the ledger's and
     * gateway's answers with Spring's own mapper, which ignores fields the portal does not use.
     */
    @Bean
    WebMvcConfigurer strictRequestBodies(Jackson2ObjectMapperBuilder spring) {
        var strict = StrictJson.configure(JsonMapper.builder()).build();
        spring.configure(strict);
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.replaceAll(
                        converter ->
                                converter instanceof MappingJackson2HttpMessageConverter
                                        ? new MappingJackson2HttpMessageConverter(strict)
                                        : converter);
            }
        };
    }
}
