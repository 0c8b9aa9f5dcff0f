package io.ledgerline.gateway.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;

import java.util.ArrayDeque;

/**
 * Keep-alive connections from one event loop to one upstream. Only that loop's thread touches it,
 * so it needs no locks, and a request's upstream call stays on the thread that read the request.
 * The most recently used idle connection is taken first; connections idle for longer than the limit
 * are closed. At the connection limit, callers wait for one to be released.
 */
final class ConnectionPool {

    /** Told on the pool's loop when a connection is available or could not be opened. */
    interface Waiter {
        void acquired(Channel channel, boolean reused);

        void failed(Throwable cause);
    }

    private static final AttributeKey<Long> IDLE_SINCE =
            AttributeKey.valueOf("ledgerline.upstream.idleSince");

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int maxConnections;
    private final long maxIdleNanos;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int open;

    ConnectionPool(EventLoop loop, Bootstrap bootstrap, int maxConnections, long maxIdleNanos) {
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.maxConnections = maxConnections;
        this.maxIdleNanos = maxIdleNanos;
    }

    EventLoop loop() {
        return loop;
    }

    /** A connection for {@code waiter}; {@code fresh} skips idle ones (a retry after a reset). */
    void acquire(Waiter waiter, boolean fresh) {
        if (!fresh) {
            Channel channel;
            while ((channel = idle.pollLast()) != null) {
                if (channel.isActive()) {
                    waiter.acquired(channel, true);
                    return;
                }
            }
        }
        if (open < maxConnections) {
            connect(waiter);
        } else {
            waiting.add(waiter);
        }
    }

    /** A connection whose exchange ended cleanly and may carry the next one. */
    void release(Channel channel) {
        if (!channel.isActive()) {
            return;
        }
        var waiter = waiting.poll();
        if (waiter != null) {
            waiter.acquired(channel, true);
            return;
        }
        channel.attr(IDLE_SINCE).set(System.nanoTime());
        idle.addLast(channel);
        closeExpired();
    }

    private void closeExpired() {
        long now = System.nanoTime();
        Channel oldest;
        while ((oldest = idle.peekFirst()) != null
                && now - oldest.attr(IDLE_SINCE).get() > maxIdleNanos) {
            idle.pollFirst();
            oldest.close();
        }
    }

    private void connect(Waiter waiter) {
        open++;
        bootstrap
                .connect()
                .addListener(
                        (ChannelFuture future) -> {
                            if (!future.isSuccess()) {
                                open--;
                                waiter.failed(future.cause());
                                connectWaiting();
                                return;
                            }
                            var channel = future.channel();
                            channel.closeFuture()
                                    .addListener(
                                            closed -> {
                                                open--;
                                                idle.remove(channel);
                                                connectWaiting();
                                            });
                            waiter.acquired(channel, false);
                        });
    }

    private void connectWaiting() {
        if (!waiting.isEmpty() && open < maxConnections) {
            connect(waiting.poll());
        }
    }
}
