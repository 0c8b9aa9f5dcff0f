package io.ledgerline.gateway.security;

import io.ledgerline.gateway.server.ManagementListener;
import io.ledgerline.websecurity.Doors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

import reactor.core.publisher.Mono;

/**
 * The management listener's one security filter chain: a JWT resource server whose tokens are
 * checked locally (signature against the authorization server's cached JWK set, issuer, audience
 * {@code gateway}, expiry), each endpoint opened only to the scope {@link GatewayDoors} names. It
 * matches only requests that came in on the management listener: the public port's {@code /v1}
 * never reaches Spring's filters, and its health needs no credential.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    @Bean
    SecurityWebFilterChain managementDoors(
            ServerHttpSecurity http, Doors doors, ManagementListener listener) {
        var problems = new ProblemResponses(doors);
        http.securityMatcher(
                        exchange ->
                                listener.serves(exchange)
                                        ? MatchResult.match()
                                        : MatchResult.notMatch())
                .authorizeExchange(
                        exchanges -> {
                            doors.publicPaths()
                                    .forEach(path -> exchanges.pathMatchers(path).permitAll());
                            doors.doors()
                                    .forEach(
                                            door ->
                                                    exchanges
                                                            .pathMatchers(
                                                                    door.method(), door.pattern())
                                                            .hasAuthority("SCOPE_" + door.scope()));
                            exchanges.anyExchange().authenticated();
                        })
                .oauth2ResourceServer(
                        server ->
                                server.jwt(Customizer.withDefaults())
                                        .authenticationEntryPoint(problems)
                                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors ->
                                errors.authenticationEntryPoint(problems)
                                        .accessDeniedHandler(problems))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // No cookies, no browser sessions: a bearer token cannot be ridden by a forged
                // cross-site request, so CSRF tokens would guard nothing here.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable);
        return http.build();
    }

    /**
     * Spring Security's firewall, but letting a {@code ;} through to the management API's own
     * refusal: a path segment with matrix parameters is {@code INVALID_ID} naming the id it spoils
     * ({@code error/ProblemHandler}), which tells the caller more than a bare 400 of the firewall.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        var firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowSemicolon(true);
        return firewall;
    }

    /**
     * A request Spring Security's firewall refuses before any door (an encoded slash, a
     * non-printable header) is a 400 problem like any other bad input.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchangeProblem() {
        return (exchange, rejected) ->
                Mono.defer(() -> ProblemResponses.rejected(exchange, rejected));
    }
}
