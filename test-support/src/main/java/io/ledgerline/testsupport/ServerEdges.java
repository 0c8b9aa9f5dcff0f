package io.ledgerline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What every servlet service answers at its edge, where the HTTP server decides before any endpoint
 * runs: requests Tomcat refuses on its own and bodies over the limit get the shared problem body
 * ({@code application/problem+json} with a stable code), never Tomcat's HTML error page. Sent over
 * a raw socket, since an HTTP client would refuse to send most of these.
 */
public final class ServerEdges {

    private static final int TIMEOUT_MS = 10_000;

    private ServerEdges() {}

    /** A raw answer: status, the content type and the body, as text. */
    public record Answer(int status, String contentType, String body) {

        public Answer assertProblem(int status, String code) {
            assertEquals(status, this.status, this::toString);
            assertEquals("application/problem+json", contentType, this::toString);
            assertTrue(body.contains("\"code\":\"" + code + "\""), this::toString);
            assertTrue(body.contains("\"status\":" + status), this::toString);
            return this;
        }
    }

    /** Paths and request lines Tomcat refuses before the application: each a 400 problem. */
    public static void assertServerRefusalsAreProblems(int port, String apiPath)
            throws IOException {
        for (var target :
                new String[] {apiPath + "/a%00b", apiPath + "%00", apiPath + "/a%2Fb/c"}) {
            send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0])
                    .assertProblem(400, "MALFORMED_REQUEST");
        }
        send(port, "GET " + apiPath + "/a\u0001b HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0])
                .assertProblem(400, "MALFORMED_REQUEST");
        send(port, "NOT A REQUEST LINE\r\n\r\n", new byte[0])
                .assertProblem(400, "MALFORMED_REQUEST");
    }

    /**
     * A body over {@code limit} is refused 413 whether it declares its length or comes in chunks.
     * The declared one asks for {@code 100-continue} and sends nothing until told: the answer comes
     * without a byte of it read.
     */
    public static void assertBodiesOverTheLimitAreRefused(int port, String postPath, long limit)
            throws IOException {
        send(
                        port,
                        "POST "
                                + postPath
                                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Expect: 100-continue\r\nContent-Length: "
                                + (limit + 1)
                                + "\r\n\r\n",
                        new byte[0])
                .assertProblem(413, "PAYLOAD_TOO_LARGE");
        send(port, chunkedHead(postPath, null), chunked(jsonOfSize(limit + 1)))
                .assertProblem(413, "PAYLOAD_TOO_LARGE");
    }

    /** Posts {@code json} in chunks: what the endpoint answers shows it read the body. */
    public static Answer postChunked(int port, String postPath, String json) throws IOException {
        return postChunked(port, postPath, json, null);
    }

    /** As {@link #postChunked(int, String, String)}, with an {@code Authorization} header. */
    public static Answer postChunked(int port, String postPath, String json, String authorization)
            throws IOException {
        return send(
                port,
                chunkedHead(postPath, authorization),
                chunked(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends one request and reads the answer until the server closes the connection. */
    public static Answer send(int port, String head, byte[] body) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            var out = socket.getOutputStream();
            var withClose =
                    head.endsWith("\r\n\r\n") && head.contains("HTTP/1.1")
                            ? head.substring(0, head.length() - 2) + "Connection: close\r\n\r\n"
                            : head;
            out.write(withClose.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException serverClosedEarly) {
                // A server may answer and close before the whole body is sent; read its answer.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static String chunkedHead(String postPath, String authorization) {
        return "POST "
                + postPath
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Transfer-Encoding: chunked\r\n\r\n";
    }

    private static byte[] jsonOfSize(long size) {
        var json = new byte[(int) size];
        Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        json[json.length - 1] = '}';
        return json;
    }

    private static byte[] chunked(byte[] body) {
        var out = new ByteArrayOutputStream();
        int chunk = 64 * 1024;
        for (int from = 0; from < body.length; from += chunk) {
            int length = Math.min(chunk, body.length - from);
            out.writeBytes(
                    (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, from, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // A reset after the answer: what arrived is the answer.
        }
        return out.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        var received = new String(raw, StandardCharsets.UTF_8);
        // Skip an interim "100 Continue": the answer is the final status after it.
        var text =
                received.startsWith("HTTP/1.1 100")
                        ? received.substring(received.indexOf("\r\n\r\n") + 4)
                        : received;
        int headEnd = text.indexOf("\r\n\r\n");
        assertTrue(headEnd > 0, () -> "no HTTP answer: " + text);
        var lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (var line : lines) {
            var lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(line.indexOf(':') + 1).trim().split(";")[0];
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        var body = text.substring(headEnd + 4);
        return new Answer(status, contentType, chunked ? dechunk(body) : body);
    }

    private static String dechunk(String body) {
        var out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
