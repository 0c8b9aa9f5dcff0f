package io.ledgerline.ledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Refuses, before any controller sees them, requests whose meaning the servlet stack would bend:
 *
 * <ul>
 *   <li>a path with {@code ;}: the container and Spring strip "matrix parameters", so {@code
 *       partner:acme;DROP} would be served as {@code partner:acme}. No id may hold a {@code ;}.
 *   <li>an {@code asOf} outside {@link #EARLIEST_AS_OF} to {@link #LATEST_AS_OF}: Java parses
 *       instants a billion years away that PostgreSQL cannot compare with a timestamp.
 * </ul>
 */
@Component
public class RequestGuard extends OncePerRequestFilter {

    public static final Instant EARLIEST_AS_OF = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST_AS_OF = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final ObjectMapper json;

    public RequestGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().indexOf(';') >= 0) {
            refuse(
                    request,
                    response,
                    Problem.of(
                                    CommonRefusal.INVALID_ID,
                                    "a path may not hold ';': no id contains one")
                            .withField("path"));
            return;
        }
        var asOf = "GET".equals(request.getMethod()) ? request.getParameter("asOf") : null;
        if (asOf != null && !isWithinRange(asOf)) {
            refuse(
                    request,
                    response,
                    Problem.of(
                                    CommonRefusal.INVALID_PARAMETER,
                                    "asOf must be an ISO-8601 instant from "
                                            + EARLIEST_AS_OF
                                            + " to "
                                            + LATEST_AS_OF)
                            .withField("asOf"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Blank means "now"; anything else is an instant within the stated range. */
    private static boolean isWithinRange(String asOf) {
        if (asOf.isBlank()) {
            return true;
        }
        try {
            var instant = Instant.parse(asOf.trim());
            return !instant.isBefore(EARLIEST_AS_OF) && !instant.isAfter(LATEST_AS_OF);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.withInstance(request.getRequestURI()));
    }
}
