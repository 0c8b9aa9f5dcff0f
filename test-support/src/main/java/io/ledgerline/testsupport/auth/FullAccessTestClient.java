package io.ledgerline.testsupport.auth;

import io.ledgerline.websecurity.Doors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Gives the test's {@code TestRestTemplate} a token holding every scope of the service under test,
 * so a test of what an endpoint does is not also a test of its door. A request that sets its own
 * {@code Authorization} keeps it; the doors themselves are checked by {@link DoorWalk} and by tests
 * that send no token or a narrow one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FullAccessTestClient {

    @Bean
    RestTemplateCustomizer fullAccessToken(ObjectProvider<Doors> doors) {
        return template ->
                template.getInterceptors()
                        .add(
                                (request, body, execution) -> {
                                    var service = doors.getIfAvailable();
                                    if (service != null
                                            && !request.getHeaders()
                                                    .containsKey(HttpHeaders.AUTHORIZATION)) {
                                        request.getHeaders()
                                                .set(
                                                        HttpHeaders.AUTHORIZATION,
                                                        TestTokens.bearer(
                                                                service.scopes()
                                                                        .toArray(String[]::new)));
                                    }
                                    return execution.execute(request, body);
                                });
    }
}
