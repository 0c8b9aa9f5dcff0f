package io.ledgerline.notification.feed;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.NotificationRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.notification.web.AccountIds;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** An account's in-portal feed: newest first, with its unread count; mark one or all read. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/feed")
class FeedController {

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 20;

    /** {@code nextBefore}: what to pass as {@code before} for the next page; null at the end. */
    record FeedPage(long unreadCount, List<FeedStore.Item> items, Long nextBefore) {}

    record UnreadCount(long unreadCount) {}

    private final FeedStore feed;
    private final Clock clock;

    FeedController(FeedStore feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    /** {@code before} pages on: the smallest item id of the page before. */
    @GetMapping
    FeedPage page(
            @PathVariable String accountId,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        var account = AccountIds.parse(accountId);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refused.field(
                    CommonRefusal.INVALID_PAGING, "size", "between 1 and " + MAX_PAGE_SIZE);
        }
        // One more than asked says whether a next page exists without a second query.
        var items = feed.newestFirst(account, before, size + 1);
        var page = items.size() > size ? items.subList(0, size) : items;
        var nextBefore = items.size() > size ? page.get(size - 1).itemId() : null;
        return new FeedPage(feed.unread(account), page, nextBefore);
    }

    /** What a notification bell polls: the count alone. */
    @GetMapping("/unread")
    UnreadCount unread(@PathVariable String accountId) {
        return new UnreadCount(feed.unread(AccountIds.parse(accountId)));
    }

    @PostMapping("/{itemId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@PathVariable String accountId, @PathVariable long itemId) {
        if (!feed.markRead(AccountIds.parse(accountId), itemId, clock.instant())) {
            throw new Refused(NotificationRefusal.FEED_ITEM_NOT_FOUND, "no such feed item");
        }
    }

    @PostMapping("/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markAllRead(@PathVariable String accountId) {
        feed.markAllRead(AccountIds.parse(accountId), clock.instant());
    }
}
