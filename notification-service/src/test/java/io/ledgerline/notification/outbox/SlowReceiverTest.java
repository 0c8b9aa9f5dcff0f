package io.ledgerline.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.support.NotificationIntegrationTest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A partner's receiver that never answers holds up its own delivery, not anybody else's alert. */
class SlowReceiverTest extends NotificationIntegrationTest {

    @Test
    void R15_a_mail_goes_out_while_another_partners_webhook_is_still_waiting_for_its_answer()
            throws Exception {
        try (var silent = new SilentReceiver()) {
            var slowPartner = unique("p");
            var slowCustomer = AccountId.customer(unique("c"));
            var endpoint = addEndpoint(slowPartner, silent.url());
            publish(
                    ledger.open(slowCustomer, slowPartner),
                    ledger.configure(slowCustomer, 50, true),
                    ledger.addAi(slowCustomer, slowPartner, 100),
                    ledger.useAi(slowCustomer, slowPartner, 60));
            eventually().until(() -> silent.waiting() == 1);

            var partner = unique("p");
            var customer = AccountId.customer(unique("c"));
            var contact = recipientFor(customer);
            publish(
                    ledger.open(customer, partner),
                    ledger.configure(customer, 50, true),
                    ledger.addAi(customer, partner, 100),
                    ledger.useAi(customer, partner, 60));
            eventually().until(() -> mailTo(contact).size() == 1);

            assertThat(
                            jdbc.queryForList(
                                    "SELECT status, last_error FROM notification.outbox"
                                            + " WHERE endpoint_id = ?",
                                    endpoint))
                    .as("the silent receiver's delivery is still being sent, never failed")
                    .singleElement()
                    .satisfies(
                            row -> {
                                assertThat(row.get("status")).isEqualTo("PENDING");
                                assertThat(row.get("last_error")).isNull();
                            });
            jdbc.update(
                    "UPDATE notification.webhook_endpoints SET deleted_at = now()"
                            + " WHERE endpoint_id = ?",
                    endpoint);
        }
    }

    private String addEndpoint(String partner, String url) throws IOException {
        var response =
                call(
                        "POST",
                        "/api/v1/partners/" + partner + "/webhooks",
                        "{\"url\":\"" + url + "\",\"alerts\":[\"LOW_CREDIT\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).get("endpointId").asText();
    }

    /** Accepts connections and never answers on them until closed. */
    private static final class SilentReceiver implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentReceiver() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::acceptAll, "silent-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void acceptAll() {
            try {
                while (true) {
                    held.add(server.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
        }

        int waiting() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (var socket : held) {
                socket.close();
            }
        }
    }
}
