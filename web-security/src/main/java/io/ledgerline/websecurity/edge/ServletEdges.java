package io.ledgerline.websecurity.edge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every servlet service answers before its own code runs, in the shared problem body: a body
 * above its limit (413 {@code PAYLOAD_TOO_LARGE}) and what Tomcat refuses by itself (a bad request
 * line, an encoded NUL in the path). Import it; declare a {@link BodyLimits} bean to give some
 * paths more room.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServletEdges {

    @Bean
    RequestBodyLimit requestBodyLimit(
            ObjectProvider<BodyLimits> declared,
            @Value("${ledgerline.http.max-body-bytes:1048576}") long maxBytes) {
        return new RequestBodyLimit(declared.getIfAvailable(() -> BodyLimits.of(maxBytes)));
    }

    @Bean
    TomcatProblemAnswers tomcatProblemAnswers() {
        return new TomcatProblemAnswers();
    }
}
