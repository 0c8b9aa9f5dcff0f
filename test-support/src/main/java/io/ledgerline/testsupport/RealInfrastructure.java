package io.ledgerline.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a Spring Boot test at the real PostgreSQL database and Kafka broker of this JVM. Use it as
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
