package io.ledgerline.portal.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing with Bucket4j token buckets, one per account and one per client
 * address. An attempt takes a token from both before the password is checked, so parallel guesses
 * cannot outrun the count; a successful one gives them back. Buckets live in a bounded cache and
 * are forgotten once full again, so random e-mails cannot fill the memory.
 */
@Component
class SignInThrottle {

    /** An attempt the throttle let through; say how it ended. */
    interface Attempt {
        void succeeded();
    }

    private final SignInLimits limits;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;

    SignInThrottle(SignInLimits limits) {
        this.limits = limits;
        this.accounts = cache(limits.perAccount(), limits.rememberedAtMost());
        this.addresses = cache(limits.perAddress(), limits.rememberedAtMost());
    }

    /**
     * Takes one attempt for this e-mail and address.
     *
     * @throws SignInThrottled when either has none left
     */
    Attempt attempt(String email, String address) {
        var accountKey = accountKey(email);
        var account = accounts.get(accountKey, key -> bucket(limits.perAccount()));
        var fromAddress = addresses.get(address, key -> bucket(limits.perAddress()));
        var accountProbe = account.tryConsumeAndReturnRemaining(1);
        if (!accountProbe.isConsumed()) {
            throw new SignInThrottled(accountProbe.getNanosToWaitForRefill());
        }
        var addressProbe = fromAddress.tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            account.addTokens(1);
            throw new SignInThrottled(addressProbe.getNanosToWaitForRefill());
        }
        return () -> {
            accounts.invalidate(accountKey);
            fromAddress.addTokens(1);
        };
    }

    /** The e-mail as the directory matches it; a longer one matches nobody, so its head will do. */
    private static String accountKey(String email) {
        var key = Optional.ofNullable(email).map(e -> e.trim().toLowerCase(Locale.ROOT)).orElse("");
        return key.length() > Authenticator.MAX_EMAIL_CHARS
                ? key.substring(0, Authenticator.MAX_EMAIL_CHARS)
                : key;
    }

    private static Bucket bucket(SignInLimits.Limit limit) {
        return Bucket.builder()
                .addLimit(
                        Bandwidth.builder()
                                .capacity(limit.attempts())
                                .refillGreedy(limit.attempts(), limit.per())
                                .build())
                .build();
    }

    private static Cache<String, Bucket> cache(SignInLimits.Limit limit, int size) {
        // Unused for a whole refill period, a bucket is full again: forgetting it changes nothing.
        return Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterAccess(limit.per().plus(Duration.ofSeconds(1)))
                .build();
    }
}
