package io.ledgerline.gateway.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpResources;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLException;

/**
 * Calls OpenAI-compatible providers over keep-alive connections, without blocking. Each event loop
 * keeps its own connections to each provider, so a request's upstream call runs on the thread that
 * read it, with no hand-off and no lock. Request and response bodies pass as bytes; the gateway
 * never re-encodes an answer.
 *
 * <p>This is plain Netty (HTTP/1.1 codec, TLS for {@code https} base URLs with host-name checks,
 * asynchronous DNS) rather than Reactor Netty's {@code HttpClient}: measured under load, that
 * client's per-request set-up (configuration copies, connection-pool and retry operators) was the
 * largest single share of the gateway's CPU, more than the server side and the gateway's own work.
 */
@Component
public class Upstream {

    static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);

    /** Connections per event loop and provider. */
    static final int DEFAULT_MAX_CONNECTIONS = 1_000;

    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final Duration MAX_IDLE_CONNECTION = Duration.ofSeconds(30);
    private static final String USER_AGENT = "ledgerline-gateway";
    private static final String EVENT_STREAM = "text/event-stream";

    private final UpstreamProperties properties;
    private final long timeoutNanos;
    private final int maxConnections;
    private final Map<UpstreamProperties.Provider, Route> routes = new IdentityHashMap<>();
    private volatile DnsAddressResolverGroup resolver;

    public Upstream(UpstreamProperties properties) {
        this.properties = properties;
        this.timeoutNanos =
                (properties.responseTimeout() == null
                                ? DEFAULT_RESPONSE_TIMEOUT
                                : properties.responseTimeout())
                        .toNanos();
        this.maxConnections =
                properties.maxConnections() == null
                        ? DEFAULT_MAX_CONNECTIONS
                        : properties.maxConnections();
        for (var provider : properties.providers()) {
            routes.put(provider, new Route(provider));
        }
    }

    /** The provider serving {@code model}, or null when none does. */
    public UpstreamProperties.Provider providerFor(String model) {
        for (var provider : properties.providers()) {
            if (provider.serves(model)) {
                return provider;
            }
        }
        return null;
    }

    public record Answer(int status, byte[] body) {}

    /**
     * The whole answer; an error status fails with {@link UpstreamFailed}. {@code loop} is the
     * event loop of the caller's own connection.
     */
    public Mono<Answer> call(
            UpstreamProperties.Provider provider, String path, byte[] body, EventLoop loop) {
        var route = route(provider);
        return Mono.create(
                sink ->
                        Exchange.whole(
                                        route.pool(loop),
                                        route.endpoint.target(path),
                                        route.plainHeaders,
                                        body,
                                        timeoutNanos,
                                        sink)
                                .start());
    }

    /** A streamed answer as its raw byte chunks; an error status fails before the first chunk. */
    public Flux<byte[]> stream(
            UpstreamProperties.Provider provider, String path, byte[] body, EventLoop loop) {
        var route = route(provider);
        return Flux.create(
                sink ->
                        Exchange.streamed(
                                        route.pool(loop),
                                        route.endpoint.target(path),
                                        route.streamHeaders,
                                        body,
                                        timeoutNanos,
                                        sink)
                                .start(),
                FluxSink.OverflowStrategy.BUFFER);
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private Route route(UpstreamProperties.Provider provider) {
        var route = routes.get(provider);
        if (route == null) {
            throw new IllegalArgumentException("unknown provider " + provider);
        }
        return route;
    }

    @PreDestroy
    void close() {
        var dns = resolver;
        if (dns != null) {
            dns.close();
        }
    }

    private DnsAddressResolverGroup resolverFor(EventLoop loop) {
        var dns = resolver;
        if (dns == null) {
            synchronized (this) {
                if (resolver == null) {
                    var loops = HttpResources.get();
                    resolver =
                            new DnsAddressResolverGroup(
                                    new DnsNameResolverBuilder()
                                            .channelType(
                                                    loops.onChannelClass(
                                                            DatagramChannel.class, groupOf(loop)))
                                            .socketChannelType(
                                                    loops.onChannelClass(
                                                            SocketChannel.class, groupOf(loop))));
                }
                dns = resolver;
            }
        }
        return dns;
    }

    /**
     * The loop's group: the transport (epoll or NIO) is told by the group's type, not the loop's.
     */
    private static EventLoopGroup groupOf(EventLoop loop) {
        return loop.parent() != null ? loop.parent() : loop;
    }

    /** One provider: where it is, the headers every request carries, a pool per event loop. */
    private final class Route {

        final Endpoint endpoint;
        final HttpHeaders plainHeaders;
        final HttpHeaders streamHeaders;
        final SslContext ssl;
        final Map<EventLoop, ConnectionPool> pools = new ConcurrentHashMap<>();

        Route(UpstreamProperties.Provider provider) {
            endpoint = Endpoint.of(provider.baseUrl());
            plainHeaders = headers(provider, HttpHeaderValues.APPLICATION_JSON.toString());
            streamHeaders = headers(provider, EVENT_STREAM);
            ssl = endpoint.secure() ? clientSsl() : null;
        }

        ConnectionPool pool(EventLoop loop) {
            var pool = pools.get(loop);
            return pool != null ? pool : pools.computeIfAbsent(loop, this::newPool);
        }

        private ConnectionPool newPool(EventLoop loop) {
            var bootstrap =
                    new Bootstrap()
                            .group(loop)
                            .channel(
                                    HttpResources.get()
                                            .onChannelClass(SocketChannel.class, groupOf(loop)))
                            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                            .option(ChannelOption.TCP_NODELAY, true)
                            .option(ChannelOption.SO_KEEPALIVE, true)
                            .resolver(resolverFor(loop))
                            .remoteAddress(
                                    InetSocketAddress.createUnresolved(
                                            endpoint.host(), endpoint.port()))
                            .handler(
                                    new ChannelInitializer<Channel>() {
                                        @Override
                                        protected void initChannel(Channel channel) {
                                            if (ssl != null) {
                                                var tls =
                                                        ssl.newHandler(
                                                                channel.alloc(),
                                                                endpoint.host(),
                                                                endpoint.port());
                                                var parameters = tls.engine().getSSLParameters();
                                                parameters.setEndpointIdentificationAlgorithm(
                                                        "HTTPS");
                                                tls.engine().setSSLParameters(parameters);
                                                channel.pipeline().addLast(tls);
                                            }
                                            channel.pipeline()
                                                    .addLast(
                                                            new HttpClientCodec(
                                                                    4_096, 16_384, 65_536, false,
                                                                    false))
                                                    .addLast(
                                                            ResponseReader.NAME,
                                                            new ResponseReader());
                                        }
                                    });
            return new ConnectionPool(
                    loop, bootstrap, maxConnections, MAX_IDLE_CONNECTION.toNanos());
        }

        private HttpHeaders headers(UpstreamProperties.Provider provider, String accept) {
            var headers = DefaultHttpHeadersFactory.headersFactory().newHeaders();
            headers.set(HttpHeaderNames.HOST, endpoint.hostHeader())
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .set(HttpHeaderNames.ACCEPT, accept)
                    .set(HttpHeaderNames.USER_AGENT, USER_AGENT);
            if (provider.apiKey() != null && !provider.apiKey().isBlank()) {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + provider.apiKey().trim());
            }
            return headers;
        }

        private SslContext clientSsl() {
            try {
                return SslContextBuilder.forClient().build();
            } catch (SSLException e) {
                throw new IllegalStateException("cannot set up TLS for upstream calls", e);
            }
        }
    }
}
