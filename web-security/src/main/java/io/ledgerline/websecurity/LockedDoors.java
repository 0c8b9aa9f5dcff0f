package io.ledgerline.websecurity;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A service's one security filter chain: a JWT resource server whose tokens are checked locally
 * (signature against the authorization server's cached JWK set, issuer, audience, expiry), each
 * endpoint opened only to the scope its {@link Doors} names. Import it and declare a {@link Doors}
 * bean.
 *
 * <p>An endpoint no door covers is open to any valid token of this audience; the test that walks
 * the OpenAPI document fails on it, which is where a forgotten door is caught.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LockedDoors {

    @Bean
    SecurityFilterChain lockedDoors(HttpSecurity http, Doors doors) throws Exception {
        var problems = new ProblemResponses(doors);
        http.authorizeHttpRequests(
                        requests -> {
                            // An error page rendered for a refused request is that refusal's body.
                            requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                            doors.publicPaths()
                                    .forEach(path -> requests.requestMatchers(path).permitAll());
                            doors.doors()
                                    .forEach(
                                            door ->
                                                    requests.requestMatchers(
                                                                    door.method(), door.pattern())
                                                            .hasAuthority("SCOPE_" + door.scope()));
                            requests.anyRequest().authenticated();
                        })
                .oauth2ResourceServer(
                        server ->
                                server.jwt(jwt -> {})
                                        .authenticationEntryPoint(problems)
                                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors ->
                                errors.authenticationEntryPoint(problems)
                                        .accessDeniedHandler(problems))
                .sessionManagement(
                        session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies, no browser sessions: a bearer token cannot be ridden by a forged
                // cross-site request, so CSRF tokens would guard nothing here.
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * A request the firewall refuses before any door (a {@code ;} path parameter, an encoded slash,
     * a non-printable header) is a 400 problem like any other bad input.
     */
    @Bean
    RequestRejectedHandler requestRejectedProblem() {
        return ProblemResponses::rejected;
    }
}
