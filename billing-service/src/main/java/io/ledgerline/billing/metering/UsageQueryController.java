package io.ledgerline.billing.metering;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Detailed Usage: a customer's rated uses, newest first, one page at a time. */
@RestController
@RequestMapping("/api/v1/usage")
class UsageQueryController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_PAGE = 100_000;

    private final UsageChargeStore store;

    UsageQueryController(UsageChargeStore store) {
        this.store = store;
    }

    record UsagePage(String customerId, int page, int size, long total, List<UsageRow> items) {}

    @GetMapping
    UsagePage usage(
            @RequestParam("customerId") String customerId,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (!Ids.isSafe(customerId)) {
            throw Refused.field(CommonRefusal.INVALID_ID, "customerId", "customerId is malformed");
        }
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_PAGE_SIZE) {
            throw new Refused(
                    CommonRefusal.INVALID_PAGING,
                    "page must be 0-" + MAX_PAGE + " and size 1-" + MAX_PAGE_SIZE);
        }
        return new UsagePage(
                customerId,
                page,
                size,
                store.countForCustomer(customerId),
                store.pageForCustomer(customerId, page, size));
    }
}
