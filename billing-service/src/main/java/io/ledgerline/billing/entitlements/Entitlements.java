package io.ledgerline.billing.entitlements;

import io.ledgerline.billing.customers.CustomerPartners;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a workspace may use more of a resource (R19). A limit blocks only the resource it covers;
 * a subscription whose payment failed blocks every paid resource, while previews and tests stay
 * allowed up to their own test-run limit.
 */
@Service
public class Entitlements {

    /** One meter as agent runtimes and the portal see it; limit and remaining null: no limit. */
    public record Meter(
            Resource resource,
            String meter,
            long used,
            Long limit,
            Long remaining,
            boolean blocked) {}

    record View(
            String customerId,
            Instant periodStart,
            Instant periodEnd,
            boolean paymentRequired,
            List<Meter> meters,
            Map<Resource, Long> previews) {}

    private final Meters meters;
    private final WorkspacePlan plans;
    private final CustomerPartners customers;

    Entitlements(Meters meters, WorkspacePlan plans, CustomerPartners customers) {
        this.meters = meters;
        this.plans = plans;
        this.customers = customers;
    }

    View view(String customerId) {
        requireKnown(customerId);
        var terms = plans.of(customerId);
        var used = meters.used(customerId, terms.periodStart(), terms.periodEnd(), true);
        var previews = meters.used(customerId, terms.periodStart(), terms.periodEnd(), false);
        var list = new ArrayList<Meter>();
        for (var resource : Resource.values()) {
            long count =
                    resource == Resource.TEST_RUN ? previews.get(resource) : used.get(resource);
            var limit = resource.limitIn(terms.limits());
            var remaining = limit == null ? null : Math.max(0, limit - count);
            boolean blocked =
                    (terms.pastDue() && resource != Resource.TEST_RUN)
                            || (remaining != null && remaining == 0);
            list.add(new Meter(resource, resource.meter(), count, limit, remaining, blocked));
        }
        previews.remove(Resource.AGENT);
        previews.remove(Resource.SEAT);
        previews.remove(Resource.TEST_RUN);
        return new View(
                customerId,
                terms.periodStart(),
                terms.periodEnd(),
                terms.pastDue(),
                list,
                previews);
    }

    /**
     * Refuses with {@code PAYMENT_REQUIRED} or {@code ENTITLEMENT_EXCEEDED} naming the limit, else
     * answers the meter the request counts against.
     */
    public Meter requireAllowed(
            String customerId, Resource resource, long quantity, Environment environment) {
        var checked =
                Environment.orProduction(environment).production() || !resource.conversation()
                        ? resource
                        : Resource.TEST_RUN;
        var view = view(customerId);
        var meter =
                view.meters().stream()
                        .filter(m -> m.resource() == checked)
                        .findFirst()
                        .orElseThrow();
        if (checked != Resource.TEST_RUN && view.paymentRequired()) {
            throw Refused.field(
                    BillingRefusal.PAYMENT_REQUIRED,
                    checked.limitField(),
                    "the workspace's subscription payment failed; pay the open invoice to use "
                            + checked.meter()
                            + " again");
        }
        if (meter.remaining() != null && meter.remaining() < quantity) {
            throw Refused.field(
                    BillingRefusal.ENTITLEMENT_EXCEEDED,
                    checked.limitField(),
                    checked.meter()
                            + ": "
                            + meter.used()
                            + " of "
                            + meter.limit()
                            + " used this period, "
                            + quantity
                            + " more asked");
        }
        return meter;
    }

    private void requireKnown(String customerId) {
        if (!Ids.isSafe(customerId)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "customerId",
                    "customerId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (customers.partnerOf(customerId).isEmpty()) {
            throw new Refused(
                    BillingRefusal.CUSTOMER_UNKNOWN, "billing knows no customer " + customerId);
        }
    }
}
