package io.ledgerline.gateway.lifecycle;

import io.ledgerline.contracts.gateway.KeyChanged;
import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.GatewayRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.gateway.budget.InstanceShare;
import io.ledgerline.gateway.budget.UnbilledCharges;
import io.ledgerline.gateway.ledger.LedgerClient;
import io.ledgerline.gateway.ledger.LedgerRefusal;
import io.ledgerline.gateway.ledger.LedgerUnavailable;
import io.ledgerline.gateway.livekey.KeyChangePublisher;
import io.ledgerline.gateway.livekey.KeyLoader;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.livekey.KeyRepository;
import io.ledgerline.gateway.livekey.KeySecrets;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.management.KeyCommand;
import io.ledgerline.gateway.management.KeyValidation;
import io.ledgerline.gateway.management.KeyView;
import io.ledgerline.gateway.projection.LedgerProjection;
import io.ledgerline.gateway.settings.SettingsRepository;
import io.ledgerline.gateway.status.KeyStatusPublisher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * What every virtual key's lifecycle shares (R8, R10, R11, R12), whoever created it: each write is
 * idempotent on the caller's command id; the ledger is called with command ids derived from the
 * key, so a retried write never reserves twice. Blocking: call off the event loop.
 *
 * <p>Several gateway instances share the key rows: a write works on the key as stored (reloaded
 * first), and once it is committed every instance is told ({@link KeyChangePublisher}) before the
 * call answers.
 */
