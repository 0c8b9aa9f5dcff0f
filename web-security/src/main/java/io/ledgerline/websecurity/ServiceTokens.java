package io.ledgerline.websecurity;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * The bearer token a service sends on its own calls to another service: obtained with client
 * credentials from the authorization server, kept until shortly before it expires, dropped when the
 * callee answers 401 so the next call gets a fresh one.
 */
public final class ServiceTokens {

    /** The client registration every service names its own identity by. */
    public static final String REGISTRATION = "ledgerline";

    private ServiceTokens() {}

    public static ClientHttpRequestInterceptor interceptor(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        var manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(
                OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        return interceptor;
    }
}
