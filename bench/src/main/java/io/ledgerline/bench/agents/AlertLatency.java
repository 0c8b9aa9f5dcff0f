package io.ledgerline.bench.agents;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.ledgerline.bench.LatencyRecorder;
import io.ledgerline.bench.gateway.JsonHttp;
import io.ledgerline.contracts.ledger.AccountId;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Event → mail and event → webhook: a customer's usage that crosses its low-credit threshold is
 * sent to the ledger as a command (or, with {@code --alert-source=kafka}, its event published
 * straight to Kafka); the time runs from just before that until GreenMail has stored the mail to
 * the customer's address (its own received time) and until the partner's receiver has the signed
 * POST. One customer per alert, prepared beforehand, so each measured event causes exactly one
 * alert.
 */
final class AlertLatency {

    private static final long THRESHOLD_CREDITS = 50;
    private static final long WAIT_FOR_ARRIVALS_MS = 120_000;

    record Result(
            LatencyRecorder.Summary mail,
            LatencyRecorder.Summary webhook,
            int published,
            int mailsMissing,
            int webhooksMissing,
            int badSignatures,
            int ratePerSecond) {

        Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("eventToMail", mail.json());
            map.put("eventToWebhook", webhook.json());
            map.put("published", published);
            map.put("mailsMissing", mailsMissing);
            map.put("webhooksMissing", webhooksMissing);
            map.put("badSignatures", badSignatures);
            map.put("ratePerSecond", ratePerSecond);
            return map;
        }
    }

    private final AgentsOptions options;
    private final JsonHttp http = new JsonHttp(AgentsOptions.operatorTokens());
    private final String notificationUrl;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String partner = "benchal-" + run;

    AlertLatency(AgentsOptions options) {
        this.options = options;
        this.notificationUrl = options.text("notification-url", null);
    }

    Result run() throws Exception {
        int warmUp = options.number("alert-warm-up", 20);
        int measured = options.number("alerts", 200);
        int rate = options.number("alert-rate", 10);
        var smtp =
                new GreenMail(
                        new ServerSetup(
                                options.number("smtp-port", 18325),
                                "127.0.0.1",
                                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (var webhooks = new WebhookArrivals(options.number("webhook-port", 18390));
                var events = crossings()) {
            webhooks.secret(addEndpoint(webhooks.url()));
            var customers = new ArrayList<AccountId>();
            for (int i = 0; i < warmUp + measured; i++) {
                var customer = AccountId.customer("benchal-c" + i + "-" + run);
                recipients(customer);
                events.open(customer, partner);
                events.configure(customer, THRESHOLD_CREDITS);
                events.add(customer, partner, 100);
                customers.add(customer);
            }
            System.out.println("  alerts: " + customers.size() + " customers prepared");
            awaitKnown(customers);

            var publishedAt = new HashMap<String, Long>();
            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < customers.size(); i++) {
                LockSupport.parkNanos(start + i * intervalNanos - System.nanoTime());
                var customer = customers.get(i);
                publishedAt.put(customer.value(), System.currentTimeMillis());
                events.use(customer, partner, 60);
            }
            System.out.println("  alerts: " + customers.size() + " crossings published");
            long deadline = System.currentTimeMillis() + WAIT_FOR_ARRIVALS_MS;
            while (System.currentTimeMillis() < deadline
                    && (smtp.getReceivedMessages().length < customers.size()
                            || webhooks.arrived() < customers.size())) {
                Thread.sleep(200);
            }
            var mailAt = mailArrivals(smtp);
            var mail = new LatencyRecorder();
            var webhook = new LatencyRecorder();
            int mailsMissing = 0;
            int webhooksMissing = 0;
            for (var customer : customers.subList(warmUp, customers.size())) {
                long sent = publishedAt.get(customer.value());
                var mailed = mailAt.get(address(customer));
                var posted = webhooks.arrivedAtMillis(customer.value());
                if (mailed == null) {
                    mailsMissing++;
                } else {
                    mail.record((mailed - sent) * 1_000_000);
                }
                if (posted == null) {
                    webhooksMissing++;
                } else {
                    webhook.record((posted - sent) * 1_000_000);
                }
            }
            return new Result(
                    mail.summary(),
                    webhook.summary(),
                    measured,
                    mailsMissing,
                    webhooksMissing,
                    webhooks.badSignatures(),
                    rate);
        } finally {
            smtp.stop();
        }
    }

    /**
     * Through the ledger by default, so the time includes its append and its publisher; {@code
     * --alert-source=kafka} publishes the events straight to Kafka instead (the notification
     * service alone).
     */
    private Crossings crossings() {
        return "kafka".equals(options.text("alert-source", "ledger"))
                ? new LedgerEventsOnKafka(options.text("kafka", null))
                : new LedgerCrossings(options.text("ledger-url", null));
    }

    /** The time GreenMail stored each mail, by its recipient. */
    private static Map<String, Long> mailArrivals(GreenMail smtp) throws MessagingException {
        var arrivals = new HashMap<String, Long>();
        for (var stored : smtp.getManagers().getImapHostManager().getAllMessages()) {
            var to = stored.getMimeMessage().getRecipients(Message.RecipientType.TO);
            if (to != null && to.length > 0) {
                arrivals.putIfAbsent(to[0].toString(), stored.getReceivedDate().getTime());
            }
        }
        return arrivals;
    }

    private String addEndpoint(String url) throws IOException, InterruptedException {
        var answer =
                http.send(
                        "POST",
                        notificationUrl + "/api/v1/partners/" + partner + "/webhooks",
                        Map.of("url", url, "alerts", List.of("LOW_CREDIT")));
        if (answer.status() != 201) {
            throw new IllegalStateException("webhook endpoint refused: " + answer.text());
        }
        return answer.json().path("secret").asText();
    }

    private void recipients(AccountId customer) throws IOException, InterruptedException {
        var answer =
                http.send(
                        "PUT",
                        notificationUrl + "/api/v1/accounts/" + customer.value() + "/recipients",
                        Map.of(
                                "emails",
                                List.of(address(customer)),
                                "alerts",
                                List.of("LOW_CREDIT")));
        if (!answer.ok()) {
            throw new IllegalStateException("recipients refused: " + answer.text());
        }
    }

    /** Every customer's top-up has been applied: the crossings measured start from there. */
    private void awaitKnown(List<AccountId> customers) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_FOR_ARRIVALS_MS;
        for (var customer : customers) {
            while (true) {
                var answer =
                        http.send(
                                "GET",
                                notificationUrl
                                        + "/api/v1/accounts/"
                                        + customer.value()
                                        + "/forecast",
                                null);
                if (answer.ok() && answer.json().path("balanceUcr").asLong() == 100_000_000L) {
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(
                            customer.value() + " not applied by the service: " + answer.text());
                }
                Thread.sleep(50);
            }
        }
    }

    private static String address(AccountId customer) {
        return customer.holderId() + "@bench.test";
    }
}
