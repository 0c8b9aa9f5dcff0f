package io.ledgerline.billing.calls;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Conversations: a customer's admitted calls and chats in a period, and one with its costs. */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationsController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_PAGE = 100_000;
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final Conversations conversations;

    ConversationsController(Conversations conversations) {
        this.conversations = conversations;
    }

    record ConversationPage(
            String customerId,
            Instant from,
            Instant to,
            int page,
            int size,
            long total,
            List<Conversations.Conversation> items) {}

    @GetMapping
    ConversationPage list(
            @RequestParam("customerId") String customerId,
            @RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam("to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        CallLimits.requireId(customerId, "customerId");
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw Refused.field(
                    CommonRefusal.INVALID_PARAMETER,
                    "to",
                    "to must be after from, at most " + MAX_PERIOD.toDays() + " days later");
        }
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_PAGE_SIZE) {
            throw new Refused(
                    CommonRefusal.INVALID_PAGING,
                    "page must be 0-" + MAX_PAGE + " and size 1-" + MAX_PAGE_SIZE);
        }
        return new ConversationPage(
                customerId,
                from,
                to,
                page,
                size,
                conversations.count(customerId, from, to),
                conversations.page(customerId, from, to, page, size));
    }

    @GetMapping("/{callId}")
    Conversations.Conversation one(@PathVariable String callId) {
        return conversations
                .one(CallLimits.requireCallId(callId))
                .orElseThrow(() -> CallAdmission.notFound(callId));
    }
}
