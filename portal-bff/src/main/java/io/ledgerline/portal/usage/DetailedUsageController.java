package io.ledgerline.portal.usage;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingViews.UsageUse;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.TenantGuard;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Detailed Usage (R1): the signed-in customer's billed uses in a period per day and kind, as JSON
 * for the page's table and chart and as a CSV download. Billing lists uses newest first; the portal
 * reads pages until it passes the period's start, at most {@link #MAX_USES} uses, and says when it
 * stopped early.
 */
@RestController
@RequestMapping("/api/portal/usage")
class DetailedUsageController {

    static final Duration MAX_PERIOD = Duration.ofDays(366);
    static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 25;
    static final int MAX_USES = PAGE_SIZE * MAX_PAGES;

    private final TenantGuard guard;
    private final BillingClient billing;

    DetailedUsageController(TenantGuard guard, BillingClient billing) {
        this.guard = guard;
        this.billing = billing;
    }

    @GetMapping
    DetailedUsage usage(
            PortalUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        requirePeriod(from, to);
        return read(ownCustomer(user), from, to);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    ResponseEntity<String> export(
            PortalUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        requirePeriod(from, to);
        var usage = read(ownCustomer(user), from, to);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("usage-" + from.toString().substring(0, 10) + ".csv")
                                .build()
                                .toString())
                .body(UsageCsv.of(usage));
    }

    private DetailedUsage read(String customerId, Instant from, Instant to) {
        var uses = new ArrayList<UsageUse>();
        for (int page = 0; page < MAX_PAGES; page++) {
            var items = billing.usage(customerId, page, PAGE_SIZE).items();
            uses.addAll(items);
            boolean lastPage = items.size() < PAGE_SIZE;
            if (lastPage || items.get(items.size() - 1).occurredAt().isBefore(from)) {
                return DetailedUsage.of(from, to, uses, false);
            }
        }
        return DetailedUsage.of(from, to, uses, true);
    }

    private static void requirePeriod(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw Refused.field(
                    CommonRefusal.INVALID_PARAMETER,
                    "to",
                    "to must be after from, at most " + MAX_PERIOD.toDays() + " days later");
        }
    }

    private String ownCustomer(PortalUser user) {
        if (user.isPartner()) {
            throw new Refused(PortalRefusal.CUSTOMER_ONLY, "Detailed Usage is a customer's page");
        }
        var account = guard.readable(user, user.accountId()).tenant().accountId();
        return AccountId.of(account).holderId();
    }
}
