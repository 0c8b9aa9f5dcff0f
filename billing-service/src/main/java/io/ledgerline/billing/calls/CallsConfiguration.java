package io.ledgerline.billing.calls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Admission's time is a bean, so tests move it instead of waiting for minutes to pass. */
@Configuration
@EnableScheduling
class CallsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
