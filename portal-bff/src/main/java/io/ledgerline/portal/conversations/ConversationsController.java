package io.ledgerline.portal.conversations;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingViews.Conversation;
import io.ledgerline.portal.downstream.BillingViews.ConversationPage;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.TenantGuard;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;

/**
 * Conversations (R1): the signed-in customer's metered agent sessions in a period, with duration,
 * tool calls and credits, and one session with its cost lines. Every member of the customer's team
 * sees them, as the menu shows them to everyone.
 */
@RestController
@RequestMapping("/api/portal/conversations")
class ConversationsController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_PAGE = 100_000;
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final TenantGuard guard;
    private final BillingClient billing;

    ConversationsController(TenantGuard guard, BillingClient billing) {
        this.guard = guard;
        this.billing = billing;
    }

    @GetMapping
    ConversationPage list(
            PortalUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw Refused.field(
                    CommonRefusal.INVALID_PARAMETER,
                    "to",
                    "to must be after from, at most " + MAX_PERIOD.toDays() + " days later");
        }
        if (page < 0 || page > MAX_PAGE) {
            throw Refused.field(CommonRefusal.INVALID_PAGING, "page", "page 0.." + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refused.field(CommonRefusal.INVALID_PAGING, "size", "size 1.." + MAX_PAGE_SIZE);
        }
        return billing.conversations(ownCustomer(user), from, to, page, size);
    }

    /** Another customer's session is "not found", as an unknown one is. */
    @GetMapping("/{callId}")
    Conversation one(PortalUser user, @PathVariable String callId) {
        if (!Ids.isSafe(callId)) {
            throw Refused.field(CommonRefusal.INVALID_ID, "callId", "callId is malformed");
        }
        var customer = ownCustomer(user);
        var conversation = billing.conversation(callId);
        if (!customer.equals(conversation.customerId())) {
            throw new Refused(BillingRefusal.CALL_NOT_FOUND, "no conversation " + callId);
        }
        return conversation;
    }

    private String ownCustomer(PortalUser user) {
        if (user.isPartner()) {
            throw new Refused(PortalRefusal.CUSTOMER_ONLY, "conversations are a customer's page");
        }
        var account = guard.readable(user, user.accountId()).tenant().accountId();
        return AccountId.of(account).holderId();
    }
}
