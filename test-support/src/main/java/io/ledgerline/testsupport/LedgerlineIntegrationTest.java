package io.ledgerline.testsupport;

import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring test as running against the real PostgreSQL and Kafka of {@link
 * RealInfrastructure}. Combine with {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = RealInfrastructure.class)
public @interface LedgerlineIntegrationTest {}
