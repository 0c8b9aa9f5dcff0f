package io.ledgerline.testsupport;

import io.ledgerline.testsupport.auth.FullAccessTestClient;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring test as running against the real PostgreSQL and Kafka of {@link
 * RealInfrastructure}, its {@code TestRestTemplate} holding a token with every scope of the service
 * under test. Combine with {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@Import(FullAccessTestClient.class)
public @interface LedgerlineIntegrationTest {}
