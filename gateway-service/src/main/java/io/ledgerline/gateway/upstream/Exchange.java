package io.ledgerline.gateway.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import reactor.core.publisher.FluxSink;
import reactor.core.publisher.MonoSink;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request to an upstream and its answer, run entirely on the pool's event loop: take a
 * connection, write the request, read the answer into the caller's sink (whole for a plain call,
 * chunk by chunk for a successful stream), give the connection back. A request that fails on a
 * reused connection before any answer arrives (the upstream closed it while idle) is sent once more
 * on a new connection.
 */
final class Exchange implements ConnectionPool.Waiter {

    private static final byte[] NO_BODY = new byte[0];

    private final ConnectionPool pool;
    private final String target;
    private final HttpHeaders headers;
    private final byte[] body;
    private final long timeoutNanos;
    private final MonoSink<Upstream.Answer> answer;
    private final FluxSink<byte[]> chunks;

    private Channel channel;
    private ResponseReader reader;
    private ScheduledFuture<?> timeout;
    private long lastReadNanos;
    private boolean reused;
    private boolean retried;
    private boolean answerStarted;
    private boolean finished;
    private int status;
    private boolean keepAlive;
    private boolean passChunks;
    private ByteArrayOutputStream buffered;

    private Exchange(
            ConnectionPool pool,
            String target,
            HttpHeaders headers,
            byte[] body,
            long timeoutNanos,
            MonoSink<Upstream.Answer> answer,
            FluxSink<byte[]> chunks) {
        this.pool = pool;
        this.target = target;
        this.headers = headers;
        this.body = body;
        this.timeoutNanos = timeoutNanos;
        this.answer = answer;
        this.chunks = chunks;
    }

    static Exchange whole(
            ConnectionPool pool,
            String target,
            HttpHeaders headers,
            byte[] body,
            long timeoutNanos,
            MonoSink<Upstream.Answer> answer) {
        var exchange = new Exchange(pool, target, headers, body, timeoutNanos, answer, null);
        answer.onCancel(exchange::cancelLater);
        return exchange;
    }

    static Exchange streamed(
            ConnectionPool pool,
            String target,
            HttpHeaders headers,
            byte[] body,
            long timeoutNanos,
            FluxSink<byte[]> chunks) {
        var exchange = new Exchange(pool, target, headers, body, timeoutNanos, null, chunks);
        chunks.onCancel(exchange::cancelLater);
        return exchange;
    }

    /** Starts on the pool's loop, from whichever thread subscribed. */
    void start() {
        var loop = pool.loop();
        if (loop.inEventLoop()) {
            pool.acquire(this, false);
        } else {
            loop.execute(() -> pool.acquire(this, false));
        }
    }

    @Override
    public void acquired(Channel channel, boolean reused) {
        if (finished) {
            pool.release(channel);
            return;
        }
        this.channel = channel;
        this.reused = reused;
        reader = channel.pipeline().get(ResponseReader.class);
        reader.begin(this);
        lastReadNanos = System.nanoTime();
        timeout =
                channel.eventLoop()
                        .schedule(this::checkTimeout, timeoutNanos, TimeUnit.NANOSECONDS);
        channel.writeAndFlush(request())
                .addListener(
                        written -> {
                            if (!written.isSuccess()) {
                                failed(written.cause());
                            }
                        });
    }

    private FullHttpRequest request() {
        var request =
                new DefaultFullHttpRequest(
                        HttpVersion.HTTP_1_1,
                        HttpMethod.POST,
                        target,
                        Unpooled.wrappedBuffer(body),
                        DefaultHttpHeadersFactory.headersFactory().withValidation(false),
                        DefaultHttpHeadersFactory.trailersFactory().withValidation(false));
        request.headers().add(headers).setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return request;
    }

    void read(HttpObject message) {
        try {
            if (finished) {
                return;
            }
            if (message.decoderResult().isFailure()) {
                failed(message.decoderResult().cause());
                return;
            }
            lastReadNanos = System.nanoTime();
            if (message instanceof HttpResponse response) {
                answerStarted = true;
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
                passChunks = chunks != null && Upstream.isSuccess(status);
            }
            if (message instanceof HttpContent content) {
                take(content.content());
                if (message instanceof LastHttpContent) {
                    complete();
                }
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void take(ByteBuf content) {
        int readable = content.readableBytes();
        if (readable == 0) {
            return;
        }
        if (passChunks) {
            chunks.next(ByteBufUtil.getBytes(content));
            return;
        }
        if (buffered == null) {
            buffered = new ByteArrayOutputStream(Math.max(readable, 256));
        }
        try {
            content.getBytes(content.readerIndex(), buffered, readable);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void complete() {
        detach(keepAlive);
        finished = true;
        var bytes = buffered == null ? NO_BODY : buffered.toByteArray();
        if (!Upstream.isSuccess(status)) {
            error(new UpstreamFailed(status, bytes, null));
        } else if (chunks != null) {
            chunks.complete();
        } else {
            answer.success(new Upstream.Answer(status, bytes));
        }
    }

    /** The connection failed, could not be opened, or the answer stalled. */
    @Override
    public void failed(Throwable cause) {
        if (finished) {
            return;
        }
        if (channel != null) {
            detach(false);
        }
        if (reused && !answerStarted && !retried && !(cause instanceof TimeoutException)) {
            retried = true;
            reused = false;
            pool.acquire(this, true);
            return;
        }
        finished = true;
        error(new UpstreamFailed(0, NO_BODY, cause));
    }

    private void checkTimeout() {
        if (finished || channel == null) {
            return;
        }
        long quiet = System.nanoTime() - lastReadNanos;
        if (quiet >= timeoutNanos) {
            failed(
                    new TimeoutException(
                            "the upstream sent nothing for "
                                    + TimeUnit.NANOSECONDS.toMillis(quiet)
                                    + " ms"));
        } else {
            timeout =
                    channel.eventLoop()
                            .schedule(
                                    this::checkTimeout, timeoutNanos - quiet, TimeUnit.NANOSECONDS);
        }
    }

    private void cancelLater() {
        pool.loop().execute(this::cancel);
    }

    private void cancel() {
        if (!finished) {
            finished = true;
            if (channel != null) {
                detach(false);
            }
        }
    }

    /** Lets go of the connection: back to the pool if it can carry another exchange. */
    private void detach(boolean reusable) {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
        reader.end();
        var connection = channel;
        channel = null;
        if (reusable && connection.isActive()) {
            pool.release(connection);
        } else {
            connection.close();
        }
    }

    private void error(UpstreamFailed failure) {
        if (chunks != null) {
            chunks.error(failure);
        } else {
            answer.error(failure);
        }
    }
}
