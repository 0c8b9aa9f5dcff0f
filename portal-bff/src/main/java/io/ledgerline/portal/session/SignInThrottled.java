package io.ledgerline.portal.session;

import java.time.Duration;

/** A sign-in attempt {@link SignInThrottle} did not take, and when the next one would be taken. */
class SignInThrottled extends RuntimeException {

    private final Duration retryAfter;

    SignInThrottled(long nanosToWait) {
        super("too many sign-in attempts", null, false, false);
        var wait = Duration.ofNanos(nanosToWait);
        // Retry-After counts whole seconds: round up, so the client never comes back too early.
        this.retryAfter =
                Duration.ofSeconds(
                        Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
