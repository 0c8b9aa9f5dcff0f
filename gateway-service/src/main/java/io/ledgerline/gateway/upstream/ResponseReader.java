package io.ledgerline.gateway.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;

/**
 * The last handler of an upstream connection: hands what the connection reads to the exchange using
 * it. A connection carries one exchange at a time (HTTP/1.1 without pipelining); anything it reads
 * while idle is a protocol error, and the connection is closed.
 */
final class ResponseReader extends ChannelInboundHandlerAdapter {

    static final String NAME = "ledgerline-upstream-reader";

    private Exchange current;

    void begin(Exchange exchange) {
        current = exchange;
    }

    void end() {
        current = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        var exchange = current;
        if (exchange == null || !(msg instanceof HttpObject object)) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        exchange.read(object);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        var exchange = current;
        if (exchange != null) {
            exchange.failed(new IOException("the upstream closed the connection mid-answer"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        var exchange = current;
        ctx.close();
        if (exchange != null) {
            exchange.failed(cause);
        }
    }
}
