package io.ledgerline.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.notification.security.NotificationDoors;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.auth.TestTokens;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One Spring context for every integration test of this module: the real PostgreSQL, Kafka and
 * authorization server of test-support, GreenMail as the SMTP server in this JVM, and a webhook
 * receiver on loopback. Tests use their own random account ids, so they never see each other's
 * alerts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
public abstract class NotificationIntegrationTest {

    protected static final int SMTP_PORT = freePort();
    protected static GreenMail smtp = startSmtp();
    protected static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired protected KafkaTemplate<String, byte[]> kafka;
    @Autowired protected JdbcTemplate jdbc;
    @LocalServerPort protected int port;

    protected final LedgerStream ledger = new LedgerStream();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("ledgerline.notification.webhooks.allow-local", () -> "true");
        registry.add("ledgerline.notification.delivery.poll-ms", () -> "50");
        registry.add("ledgerline.notification.delivery.initial-backoff-ms", () -> "100");
        registry.add("ledgerline.notification.delivery.max-backoff-ms", () -> "400");
        registry.add("ledgerline.notification.delivery.lease-ms", () -> "10000");
    }

    protected static GreenMail startSmtp() {
        var server =
                new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    protected void publish(LedgerEvent... events) {
        for (var event : events) {
            send(
                    Topics.LEDGER_EVENTS.name(),
                    event.header().accountId().value(),
                    LedgerEventTypes.nameOf(event),
                    ContractJson.toBytes(event));
        }
    }

    protected void publish(KeyStatusChanged change) {
        send(
                Topics.GATEWAY_KEYS.name(),
                change.keyId(),
                "KeyStatusChanged",
                ContractJson.toBytes(change));
    }

    protected void send(String topic, String key, String type, byte[] value) {
        var record = new ProducerRecord<>(topic, key, value);
        record.headers().add(Topics.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.SCHEMA_VERSION_HEADER, "1".getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    /** Mail the SMTP server accepted for {@code address}. */
    protected static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long alerts(String accountId, String kind) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM notification.alerts WHERE account_id = ? AND kind = ?",
                Long.class,
                accountId,
                kind);
    }

    /** As the portal would, with a token holding every notification scope. */
    protected HttpResponse<String> call(String method, String path, String body) {
        return callAs(
                TestTokens.bearer(NotificationDoors.READ, NotificationDoors.MANAGE),
                method,
                path,
                body);
    }

    /** With this {@code Authorization} header, or none when it is null. */
    protected HttpResponse<String> callAs(
            String authorization, String method, String path, String body) {
        var request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The account's billing contacts get every alert by e-mail. */
    protected String recipientFor(AccountId account) {
        var address = unique("billing").toLowerCase() + "@example.test";
        var response =
                call(
                        "PUT",
                        "/api/v1/accounts/" + account.value() + "/recipients",
                        "{\"emails\":[\"" + address + "\"]}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.body());
        }
        return address;
    }
}