@Service
public class KeyLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeyLifecycle.class);

    private final KeyRepository keys;
    private final SettingsRepository settings;
    private final KeyRegistry registry;
    private final LedgerClient ledger;
    private final LedgerProjection projection;
    private final UnbilledCharges unbilled;
    private final KeyViews views;
    private final KeyStatusPublisher statusPublisher;
    private final KeyChangePublisher changes;
    private final KeyLoader loader;
    private final int instances;
    private final TransactionTemplate tx;
    private final Clock clock;

    public KeyLifecycle(
            KeyRepository keys,
            SettingsRepository settings,
            KeyRegistry registry,
            LedgerClient ledger,
            LedgerProjection projection,
            UnbilledCharges unbilled,
            KeyViews views,
            KeyStatusPublisher statusPublisher,
            KeyChangePublisher changes,
            KeyLoader loader,
            InstanceShare share,
            TransactionTemplate tx,
            Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.registry = registry;
        this.ledger = ledger;
        this.projection = projection;
        this.unbilled = unbilled;
        this.views = views;
        this.statusPublisher = statusPublisher;
        this.changes = changes;
        this.loader = loader;
        this.instances = share.instances();
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Makes a key whose rows are committed live on this instance, tells the others and the
     * services; the answer carries the secret, once.
     */
    public KeyView created(LiveKey stored, KeySecrets.Issued issued) {
        var live = registry.registerIfAbsent(stored);
        changes.announce(live, KeyChanged.Change.CREATED);
        statusPublisher.publish(live, KeyStatusChanged.KeyStatus.ACTIVE, "created", null);
        return views.of(live).withSecret(issued.secret());
    }

    /** What the keys table shows of {@code live} (R11). */
    public KeyView view(LiveKey live) {
        return views.of(live);
    }

    /** R11: a new secret; the old one is refused from the next request on. */
    public KeyView regenerate(LiveKey live, KeyCommand req) {
        var partnerId = live.config().partnerId();
        var commandId = KeyValidation.id(req.commandId(), "commandId");
        var replay = replayed(partnerId, commandId, "REGENERATE", req);
        if (replay != null) {
            return replay;
        }
        requireNotRevoked(live);
        var issued = KeySecrets.issue();
        var now = clock.instant();
        loader.exclusively(
                live.keyId(),
                () -> {
                    tx.executeWithoutResult(
                            status -> {
                                keys.replaceSecret(
                                        live.keyId(), issued.sha256(), issued.displayPrefix());
                                recordCommand(
                                        partnerId, commandId, "REGENERATE", live.keyId(), req, now);
                            });
                    registry.replaceSecret(live, issued);
                    return null;
                });
        changes.announce(live, KeyChanged.Change.REGENERATED);
        statusPublisher.publish(live, KeyStatusChanged.KeyStatus.ACTIVE, "regenerated", null);
        log.info("key {} regenerated, now {}", live.keyId(), issued.displayPrefix());
        return views.of(live).withSecret(issued.secret());
    }

    /** R11: final; the key's reservations are released, which refunds what is left of them. */
    public KeyView revoke(LiveKey live, KeyCommand req) {
        var partnerId = live.config().partnerId();
        var commandId = KeyValidation.id(req.commandId(), "commandId");
        var replay = replayed(partnerId, commandId, "REVOKE", req);
        if (replay != null) {
            return replay;
        }
        requireNotRevoked(live);
        live.markRevoked();
        var now = clock.instant();
        // Stored before the releases: an auto top-up finishing on another instance after this
        // reads the status and releases its own reservation; one finishing before is read here.
        keys.markRevoked(live.keyId(), now);
        var holder = AccountId.partner(partnerId);
        for (var funding : loader.reload(live.keyId()).fundings()) {
            releaseFunding(holder, funding);
        }
        recordCommand(partnerId, commandId, "REVOKE", live.keyId(), req, now);
        changes.announce(live, KeyChanged.Change.REVOKED);
        statusPublisher.publish(live, KeyStatusChanged.KeyStatus.REVOKED, "revoked", null);
        log.info("key {} revoked", live.keyId());
        return views.of(live);
    }

    /** For writes that must not fail once done (a top-up): the periodic resync covers a miss. */
    public void announceQuietly(LiveKey live, KeyChanged.Change change) {
        try {
            changes.announce(live, change);
        } catch (Refused notAnnounced) {
            // Logged by the publisher.
        }
    }

    public void announce(LiveKey live, KeyChanged.Change change) {
        changes.announce(live, change);
    }

    public static KeyRepository.StoredReservation budgetRow(String keyId, LiveKey.Funding funding) {
        return new KeyRepository.StoredReservation(
                funding.reservationId(),
                keyId,
                funding.amount(),
                funding.fee(),
                LiveKey.Funding.BUDGET,
                false);
    }

    public void releaseFunding(AccountId holder, LiveKey.Funding funding) {
        callLedger(
                () -> {
                    ledger.release(
                            new ReleaseReservation(
                                    "release-" + funding.reservationId(),
                                    holder,
                                    funding.reservationId(),
                                    "gateway key revoked"));
                    return null;
                });
    }

    /** Reserves {@code budget} plus the tier's platform fee, then settles the fee from it. */
    public LiveKey.Funding fund(LiveKey live, String reservationId, Credits budget, String why) {
        var config = live.config();
        var holder = AccountId.partner(config.partnerId());
        var fee = settings.find(config.partnerId()).tier().platformFeeOn(budget);
        var total = budget.plus(fee);
        callLedger(
                () -> {
                    ledger.reserve(
                            new ReserveCredits(
                                    reservationId + "-reserve",
                                    holder,
                                    reservationId,
                                    total,
                                    ReserveCredits.MAX_TIMEOUT_SECONDS,
                                    "gateway key " + config.keyId() + " " + why,
                                    false));
                    if (fee.isPositive()) {
                        ledger.settle(
                                new SettleReservation(
                                        reservationId + "-fee",
                                        holder,
                                        reservationId,
                                        fee,
                                        reservationId + "-platform-fee"));
                    }
                    return null;
                });
        var pot = live.budgetPot(reservationId, total, projection, instances);
        var funding = new LiveKey.Funding(reservationId, total, fee, LiveKey.Funding.BUDGET);
        var added = live.addFunding(funding, pot);
        if (added && fee.isPositive() && projection.settledFrom(reservationId).isLessThan(fee)) {
            unbilled.chargedOutsideRequest(reservationId + "-platform-fee", pot, fee);
        }
        return funding;
    }

    /**
     * Runs a ledger call. The ledger's refusal ({@link LedgerRefusal}) passes through to be
     * answered with the ledger's own code; a ledger that failed or could not be reached becomes
     * {@code LEDGER_UNAVAILABLE}.
     */
    public <T> T callLedger(Supplier<T> call) {
        try {
            return call.get();
        } catch (LedgerRefusal refusal) {
            if (refusal.failed()) {
                throw new Refused(
                        CommonRefusal.LEDGER_UNAVAILABLE,
                        "the ledger failed; retry with the same commandId");
            }
            throw refusal;
        } catch (LedgerUnavailable unavailable) {
            throw new Refused(
                    CommonRefusal.LEDGER_UNAVAILABLE,
                    "the ledger could not be reached; retry with the same commandId");
        }
    }

    /**
     * The first answer again when {@code commandId} already ran {@code action} with this body; null
     * when it never ran.
     */
    public KeyView replayed(String partnerId, String commandId, String action, Object req) {
        return keys.command(scoped(partnerId, commandId))
                .map(
                        command -> {
                            if (!command.action().equals(action)
                                    || !java.util.Arrays.equals(
                                            command.payloadSha256(), hash(req))) {
                                throw new Refused(
                                        Rejection.EXISTS_WITH_DIFFERENT_PAYLOAD,
                                        "commandId " + commandId + " was used for another request");
                            }
                            var live = loader.reload(command.keyId());
                            if (live == null) {
                                throw new Refused(
                                        CommonRefusal.COMMAND_IN_PROGRESS,
                                        "commandId "
                                                + commandId
                                                + " is still being processed; retry");
                            }
                            // The first call may have failed to tell the other instances.
                            changes.announce(live, changeOf(action));
                            return views.of(live);
                        })
                .orElse(null);
    }

    private static KeyChanged.Change changeOf(String action) {
        return switch (action) {
            case "TOP_UP" -> KeyChanged.Change.TOPPED_UP;
            case "REGENERATE" -> KeyChanged.Change.REGENERATED;
            case "REVOKE" -> KeyChanged.Change.REVOKED;
            default -> KeyChanged.Change.CREATED;
        };
    }

    /** Remembers that {@code commandId} did {@code action}, for {@link #replayed}. */
    public void recordCommand(
            String partnerId,
            String commandId,
            String action,
            String keyId,
            Object req,
            Instant now) {
        keys.recordCommand(scoped(partnerId, commandId), action, keyId, hash(req), now);
    }

    /** The key as stored now: another instance may have changed it since this one last heard. */
    public LiveKey stored(String keyId) {
        return Ids.isSafe(keyId) ? loader.reload(keyId) : registry.byId(keyId);
    }

    public static void requireNotRevoked(LiveKey live) {
        if (live.revoked()) {
            throw new Refused(GatewayRefusal.KEY_REVOKED, "key " + live.keyId() + " is revoked");
        }
    }

    public static String keyIdFor(String scope, String commandId) {
        return "k" + shortHash(scope + "/" + commandId);
    }

    public static String shortHash(String value) {
        return HexFormat.of().formatHex(KeySecrets.sha256(value)).substring(0, 20);
    }

    private static String scoped(String partnerId, String commandId) {
        return partnerId + "/" + commandId;
    }

    private static byte[] hash(Object req) {
        return KeySecrets.sha256(new String(ContractJson.toBytes(req), StandardCharsets.UTF_8));
    }
}
