package io.ledgerline.gateway.proxy;

import io.netty.handler.codec.http.HttpMethod;

import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import reactor.netty.http.server.HttpServerRequest;

/**
 * Serves the OpenAI-compatible paths ({@code GET} and {@code POST} under {@code /v1/}) straight on
 * Reactor Netty, ahead of Spring WebFlux, which keeps serving everything else (the key management
 * API, health). Spring's dispatch, filters and per-request observations cost several times the
 * gateway's own work per request; the data path needs none of them.
 */
@Component
class OpenAiRoutes implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    static final String PREFIX = "/v1/";

    private final OpenAiEndpoints endpoints;

    OpenAiRoutes(OpenAiEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addRouteProviders(
                routes -> routes.route(OpenAiRoutes::isOpenAiRequest, endpoints::handle));
    }

    static boolean isOpenAiRequest(HttpServerRequest request) {
        var method = request.method();
        return (method == HttpMethod.POST || method == HttpMethod.GET)
                && request.uri().startsWith(PREFIX);
    }
}
