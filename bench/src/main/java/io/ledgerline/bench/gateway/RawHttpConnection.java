package io.ledgerline.bench.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A keep-alive HTTP/1.1 connection that writes prepared request bytes and reads the answer
 * (content-length, chunked or until close). A load client must cost far less CPU per request than
 * what it measures; java.net.http costs about half a millisecond of CPU per request here.
 */
final class RawHttpConnection implements Closeable {

    private static final int KEPT_BODY_BYTES = 512;
    private static final int TIMEOUT_MS = 30_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;

    RawHttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends the request; a kept-alive connection the server had closed is reopened once. */
    Exchange exchange(byte[] request) throws IOException {
        try {
            return attempt(request);
        } catch (IOException e) {
            if (!reused) {
                throw e;
            }
            close();
            return attempt(request);
        }
    }

    private Exchange attempt(byte[] request) throws IOException {
        open();
        long sent = System.nanoTime();
        out.write(request);
        out.flush();
        reused = true;
        return readResponse(sent);
    }

    private void open() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
        out = socket.getOutputStream();
        reused = false;
    }

    private Exchange readResponse(long sent) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("connection closed before the status line");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String requestId = null;
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "x-request-id" -> requestId = value;
                default -> {}
            }
        }
        var body = new Body();
        if (chunked) {
            readChunked(body);
        } else if (contentLength >= 0) {
            body.read(in, contentLength);
        } else {
            body.read(in, Long.MAX_VALUE);
            close = true;
        }
        long end = System.nanoTime();
        if (close) {
            close();
        }
        long firstByte = body.firstByteNanos == 0 ? end : body.firstByteNanos;
        return new Exchange(status, requestId, sent, firstByte, end, body.kept());
    }

    private void readChunked(Body body) throws IOException {
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
                    // trailers are not used
                }
                return;
            }
            body.read(in, size);
            readLine();
        }
    }

    private String readLine() throws IOException {
        var line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    static byte[] post(String host, int port, String path, String bearer, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var head =
                new StringBuilder(256)
                        .append("POST ")
                        .append(path)
                        .append(" HTTP/1.1\r\n")
                        .append("Host: ")
                        .append(host)
                        .append(':')
                        .append(port)
                        .append("\r\n")
                        .append("Content-Type: application/json\r\n")
                        .append("Accept: */*\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** Drains a body, noting when its first byte came and keeping its start for diagnostics. */
    private static final class Body {
        private final ByteArrayOutputStream start = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[8_192];
        private long firstByteNanos;

        void read(InputStream in, long length) throws IOException {
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    if (length == Long.MAX_VALUE) {
                        return;
                    }
                    throw new EOFException("connection closed inside a body");
                }
                if (firstByteNanos == 0) {
                    firstByteNanos = System.nanoTime();
                }
                int keep = Math.min(n, KEPT_BODY_BYTES - start.size());
                if (keep > 0) {
                    start.write(buffer, 0, keep);
                }
                left -= n;
            }
        }

        String kept() {
            return start.toString(StandardCharsets.UTF_8);
        }
    }
}
