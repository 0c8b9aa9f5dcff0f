package io.ledgerline.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.gateway.support.Api;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.testsupport.auth.TestTokens;

import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

/**
 * Every request on a keep-alive connection gets its answer, also when it arrives before the
 * previous answer, computed off the event loop, has finished on the server (reactor-netty#4347:
 * Reactor Netty 1.2.18 stopped reading such a connection until the client closed it).
 */
class KeepAliveConnectionsTest extends GatewayTestBase {

    private static final int CONNECTIONS = 4;
    private static final int REQUESTS_PER_CONNECTION = 750;

    @Test
    void every_request_on_a_kept_alive_connection_is_answered() throws Exception {
        var customerId = newCustomer(newPartner("STARTER", 5_000), 0L);
        var requests =
                new String[] {
                    get("/api/v1/customers/" + customerId + "/keys"),
                    get("/api/v1/customers/" + customerId + "/gateway-status"),
                    get("/api/v1/customers/" + customerId + "/keys"),
                    refusedChat()
                };
        var pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            var connections = new ArrayList<Callable<Integer>>();
            for (int c = 0; c < CONNECTIONS; c++) {
                connections.add(() -> answeredOnOneConnection(requests));
            }
            for (var answered : pool.invokeAll(connections)) {
                assertThat(answered.get()).isEqualTo(REQUESTS_PER_CONNECTION);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends the requests in turn on one connection; each must be answered within 5 s. */
    private int answeredOnOneConnection(String[] requests) throws IOException {
        try (var socket = new Socket("127.0.0.1", management.port())) {
            socket.setSoTimeout(5_000);
            socket.setTcpNoDelay(true);
            var in = new BufferedInputStream(socket.getInputStream());
            var out = socket.getOutputStream();
            for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
                var request = requests[i % requests.length];
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                try {
                    assertThat(readAnswer(in)).as("answer to %s", request).startsWith("HTTP/1.1 ");
                } catch (SocketTimeoutException noAnswer) {
                    throw new AssertionError(
                            "request " + i + " on the connection got no answer in 5 s: " + request,
                            noAnswer);
                }
            }
            return REQUESTS_PER_CONNECTION;
        }
    }

    private static String get(String path) {
        return "GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nauthorization: "
                + TestTokens.bearer(Api.MANAGEMENT_SCOPES)
                + "\r\nContent-Length: 0\r\n\r\n";
    }

    private static String refusedChat() {
        var body = chat("gpt-4o-mini", "hello", 8);
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "authorization: Bearer llk_not-a-key\r\ncontent-type: application/json\r\n"
                + "content-length: "
                + body.length()
                + "\r\n\r\n"
                + body;
    }

    /** Reads one answer with a content length (all of the gateway's JSON answers have one). */
    private static String readAnswer(InputStream in) throws IOException {
        var status = line(in);
        int length = 0;
        for (var header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            var lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r'
                        ? line.substring(0, end - 1)
                        : line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }
}
