package io.ledgerline.gateway.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Keeps reading a keep-alive connection after each request. Reactor Netty 1.2.18 holds back a
 * request that arrives before the previous one has finished on the server (here: a management call
 * answered off the event loop), and when it replays it can drain its queue without asking the
 * connection for more, so the next request sits unread until the client hangs up
 * (reactor-netty#4347, fixed after 1.2.18). After every finished request this asks for the next
 * read once Reactor Netty's own queued work has run, unless a request is being served; an extra
 * read is harmless. Remove when Reactor Netty is upgraded past the fix ({@code
 * KeepAliveConnectionsTest} shows the hang without it).
 */
@Component
class KeepAliveReads implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    private static final String HANDLER = "ledgerline.keepAliveReads";

    /** Reactor Netty's own event (package-private there), fired when a request has finished. */
    private static final String REQUEST_FINISHED = "HttpServerOperationsTerminatedEvent";

    private static final ResumeReading RESUME_READING = new ResumeReading();

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(
                server ->
                        server.doOnChannelInit(
                                (observer, channel, remoteAddress) -> {
                                    var pipeline = channel.pipeline();
                                    if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                                        pipeline.addAfter(
                                                NettyPipeline.HttpTrafficHandler,
                                                HANDLER,
                                                RESUME_READING);
                                    }
                                }));
    }

    @ChannelHandler.Sharable
    static final class ResumeReading extends ChannelInboundHandlerAdapter {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event.getClass().getSimpleName().equals(REQUEST_FINISHED)) {
                // Queued behind the replay Reactor Netty has just scheduled on this loop.
                ctx.executor().execute(() -> readIfIdle(ctx));
            }
            ctx.fireUserEventTriggered(event);
        }

        private static void readIfIdle(ChannelHandlerContext ctx) {
            var channel = ctx.channel();
            if (channel.isActive()
                    && !(ChannelOperations.get(channel) instanceof HttpServerResponse)) {
                ctx.read();
            }
        }
    }
}
