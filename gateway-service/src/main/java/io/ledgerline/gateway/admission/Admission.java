package io.ledgerline.gateway.admission;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelPrice;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.gateway.budget.Hold;
import io.ledgerline.gateway.budget.InstanceShare;
import io.ledgerline.gateway.budget.UnbilledCharges;
import io.ledgerline.gateway.error.OpenAiRefusal;
import io.ledgerline.gateway.livekey.KeyConfig;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.projection.LedgerProjection;
import io.ledgerline.gateway.status.PartnerReserve;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * Decides, in memory and in microseconds, whether a request may run, and pre-authorises its
 * worst-case cost. The checks run in a fixed order so a request with several faults always gets the
 * same answer: revoked, expired, model, domain, suspension (R9), customer balance (R8), rate limit,
 * budget.
 *
 * <p>Bound on overspend: a request holds {@code rate(prompt bound, max completion tokens)} before
 * it runs, and the prompt bound (the request body's size in bytes) is never below its token count,
 * so as long as the upstream honours {@code max_tokens} no request costs more than its hold and a
 * key never spends more than its budget on this instance. If an upstream ignores {@code
 * max_tokens}, the overspend is at most the excess of the requests in flight at that moment.
 *
 * <p>Several instances ({@code ledgerline.gateway.instances} = N, see {@link InstanceShare}): each
 * commits (held + unbilled) at most {@code headroom / N} of a pot, rounded down, where the headroom
 * is what its own projection of the ledger shows. Summed over the instances that is at most the
 * headroom, so spend stays within the budget plus the charges the ledger has already booked that
 * some instance's projection has not seen yet (each such charge counts at most once, divided by N),
 * whatever instance a load balancer sends a request to. The price: an instance refuses a request
 * whose hold does not fit its share even when the others have room, so the last {@code N × one
 * request's worst-case hold} of a budget may be refused with {@code insufficient_quota} when a
 * client's requests all reach one instance.
 */
@Component
public class Admission {

    /** The completion budget assumed when a request does not say {@code max_tokens}. */
    public static final long DEFAULT_MAX_COMPLETION_TOKENS = 4_096;

    private final LedgerProjection projection;
    private final PartnerReserve reserve;
    private final UnbilledCharges unbilled;

    public Admission(
            LedgerProjection projection, PartnerReserve reserve, UnbilledCharges unbilled) {
        this.projection = projection;
        this.reserve = reserve;
        this.unbilled = unbilled;
    }

    /** Either a refusal or a hold. */
    public record Decision(OpenAiRefusal refusal, Hold hold) {
        static Decision refuse(OpenAiRefusal refusal) {
            return new Decision(refusal, null);
        }
    }

    /** The request as admission sees it. */
    public record Ask(
            ModelPrice price,
            long promptTokensBound,
            long maxCompletionTokens,
            String origin,
            String referer) {}

    public Decision admit(LiveKey key, Ask ask, Instant now) {
        var refusal = refusalFor(key, ask, now);
        if (refusal != null) {
            return Decision.refuse(refusal);
        }
        var limit = key.rateLimiter().tryAcquire(now.toEpochMilli());
        if (limit != null) {
            return Decision.refuse(OpenAiRefusal.rateLimited(limit));
        }
        var worstCase =
                cost(key.config(), ask.price(), ask.promptTokensBound(), ask.maxCompletionTokens());
        var hold = hold(key, worstCase);
        if (hold == null) {
            return Decision.refuse(OpenAiRefusal.insufficientQuota(outOfBudget(key, worstCase)));
        }
        return new Decision(null, hold);
    }

    /** What tokens cost the key: AI credits for a self-service key, else platform credits. */
    public static Credits cost(KeyConfig key, ModelPrice price, long tokensIn, long tokensOut) {
        return key.isSelfService()
                ? Rating.customerCharge(price, tokensIn, tokensOut, key.customerBilling())
                : Rating.platformCost(price, tokensIn, tokensOut);
    }

    private OpenAiRefusal refusalFor(LiveKey key, Ask ask, Instant now) {
        var config = key.config();
        if (key.revoked()) {
            return OpenAiRefusal.revoked();
        }
        if (config.expiresAt() != null && !now.isBefore(config.expiresAt())) {
            return OpenAiRefusal.expired();
        }
        if (!config.allowedModels().contains(ask.price().model())) {
            return OpenAiRefusal.modelNotAllowed(ask.price().model());
        }
        if (!config.allowedDomains().isEmpty() && !domainAllowed(config, ask)) {
            return OpenAiRefusal.domainNotAllowed();
        }
        if (reserve.suspends(config)) {
            return OpenAiRefusal.insufficientQuota(
                    "This key is suspended because the AI Gateway credit reserve is below "
                            + PartnerReserve.MINIMUM_CREDITS_TEXT
                            + " credits. Please top up credits in Billing.");
        }
        if (config.customerId() != null
                && !projection.customerAiBalance(config.customerId()).isPositive()) {
            return OpenAiRefusal.insufficientQuota(
                    "Your AI credit balance is zero, so API requests "
                            + "are rejected. Please top up credits in Billing.");
        }
        return null;
    }

    private Hold hold(LiveKey key, Credits worstCase) {
        if (key.wallet() != null) {
            return Hold.take(key.wallet(), worstCase, unbilled);
        }
        for (var pot : key.budget()) {
            var hold = Hold.take(pot, worstCase, unbilled);
            if (hold != null) {
                return hold;
            }
        }
        return null;
    }

    private static String outOfBudget(LiveKey key, Credits worstCase) {
        var topUp =
                key.wallet() != null
                        ? "Please top up credits in Billing."
                        : "Top up the key's budget.";
        return "You exceeded your current quota: this request may cost up to "
                + worstCase.toDecimalString()
                + " credits, more than is left. "
                + topUp;
    }

    static boolean domainAllowed(KeyConfig config, Ask ask) {
        var host = hostOf(ask.origin());
        if (host == null) {
            host = hostOf(ask.referer());
        }
        if (host == null) {
            return false;
        }
        for (var domain : config.allowedDomains()) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            var host = URI.create(url.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
