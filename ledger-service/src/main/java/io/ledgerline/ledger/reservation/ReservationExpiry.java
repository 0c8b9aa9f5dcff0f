package io.ledgerline.ledger.reservation;

import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.ledger.api.CommandDoor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Releases reservations whose timeout has passed, through the ordinary command path. The command id
 * is derived from the reservation, so two instances (or two scans) release it once.
 */
@Component
class ReservationExpiry {

    static final String EXPIRED_REASON = "expired";
    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final ReservationDeadlines deadlines;
    private final CommandDoor door;
    private final Clock clock;

    ReservationExpiry(ReservationDeadlines deadlines, CommandDoor door, Clock clock) {
        this.deadlines = deadlines;
        this.door = door;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledgerline.reservations.expiry-scan-interval-ms:5000}")
    public void releaseExpired() {
        for (var deadline : deadlines.passedAt(clock.instant())) {
            var command =
                    new ReleaseReservation(
                            expiryCommandId(deadline),
                            deadline.accountId(),
                            deadline.reservationId(),
                            EXPIRED_REASON);
            door.submit(command)
                    .whenComplete(
                            (result, error) -> {
                                if (error != null) {
                                    log.warn(
                                            "could not release expired reservation {} of {}",
                                            deadline.reservationId(),
                                            deadline.accountId(),
                                            error);
                                } else if (!result.isPosted()) {
                                    // Closed by a client meanwhile: the deadline row is stale.
                                    deadlines.remove(
                                            deadline.accountId(), deadline.reservationId());
                                }
                            });
        }
    }

    static String expiryCommandId(ReservationDeadlines.Deadline deadline) {
        try {
            var digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    (deadline.accountId() + "|" + deadline.reservationId())
                                            .getBytes(StandardCharsets.UTF_8));
            return "expire-" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
