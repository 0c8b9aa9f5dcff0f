package io.ledgerline.portal.session;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.io.IOException;

/**
 * 401 without a session, 403 for a missing or wrong CSRF token or the other role's API, in the
 * problem body the controllers answer with.
 */
final class PeopleProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final PathPatternRequestMatcher PARTNER_API =
            PathPatternRequestMatcher.withDefaults().matcher(PortalSecurity.PARTNER_API);
    private static final PathPatternRequestMatcher CUSTOMER_API =
            PathPatternRequestMatcher.withDefaults().matcher(PortalSecurity.CUSTOMER_API);

    @Override
    public void commence(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException failure)
            throws IOException {
        SecurityProblems.write(
                request, response, Problem.of(CommonRefusal.UNAUTHENTICATED, "sign in first"));
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        SecurityProblems.write(request, response, problemOf(request, denied));
    }

    private static Problem problemOf(HttpServletRequest request, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return Problem.of(
                    CommonRefusal.FORBIDDEN,
                    "send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN (GET "
                            + PortalSecurity.CSRF
                            + " sets it)");
        }
        if (PARTNER_API.matches(request)) {
            return Problem.of(PortalRefusal.PARTNER_ONLY, "only a partner may do this");
        }
        if (CUSTOMER_API.matches(request)) {
            return Problem.of(PortalRefusal.CUSTOMER_ONLY, "AI Gateway keys are a customer's own");
        }
        return Problem.of(CommonRefusal.FORBIDDEN, "not open here");
    }
}
