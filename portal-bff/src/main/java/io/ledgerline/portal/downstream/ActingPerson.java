package io.ledgerline.portal.downstream;

import io.ledgerline.portal.session.PortalUser;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.util.Set;

/**
 * Names the signed-in person on every downstream write: {@code X-Ledgerline-Actor:
 * user:<e-mail>@<tenant account>}. The service token says the portal calls; this says for whom, so
 * a downstream can log or audit it. The tenant is what follows the last {@code @}.
 */
final class ActingPerson implements ClientHttpRequestInterceptor {

    static final String HEADER = "X-Ledgerline-Actor";
    private static final Set<HttpMethod> READS =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public ClientHttpResponse intercept(
            HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!READS.contains(request.getMethod())) {
            var signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null && signedIn.getPrincipal() instanceof PortalUser user) {
                request.getHeaders().set(HEADER, of(user));
            }
        }
        return execution.execute(request, body);
    }

    static String of(PortalUser user) {
        return "user:" + user.email() + "@" + user.accountId();
    }
}
