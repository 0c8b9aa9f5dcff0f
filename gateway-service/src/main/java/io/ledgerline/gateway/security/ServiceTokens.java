package io.ledgerline.gateway.security;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import reactor.core.publisher.Mono;

/**
 * The bearer token the gateway sends on its own calls to other services (the ledger): obtained with
 * client credentials from the authorization server as registration {@value #REGISTRATION}, kept
 * until shortly before it expires (the authorized-client manager's cache, so not one token per
 * call), dropped when the callee answers 401 so the next call gets a fresh one.
 */
@Component
public class ServiceTokens implements ExchangeFilterFunction {

    /** The client registration every service names its own identity by. */
    public static final String REGISTRATION = "ledgerline";

    private final ServerOAuth2AuthorizedClientExchangeFilterFunction bearer;

    ServiceTokens(
            ReactiveClientRegistrationRepository registrations,
            ReactiveOAuth2AuthorizedClientService clients) {
        var manager =
                new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
                        registrations, clients);
        manager.setAuthorizedClientProvider(
                ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                        .clientCredentials()
                        .build());
        bearer = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        bearer.setDefaultClientRegistrationId(REGISTRATION);
        bearer.setAuthorizationFailureHandler(
                new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler(
                        (registrationId, principal, attributes) ->
                                clients.removeAuthorizedClient(
                                        registrationId, principal.getName())));
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return bearer.filter(request, next);
    }
}
