package io.ledgerline.gateway.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.websecurity.Doors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * 401 and 403 in the shared problem body, with the bearer challenge RFC 6750 asks for: the same
 * answers as the servlet services give (web-security), for the reactive management listener.
 */
final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Doors doors;

    ProblemResponses(Doors doors) {
        this.doors = doors;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean badToken = failure instanceof OAuth2AuthenticationException;
        exchange.getResponse()
                .getHeaders()
                .set(
                        "WWW-Authenticate",
                        badToken
                                ? "Bearer error=\"invalid_token\""
                                : "Bearer realm=\"ledgerline\"");
        var detail =
                badToken
                        ? "The bearer token is not valid here: " + failure.getMessage()
                        : "This endpoint needs a bearer token from the suite's authorization server";
        return write(exchange, Problem.of(CommonRefusal.UNAUTHENTICATED, detail));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        var request = exchange.getRequest();
        var needed = doors.scopeFor(request.getMethod().name(), pathOf(exchange));
        var detail =
                needed.map(scope -> "This endpoint needs the scope " + scope)
                        .orElse("No credential may do this here");
        exchange.getResponse()
                .getHeaders()
                .set(
                        "WWW-Authenticate",
                        "Bearer error=\"insufficient_scope\""
                                + needed.map(scope -> ", scope=\"" + scope + "\"").orElse(""));
        return write(exchange, Problem.of(CommonRefusal.FORBIDDEN, detail));
    }

    static Mono<Void> rejected(ServerWebExchange exchange, ServerExchangeRejectedException e) {
        return write(
                exchange,
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getMessage()).withField("path"));
    }

    private static String pathOf(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value();
    }

    private static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem.withInstance(pathOf(exchange)));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
