package io.ledgerline.notification.mail;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.notification.alert.Alert;

import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The alert e-mail's plain-text and HTML bodies, from the templates in {@code mail/}. */
final class MailTemplate {

    private static final String TEXT = load("mail/alert.txt");
    private static final String HTML = load("mail/alert.html");

    private MailTemplate() {}

    static String subject(Alert alert) {
        return alert.kind().title() + ": " + alert.accountId();
    }

    static String text(Alert alert, String billingUrl) {
        return fill(TEXT, values(alert, billingUrl), UnaryOperator.identity());
    }

    static String html(Alert alert, String billingUrl) {
        return fill(HTML, values(alert, billingUrl), HtmlUtils::htmlEscape);
    }

    private static Map<String, String> values(Alert alert, String billingUrl) {
        var values = new LinkedHashMap<String, String>();
        values.put("title", alert.kind().title());
        values.put("account", alert.accountId());
        values.put("balance", credits(alert.balanceUcr()));
        values.put(
                "threshold",
                alert.levelUcr() == null ? "none" : credits(alert.levelUcr()) + " credits");
        values.put("detail", detail(alert));
        values.put("billingUrl", billingUrl);
        values.put("alertId", alert.alertId());
        return values;
    }

    private static String detail(Alert alert) {
        return switch (alert.kind()) {
            case LOW_CREDIT ->
                    "The balance fell to its low-credit threshold; top up to keep going.";
            case ZERO_BALANCE ->
                    "The balance reached zero; requests will be refused until a top-up.";
            case RESERVE_WARNING ->
                    "Available platform credits are close to the 1,000-credit self-service"
                            + " reserve; below it, customers' self-service keys are suspended.";
            case RESERVE_BREACHED ->
                    "Available platform credits are below the 1,000-credit self-service reserve:"
                            + " customers' self-service keys are suspended until a top-up.";
            case KEY_SUSPENDED -> "Self-service key " + alert.keyId() + " was suspended.";
            case KEY_RESUMED -> "Self-service key " + alert.keyId() + " works again.";
            case RUN_OUT_FORECAST ->
                    "At this week's usage the balance lasts about " + alert.daysLeft() + " days.";
            case AUTO_TOP_UP_STOPPED ->
                    "The auto top-up stopped: its payment was refused ("
                            + alert.reason()
                            + "). Nothing more is charged, and the balance is not topped up, until"
                            + " the auto top-up settings are saved again in Billing.";
        };
    }

    private static String credits(Credits amount) {
        return amount == null ? "" : amount.toDecimalString();
    }

    private static String fill(
            String template, Map<String, String> values, UnaryOperator<String> escape) {
        var out = template;
        for (var entry : values.entrySet()) {
            var value = entry.getValue() == null ? "" : entry.getValue();
            out = out.replace("{{" + entry.getKey() + "}}", escape.apply(value));
        }
        return out;
    }

    private static String load(String path) {
        try (var in = MailTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing mail template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
