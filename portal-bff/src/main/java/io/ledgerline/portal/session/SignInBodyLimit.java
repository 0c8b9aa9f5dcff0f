package io.ledgerline.portal.session;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A sign-in body is an e-mail and a password: one larger than a few kilobytes is refused before it
 * is read, so nobody makes the portal parse megabytes per guess.
 */
final class SignInBodyLimit extends OncePerRequestFilter {

    private final int maxBytes;

    SignInBodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && PortalSecurity.SESSION.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            SecurityProblems.write(
                    request,
                    response,
                    Problem.of(
                            CommonRefusal.PAYLOAD_TOO_LARGE,
                            "a sign-in is at most " + maxBytes + " bytes"));
            return;
        }
        chain.doFilter(request, response);
    }
}
