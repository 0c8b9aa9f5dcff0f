package io.ledgerline.portal.notifications;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.NotificationClient;
import io.ledgerline.portal.downstream.NotificationViews.FeedPage;
import io.ledgerline.portal.downstream.NotificationViews.UnreadCount;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in tenant's own notification feed. The account is always the session's, never one the
 * browser names: a partner's feed already carries its customers' alerts, and an item id of another
 * account is the notification service's 404 on this account's feed.
 */
@RestController
@RequestMapping("/api/portal/notifications")
class NotificationController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 50;

    private final NotificationClient notifications;

    NotificationController(NotificationClient notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    FeedPage feed(
            PortalUser user,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (before != null && before < 1) {
            throw Refused.field(CommonRefusal.INVALID_PAGING, "before", "an item id from 1");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refused.field(CommonRefusal.INVALID_PAGING, "size", "size 1.." + MAX_PAGE_SIZE);
        }
        return notifications.feed(user.accountId(), before, size);
    }

    @GetMapping("/unread")
    UnreadCount unread(PortalUser user) {
        return notifications.unread(user.accountId());
    }

    @PostMapping("/{itemId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(PortalUser user, @PathVariable long itemId) {
        if (itemId < 1) {
            throw Refused.field(CommonRefusal.INVALID_ID, "itemId", "an item id from 1");
        }
        notifications.markRead(user.accountId(), itemId);
    }

    @PostMapping("/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markAllRead(PortalUser user) {
        notifications.markAllRead(user.accountId());
    }
}
