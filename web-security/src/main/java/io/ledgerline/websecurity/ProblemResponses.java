package io.ledgerline.websecurity;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.io.IOException;

/** 401 and 403 in the shared problem body, with the bearer challenge RFC 6750 asks for. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Doors doors;

    ProblemResponses(Doors doors) {
        this.doors = doors;
    }

    @Override
    public void commence(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException failure)
            throws IOException {
        boolean badToken = failure instanceof InvalidBearerTokenException;
        response.setHeader(
                "WWW-Authenticate",
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"ledgerline\"");
        var detail =
                badToken
                        ? "The bearer token is not valid here: " + failure.getMessage()
                        : "This endpoint needs a bearer token from the suite's authorization server";
        write(request, response, Problem.of(CommonRefusal.UNAUTHENTICATED, detail));
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var needed = doors.scopeFor(request.getMethod(), pathOf(request));
        var detail =
                needed.map(scope -> "This endpoint needs the scope " + scope)
                        .orElse("No credential may do this here");
        response.setHeader(
                "WWW-Authenticate",
                "Bearer error=\"insufficient_scope\""
                        + needed.map(scope -> ", scope=\"" + scope + "\"").orElse(""));
        write(request, response, Problem.of(CommonRefusal.FORBIDDEN, detail));
    }

    static void rejected(
            HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(
                request,
                response,
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getMessage()).withField("path"));
    }

    static String pathOf(HttpServletRequest request) {
        var uri = request.getRequestURI();
        var context = request.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
    }

    private static void write(
            HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        JSON.writeValue(response.getOutputStream(), problem.withInstance(pathOf(request)));
    }
}
