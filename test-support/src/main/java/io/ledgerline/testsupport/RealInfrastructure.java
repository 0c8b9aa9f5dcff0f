package io.ledgerline.testsupport;

import io.ledgerline.testsupport.auth.TestAuthorizationServer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a Spring Boot test at the real PostgreSQL database, Kafka broker and authorization server
 * of this JVM (the service's own client credentials included). Use it as
 * {@code @ContextConfiguration(initializers = RealInfrastructure.class)} (or through {@link
 * LedgerlineIntegrationTest}); no test decides on its own where its servers come from.
 */
public class RealInfrastructure
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final int POOL_SIZE_PER_CONTEXT = 5;

    public static Map<String, Object> properties() {
        var db = TestPostgres.database();
        var props = new LinkedHashMap<String, Object>();
        props.put("spring.datasource.url", db.jdbcUrl());
        props.put("spring.datasource.username", db.user());
        props.put("spring.datasource.password", db.password());
        // Several contexts per test JVM and several JVMs share one server's connection limit.
        props.put(
                "spring.datasource.hikari.maximum-pool-size",
                String.valueOf(POOL_SIZE_PER_CONTEXT));
        props.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        props.put("axon.axonserver.enabled", "false");
        var auth = TestAuthorizationServer.get();
        props.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", auth.url());
        props.put(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                auth.url() + "/oauth2/jwks");
        props.put(
                "spring.security.oauth2.client.provider.ledgerline.token-uri",
                auth.url() + "/oauth2/token");
        props.put(
                "spring.security.oauth2.client.registration.ledgerline.client-secret",
                auth.clientSecret());
        return props;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("ledgerline-real-infrastructure", properties()));
    }
}
