package io.ledgerline.notification.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A partner's webhook receiver on loopback: records what arrives, answers scripted statuses. */
public final class WebhookReceiver {

    public record Received(String path, String signature, String deliveryId, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> scripted = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var queue = scripted.get(path);
        Integer next = queue == null ? null : queue.poll();
        int status = next == null ? 200 : next;
        received.add(
                new Received(
                        path,
                        exchange.getRequestHeaders().getFirst("Ledgerline-Signature"),
                        exchange.getRequestHeaders().getFirst("Ledgerline-Delivery"),
                        body));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The next answers on {@code path}, in order; 200 once they are used up. */
    public void answer(String path, Integer... statuses) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(statuses));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> on(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }
}
