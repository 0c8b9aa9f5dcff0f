package io.ledgerline.gateway.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.gateway.error.OpenAiRefusal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Keeps each listener to its own surface. The public port serves {@code /v1} (on Reactor Netty
 * itself, before any of this runs) and health; anything else asked there is OpenAI's unknown-URL
 * 404, so the management API and the actuator are not even visible from outside. The management
 * listener serves everything but {@code /v1}, which is a problem 404 there. Runs before Spring
 * Security, so a request to the public port never reaches its filter chain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ListenerSeparation implements WebFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEALTH = "/actuator/health";

    private final ManagementListener management;

    ListenerSeparation(ManagementListener management) {
        this.management = management;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (management.serves(exchange)) {
            return isOpenAi(path) ? problemNotFound(exchange, path) : chain.filter(exchange);
        }
        return isHealth(path) ? chain.filter(exchange) : openAiNotFound(exchange, path);
    }

    static boolean isHealth(String path) {
        return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    }

    static boolean isOpenAi(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    private static Mono<Void> openAiNotFound(ServerWebExchange exchange, String path) {
        var refusal = OpenAiRefusal.unknownPath(path);
        return write(exchange, refusal.status(), MediaType.APPLICATION_JSON, refusal.toJson());
    }

    private static Mono<Void> problemNotFound(ServerWebExchange exchange, String path) {
        var problem =
                Problem.of(
                                CommonRefusal.ROUTE_NOT_FOUND,
                                "/v1 is served on the gateway's public port, not here")
                        .withInstance(path);
        try {
            return write(
                    exchange,
                    problem.status(),
                    MediaType.APPLICATION_PROBLEM_JSON,
                    JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    private static Mono<Void> write(
            ServerWebExchange exchange, int status, MediaType type, byte[] body) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(status));
        response.getHeaders().setContentType(type);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
