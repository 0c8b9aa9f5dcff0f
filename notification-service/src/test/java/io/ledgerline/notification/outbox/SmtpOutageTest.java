package io.ledgerline.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.support.NotificationIntegrationTest;

import org.junit.jupiter.api.Test;

/** An SMTP server that is down delays an alert's mail; none is lost, none is sent twice. */
class SmtpOutageTest extends NotificationIntegrationTest {

    @Test
    void R15_mail_arrives_exactly_once_after_the_smtp_server_comes_back() throws Exception {
        var partner = unique("p");
        var customer = AccountId.customer(unique("c"));
        var contact = recipientFor(customer);
        smtp.stop();
        try {
            publish(
                    ledger.open(customer, partner),
                    ledger.configure(customer, 50, true),
                    ledger.addAi(customer, partner, 100),
                    ledger.useAi(customer, partner, 60));
            eventually()
                    .until(
                            () ->
                                    jdbc.queryForObject(
                                                    "SELECT count(*) FROM notification.outbox"
                                                            + " WHERE target = ? AND attempts >= 2"
                                                            + " AND status = 'PENDING'",
                                                    Long.class,
                                                    contact)
                                            == 1);
        } finally {
            smtp = startSmtp();
        }

        eventually().until(() -> mailTo(contact).size() == 1);
        Thread.sleep(1_000);
        assertThat(mailTo(contact)).hasSize(1);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT status FROM notification.outbox WHERE target = ?",
                                String.class,
                                contact))
                .isEqualTo("SENT");
    }
}
