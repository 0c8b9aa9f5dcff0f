package io.ledgerline.billing.customers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The customer_partners table: one row per customer account the ledger opened. */
@Repository
class CustomerPartnersStore implements CustomerPartners {

    private final JdbcTemplate jdbc;

    CustomerPartnersStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the customer's partner once. A redelivered event, or a later one for the same
     * customer, changes nothing: the ledger never moves a customer to another partner.
     */
    void opened(String customerId, String partnerId, String eventId) {
        jdbc.update(
                "INSERT INTO billing.customer_partners (customer_id, partner_id, event_id)"
                        + " VALUES (?, ?, ?) ON CONFLICT (customer_id) DO NOTHING",
                customerId,
                partnerId,
                eventId);
    }

    @Override
    public Optional<String> partnerOf(String customerId) {
        return jdbc
                .queryForList(
                        "SELECT partner_id FROM billing.customer_partners WHERE customer_id = ?",
                        String.class,
                        customerId)
                .stream()
                .findFirst();
    }
}
