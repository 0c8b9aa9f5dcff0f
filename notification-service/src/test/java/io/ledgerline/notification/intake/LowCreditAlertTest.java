package io.ledgerline.notification.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.support.NotificationIntegrationTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/** R15 from real ledger events on Kafka to mail accepted by SMTP and the portal feed. */
class LowCreditAlertTest extends NotificationIntegrationTest {

    private final String partner = unique("p");
    private final AccountId customer = AccountId.customer(unique("c"));

    private void openCustomer(long thresholdCredits, boolean notify) {
        publish(
                ledger.open(customer, partner),
                ledger.configure(customer, thresholdCredits, notify),
                ledger.addAi(customer, partner, 100));
    }

    @Test
    void R15_one_alert_per_downward_crossing_by_mail_and_feed() throws Exception {
        var contact = recipientFor(customer);
        openCustomer(50, true);

        publish(ledger.useAi(customer, partner, 30), ledger.useAi(customer, partner, 30));
        publish(ledger.useAi(customer, partner, 5), ledger.useAi(customer, partner, 5));

        eventually().until(() -> mailTo(contact).size() == 1);
        var mail = mailTo(contact).get(0);
        assertThat(mail.getSubject()).isEqualTo("Low AI-credit balance: " + customer.value());
        var text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        assertThat(text).contains(customer.value(), "40.000000", "50.000000", "/billing");
        var feed = call("GET", "/api/v1/accounts/" + customer.value() + "/feed", null);
        assertThat(feed.body()).contains("\"unreadCount\":1", "LOW_CREDIT");
        Thread.sleep(Duration.ofMillis(500).toMillis());
        assertThat(alerts(customer.value(), "LOW_CREDIT")).isEqualTo(1);
        assertThat(mailTo(contact)).hasSize(1);
    }

    @Test
    void R15_rearmed_only_after_the_balance_is_back_above_the_threshold() {
        var contact = recipientFor(customer);
        openCustomer(50, true);

        publish(ledger.useAi(customer, partner, 60)); // 40: fires
        publish(ledger.addAi(customer, partner, 10)); // 50: at the threshold, still low
        publish(ledger.useAi(customer, partner, 5)); // 45: no second alert
        publish(ledger.addAi(customer, partner, 20)); // 65: re-armed
        publish(ledger.useAi(customer, partner, 20)); // 45: fires again

        eventually().until(() -> alerts(customer.value(), "LOW_CREDIT") == 2);
        eventually().until(() -> mailTo(contact).size() == 2);
    }

    @Test
    void R15_nothing_when_notifications_are_off() throws Exception {
        var contact = recipientFor(customer);
        openCustomer(50, false);
        publish(ledger.useAi(customer, partner, 60));
        var marker = AccountId.customer(unique("marker"));
        publish(ledger.open(marker, partner), ledger.configure(marker, 50, true));
        publish(ledger.addAi(marker, partner, 100), ledger.useAi(marker, partner, 60));

        // The marker's alert proves the customer's events were consumed (same partition order
        // is not needed: the consumer has caught up past both once the marker fired).
        eventually().until(() -> alerts(marker.value(), "LOW_CREDIT") == 1);
        eventually()
                .until(
                        () ->
                                jdbc.queryForObject(
                                                "SELECT balance_ucr FROM notification.accounts"
                                                        + " WHERE account_id = ?",
                                                Long.class,
                                                customer.value())
                                        == 40_000_000L);
        assertThat(alerts(customer.value(), "LOW_CREDIT")).isZero();
        assertThat(mailTo(contact)).isEmpty();
    }

    @Test
    void R15_still_one_alert_when_kafka_redelivers_the_records() throws Exception {
        var contact = recipientFor(customer);
        openCustomer(50, true);
        var crossing = ledger.useAi(customer, partner, 60);

        publish(crossing);
        publish(crossing);
        publish(crossing);

        eventually().until(() -> mailTo(contact).size() == 1);
        Thread.sleep(1_000);
        assertThat(alerts(customer.value(), "LOW_CREDIT")).isEqualTo(1);
        assertThat(mailTo(contact)).hasSize(1);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT balance_ucr FROM notification.accounts WHERE account_id = ?",
                                Long.class,
                                customer.value()))
                .isEqualTo(40_000_000L);
    }
}
