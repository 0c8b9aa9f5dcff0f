package io.ledgerline.notification.recipients;

import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.NotificationRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.notification.alert.AlertKind;
import io.ledgerline.notification.web.AccountIds;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Who gets an account's alerts by e-mail, which alerts, and the account's own alert levels. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/recipients")
class RecipientsController {

    static final int MAX_EMAILS = 10;

    /** RFC 5321's limit on a forward path. */
    static final int MAX_EMAIL_LENGTH = 254;

    static final long MAX_RESERVE_WARNING_CREDITS = 1_000_000_000L;
    static final int MAX_RUN_OUT_ALERT_DAYS = 365;

    // Deliberately plain: one @, no spaces or angle brackets; the SMTP server has the last word.
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

    record RecipientsBody(
            List<String> emails,
            List<String> alerts,
            Long reserveWarningCredits,
            Integer runOutAlertDays) {}

    record RecipientsView(
            String accountId,
            List<String> emails,
            List<String> alerts,
            Long reserveWarningCredits,
            Integer runOutAlertDays) {}

    private final RecipientStore store;
    private final Clock clock;

    RecipientsController(RecipientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    RecipientsView get(@PathVariable String accountId) {
        return view(store.of(AccountIds.parse(accountId)));
    }

    @PutMapping
    RecipientsView put(@PathVariable String accountId, @RequestBody RecipientsBody body) {
        var account = AccountIds.parse(accountId);
        var settings =
                new RecipientSettings(
                        account,
                        emails(body.emails()),
                        kinds(body.alerts()),
                        reserveWarning(body.reserveWarningCredits()),
                        runOutDays(body.runOutAlertDays()));
        store.save(settings, clock.instant());
        return view(settings);
    }

    private static List<String> emails(List<String> emails) {
        if (emails == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, "emails", "emails is required");
        }
        if (emails.size() > MAX_EMAILS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE, "emails", "at most " + MAX_EMAILS + " addresses");
        }
        var clean = new ArrayList<String>();
        for (var email : emails) {
            boolean valid =
                    email != null
                            && email.length() <= MAX_EMAIL_LENGTH
                            && Texts.isValid(email)
                            && EMAIL.matcher(email).matches();
            if (!valid) {
                throw Refused.field(
                        NotificationRefusal.INVALID_EMAIL, "emails", "not an e-mail address");
            }
            var lower = email.toLowerCase(Locale.ROOT);
            if (!clean.contains(lower)) {
                clean.add(lower);
            }
        }
        return List.copyOf(clean);
    }

    static EnumSet<AlertKind> kinds(List<String> names) {
        if (names == null) {
            return EnumSet.allOf(AlertKind.class);
        }
        var kinds = EnumSet.noneOf(AlertKind.class);
        for (var name : names) {
            kinds.add(
                    AlertKind.parse(name)
                            .orElseThrow(
                                    () ->
                                            Refused.field(
                                                    NotificationRefusal.UNKNOWN_ALERT_KIND,
                                                    "alerts",
                                                    "unknown alert kind")));
        }
        return kinds;
    }

    private static Credits reserveWarning(Long credits) {
        if (credits == null) {
            return null;
        }
        if (credits < 0 || credits > MAX_RESERVE_WARNING_CREDITS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "reserveWarningCredits",
                    "between 0 and " + MAX_RESERVE_WARNING_CREDITS + " credits");
        }
        return Credits.ofCredits(credits);
    }

    private static Integer runOutDays(Integer days) {
        if (days == null) {
            return null;
        }
        if (days < 1 || days > MAX_RUN_OUT_ALERT_DAYS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "runOutAlertDays",
                    "between 1 and " + MAX_RUN_OUT_ALERT_DAYS + " days");
        }
        return days;
    }

    private static RecipientsView view(RecipientSettings settings) {
        return new RecipientsView(
                settings.accountId(),
                settings.emails(),
                settings.alertKinds().stream().map(Enum::name).sorted().toList(),
                settings.reserveWarningUcr() == null
                        ? null
                        : settings.reserveWarningUcr().ucr() / Credits.UCR_PER_CREDIT,
                settings.runOutAlertDays());
    }
}
