package io.ledgerline.gateway.server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The internal listener of the management API ({@code /api/**}, its OpenAPI document, the actuator
 * beyond health), apart from the public port that serves {@code /v1}: a second Reactor Netty server
 * on {@code ledgerline.gateway.management-port} with the same Spring handler, the same event loops
 * and the same server settings, but without the {@code /v1} routes. Which listener a request came
 * in on is its local port ({@link ListenerSeparation}).
 */
@Component
public class ManagementListener implements SmartLifecycle {

    /** Starts after the public server and drains before it stops (Spring Boot's own phases). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private final int configuredPort;
    private final ObjectProvider<NettyReactiveWebServerFactory> publicServer;
    private final ObjectProvider<ReactorResourceFactory> resources;
    private final ObjectProvider<HttpHandler> handler;

    private volatile WebServer server;
    private volatile int port = -1;

    ManagementListener(
            @Value("${ledgerline.gateway.management-port:8087}") int configuredPort,
            ObjectProvider<NettyReactiveWebServerFactory> publicServer,
            ObjectProvider<ReactorResourceFactory> resources,
            ObjectProvider<HttpHandler> handler) {
        this.configuredPort = configuredPort;
        this.publicServer = publicServer;
        this.resources = resources;
        this.handler = handler;
    }

    /** The port it listens on once started (the real one when configured as 0); -1 before. */
    public int port() {
        return port;
    }

    /** Whether this request came in on the management listener. */
    public boolean serves(ServerWebExchange exchange) {
        var local = exchange.getRequest().getLocalAddress();
        return local != null && local.getPort() == port;
    }

    @Override
    public void start() {
        var template = publicServer.getIfAvailable();
        if (template == null) {
            return; // not a web application (a test of one part): nothing listens publicly either
        }
        var factory = new NettyReactiveWebServerFactory(configuredPort);
        factory.setAddress(template.getAddress());
        factory.setShutdown(template.getShutdown());
        factory.setServerCustomizers(template.getServerCustomizers());
        resources.ifUnique(factory::setResourceFactory);
        var started = factory.getWebServer(handler.getObject());
        started.start();
        server = started;
        port = started.getPort();
    }

    @Override
    public void stop(Runnable callback) {
        var running = server;
        if (running == null) {
            callback.run();
            return;
        }
        running.shutDownGracefully(
                result -> {
                    running.stop();
                    server = null;
                    port = -1;
                    callback.run();
                });
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
