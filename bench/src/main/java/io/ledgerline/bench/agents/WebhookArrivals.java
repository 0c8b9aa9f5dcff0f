package io.ledgerline.bench.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook receiver on loopback: notes when each alert's POST arrived (by the account it
 * names) and checks its signature the way notification-service/README.md tells receivers to.
 */
final class WebhookArrivals implements AutoCloseable {

    static final String PATH = "/hook";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Long> arrivedAtMillis = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private volatile String secret;

    WebhookArrivals(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(
                PATH,
                exchange -> {
                    long now = System.currentTimeMillis();
                    var body = new String(exchange.getRequestBody().readAllBytes(), UTF8);
                    var signature = exchange.getRequestHeaders().getFirst("Ledgerline-Signature");
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                    if (!verifies(signature, body)) {
                        badSignatures.incrementAndGet();
                        return;
                    }
                    var account = JSON.readTree(body).path("data").path("accountId").asText();
                    arrivedAtMillis.putIfAbsent(account, now);
                });
        server.start();
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    void secret(String secret) {
        this.secret = secret;
    }

    Long arrivedAtMillis(String accountId) {
        return arrivedAtMillis.get(accountId);
    }

    int arrived() {
        return arrivedAtMillis.size();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    private boolean verifies(String header, String body) {
        if (header == null || secret == null) {
            return false;
        }
        long t = -1;
        String v1 = null;
        for (var part : header.split(",")) {
            if (part.startsWith("t=")) t = Long.parseLong(part.substring(2));
            if (part.startsWith("v1=")) v1 = part.substring(3);
        }
        if (t < 0 || v1 == null) {
            return false;
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF8), "HmacSHA256"));
            var expected = mac.doFinal((t + "." + body).getBytes(UTF8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
