package io.ledgerline.billing.methods;

import io.ledgerline.billing.payments.PaymentProvider;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * An account's saved payment methods (R17): add, set default, delete. The card goes to the
 * provider; billing keeps only what the provider answers. An account's first method becomes its
 * default, the one charged when a purchase names none.
 */
@Service
public class PaymentMethods {

    private static final RowMapper<PaymentMethod> ROW =
            (rs, i) ->
                    new PaymentMethod(
                            rs.getString("method_id"),
                            rs.getString("brand"),
                            rs.getString("last4"),
                            rs.getInt("exp_month"),
                            rs.getInt("exp_year"),
                            rs.getBoolean("is_default"),
                            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final PaymentProvider provider;
    private final Clock clock;
    private final List<MethodsInUse> inUse;

    PaymentMethods(
            JdbcTemplate jdbc, PaymentProvider provider, Clock clock, List<MethodsInUse> inUse) {
        this.jdbc = jdbc;
        this.provider = provider;
        this.clock = clock;
        this.inUse = inUse;
    }

    @Transactional
    public PaymentMethod add(AccountId owner, NewMethod method) {
        var saved = provider.saveCard(owner.value(), method.details());
        lockOwner(owner);
        boolean first =
                jdbc.queryForObject(
                                "SELECT count(*) FROM billing.payment_methods WHERE owner = ?",
                                Long.class,
                                owner.value())
                        == 0;
        jdbc.update(
                "INSERT INTO billing.payment_methods (method_id, owner, brand, last4, exp_month,"
                        + " exp_year, is_default, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                saved.methodId(),
                owner.value(),
                saved.brand(),
                saved.last4(),
                saved.expMonth(),
                saved.expYear(),
                first,
                Timestamp.from(clock.instant()));
        return one(owner, saved.methodId());
    }

    public List<PaymentMethod> list(AccountId owner) {
        return jdbc.query(
                "SELECT * FROM billing.payment_methods WHERE owner = ? ORDER BY created_at",
                ROW,
                owner.value());
    }

    @Transactional
    public PaymentMethod makeDefault(AccountId owner, String methodId) {
        lockOwner(owner);
        one(owner, methodId);
        jdbc.update(
                "UPDATE billing.payment_methods SET is_default = false WHERE owner = ? AND"
                        + " is_default",
                owner.value());
        jdbc.update(
                "UPDATE billing.payment_methods SET is_default = true WHERE method_id = ?",
                methodId);
        return one(owner, methodId);
    }

    /** Refused for the default method while something (a subscription) will charge it. */
    @Transactional
    public void delete(AccountId owner, String methodId) {
        lockOwner(owner);
        var method = one(owner, methodId);
        if (method.isDefault() && inUse.stream().anyMatch(use -> use.chargesDefaultOf(owner))) {
            throw Refused.field(
                    BillingRefusal.DEFAULT_METHOD_IN_USE,
                    "paymentMethodId",
                    "payment method "
                            + methodId
                            + " is the default a live subscription renews with; set another"
                            + " default or cancel the subscription first");
        }
        jdbc.update("DELETE FROM billing.payment_methods WHERE method_id = ?", methodId);
        provider.detach(methodId);
    }

    /**
     * The method to charge for {@code owner}: the one named, else its default; refused when the
     * named one is not the owner's or there is none.
     */
    public String chargeable(AccountId owner, String methodId) {
        if (methodId != null) {
            return one(owner, methodId).methodId();
        }
        return jdbc
                .queryForList(
                        "SELECT method_id FROM billing.payment_methods WHERE owner = ? AND"
                                + " is_default",
                        String.class,
                        owner.value())
                .stream()
                .findFirst()
                .orElseThrow(
                        () ->
                                new Refused(
                                        BillingRefusal.NO_PAYMENT_METHOD,
                                        owner + " has no default payment method; name one"));
    }

    private PaymentMethod one(AccountId owner, String methodId) {
        return jdbc
                .query(
                        "SELECT * FROM billing.payment_methods WHERE owner = ? AND method_id = ?",
                        ROW,
                        owner.value(),
                        methodId)
                .stream()
                .findFirst()
                .orElseThrow(
                        () ->
                                Refused.field(
                                        BillingRefusal.PAYMENT_METHOD_NOT_FOUND,
                                        "paymentMethodId",
                                        owner + " has no payment method " + methodId));
    }

    /** One change at a time per owner, so two methods never both become the first default. */
    private void lockOwner(AccountId owner) {
        jdbc.queryForObject(
                "SELECT pg_advisory_xact_lock(hashtext(?))", Object.class, owner.value());
    }
}
