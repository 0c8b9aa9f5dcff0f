package io.ledgerline.portal.session;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionFixationProtectionStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.List;

/**
 * People's sessions: a server-side session behind an HttpOnly cookie, a new session id and CSRF
 * token at sign-in, a CSRF token on every state-changing request (sign-in and sign-out too), the
 * partner and customer APIs each for their own role, and only health open on the actuator. Tenant
 * isolation stays with {@code TenantGuard}: the role says which API, the guard which account.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInLimits.class)
class PortalSecurity {

    static final String PARTNER_API = "/api/portal/partner/**";
    static final String CUSTOMER_API = "/api/portal/gateway/**";
    static final String SESSION = "/api/portal/session";
    static final String CSRF = "/api/portal/csrf";
    static final String INVITATION_ACCEPT = "/api/portal/invitations/accept";

    @Bean
    SecurityFilterChain portal(
            HttpSecurity http,
            CsrfTokenRepository csrfTokens,
            SecurityContextRepository sessions,
            @Value("${ledgerline.portal.sign-in.max-body-bytes}") int maxSignInBytes)
            throws Exception {
        var problems = new PeopleProblems();
        return http.authorizeHttpRequests(
                        requests ->
                                requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                                        .permitAll()
                                        .requestMatchers("/actuator/health", "/actuator/health/**")
                                        .permitAll()
                                        .requestMatchers("/actuator/**")
                                        .denyAll()
                                        .requestMatchers(HttpMethod.POST, SESSION)
                                        .permitAll()
                                        .requestMatchers(HttpMethod.DELETE, SESSION)
                                        .permitAll()
                                        .requestMatchers(HttpMethod.GET, CSRF)
                                        .permitAll()
                                        // The invited person has no login yet; the token decides.
                                        .requestMatchers(HttpMethod.POST, INVITATION_ACCEPT)
                                        .permitAll()
                                        .requestMatchers(PARTNER_API)
                                        .hasRole(Role.PARTNER.name())
                                        .requestMatchers(CUSTOMER_API)
                                        .hasRole(Role.CUSTOMER.name())
                                        .requestMatchers("/api/**")
                                        .authenticated()
                                        // The SPA's static files.
                                        .anyRequest()
                                        .permitAll())
                .csrf(
                        csrf ->
                                csrf.csrfTokenRepository(csrfTokens)
                                        .csrfTokenRequestHandler(plainTokens()))
                .securityContext(context -> context.securityContextRepository(sessions))
                .exceptionHandling(
                        errors ->
                                errors.authenticationEntryPoint(problems)
                                        .accessDeniedHandler(problems))
                .addFilterBefore(new SignInBodyLimit(maxSignInBytes), CsrfFilter.class)
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The SPA reads the token from the {@code XSRF-TOKEN} cookie (so it may not be HttpOnly) and
     * sends it back as {@code X-XSRF-TOKEN}; another site can neither read the cookie nor set the
     * header. Same SameSite and Secure as the session cookie.
     */
    @Bean
    CsrfTokenRepository csrfTokens(
            @Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        var tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secure).path("/"));
        return tokens;
    }

    @Bean
    SecurityContextRepository sessions() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * At sign-in: a new session (the old one, if any, invalidated, nothing carried over), so a
     * session id planted before sign-in is worthless; and a new CSRF token.
     */
    @Bean
    SessionAuthenticationStrategy signInSessions(CsrfTokenRepository csrfTokens) {
        var fixation = new SessionFixationProtectionStrategy();
        fixation.setMigrateSessionAttributes(false);
        var csrf = new CsrfAuthenticationStrategy(csrfTokens);
        csrf.setRequestHandler(plainTokens());
        return new CompositeSessionAuthenticationStrategy(List.of(fixation, csrf));
    }

    @Bean
    RequestRejectedHandler requestRejectedProblem() {
        return SecurityProblems::rejected;
    }

    /**
     * The token as it is in the cookie, not masked per response: the SPA copies the cookie into the
     * header. Loaded on every request, so every answer sets the cookie when it is missing.
     */
    private static CsrfTokenRequestAttributeHandler plainTokens() {
        var handler = new CsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        return handler;
    }
}
