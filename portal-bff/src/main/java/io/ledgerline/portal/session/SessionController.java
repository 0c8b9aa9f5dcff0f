package io.ledgerline.portal.session;

import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.Refused;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfLogoutHandler;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign in (throttled; a new server-side session and CSRF token) and sign out (the session is gone
 * on the server, its cookie and the CSRF token cleared).
 */
@RestController
@RequestMapping(PortalSecurity.SESSION)
class SessionController {

    record SignIn(String email, String password) {}

    record SignedInAs(String email, String displayName, Role role, String accountId) {}

    private final Authenticator authenticator;
    private final SignInThrottle throttle;
    private final SessionAuthenticationStrategy signInSessions;
    private final SecurityContextRepository sessions;
    private final CsrfTokenRepository csrfTokens;
    private final ApplicationEventPublisher events;
    private final String sessionCookie;
    private final SecurityContextHolderStrategy contexts =
            SecurityContextHolder.getContextHolderStrategy();

    SessionController(
            Authenticator authenticator,
            SignInThrottle throttle,
            SessionAuthenticationStrategy signInSessions,
            SecurityContextRepository sessions,
            CsrfTokenRepository csrfTokens,
            ServerProperties server,
            ApplicationEventPublisher events) {
        this.events = events;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.signInSessions = signInSessions;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.sessionCookie = server.getServlet().getSession().getCookie().getName();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    SignedInAs signIn(
            @RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
        var attempt = throttle.attempt(body.email(), request.getRemoteAddr());
        var authenticated = authenticator.authenticate(body.email(), body.password());
        if (authenticated.isEmpty()) {
            events.publishEvent(
                    new SessionEvents.SignInRefused(
                            Authenticator.recordable(body.email()),
                            authenticator.tenantOf(body.email()).orElse(null),
                            PortalRefusal.INVALID_CREDENTIALS.name(),
                            request.getRemoteAddr()));
            throw new Refused(
                    PortalRefusal.INVALID_CREDENTIALS, "the e-mail or password is not right");
        }
        var user = authenticated.get();
        attempt.succeeded();
        var signedIn =
                UsernamePasswordAuthenticationToken.authenticated(
                        user, null, AuthorityUtils.createAuthorityList("ROLE_" + user.role()));
        signInSessions.onAuthentication(signedIn, request, response);
        var context = contexts.createEmptyContext();
        context.setAuthentication(signedIn);
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
        events.publishEvent(new SessionEvents.SignedIn(user, request.getRemoteAddr()));
        return new SignedInAs(user.email(), user.displayName(), user.role(), user.accountId());
    }

    @DeleteMapping
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        var signedIn = contexts.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof PortalUser user) {
            events.publishEvent(new SessionEvents.SignedOut(user, request.getRemoteAddr()));
        }
        new SecurityContextLogoutHandler().logout(request, response, signedIn);
        new CookieClearingLogoutHandler(sessionCookie).logout(request, response, signedIn);
        new CsrfLogoutHandler(csrfTokens).logout(request, response, signedIn);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(SignInThrottled.class)
    ResponseEntity<Problem> throttled(SignInThrottled throttled, HttpServletRequest request) {
        var problem =
                Problem.of(
                        PortalRefusal.SIGN_IN_THROTTLED,
                        "too many sign-in attempts; try again in "
                                + throttled.retryAfter().toSeconds()
                                + " s");
        return ResponseEntity.status(problem.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.withInstance(request.getRequestURI()));
    }
}
