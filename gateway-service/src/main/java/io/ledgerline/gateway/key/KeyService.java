package io.ledgerline.gateway.key;

import io.ledgerline.contracts.gateway.KeyChanged;
import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyKind;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.UsdCents;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;
import io.ledgerline.gateway.admission.InstanceShare;
import io.ledgerline.gateway.admission.Pot;
import io.ledgerline.gateway.admission.UnbilledCharges;
import io.ledgerline.gateway.admission.Wallets;
import io.ledgerline.gateway.error.ApiProblem;
import io.ledgerline.gateway.key.KeyRequests.CreateCustomerKey;
import io.ledgerline.gateway.key.KeyRequests.CreatePartnerKey;
import io.ledgerline.gateway.key.KeyRequests.KeyCommand;
import io.ledgerline.gateway.key.KeyRequests.TopUp;
import io.ledgerline.gateway.ledger.LedgerClient;
import io.ledgerline.gateway.ledger.LedgerRefusal;
import io.ledgerline.gateway.ledger.LedgerUnavailable;
import io.ledgerline.gateway.projection.LedgerProjection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The lifecycle of virtual keys (R8, R10, R11, R12): create, top up, regenerate, revoke. Each write
 * is idempotent on the caller's command id; the ledger is called with command ids derived from the
 * key, so a retried write never reserves twice. Blocking: call off the event loop.
 *
 * <p>Several gateway instances share the key rows: a write works on the key as stored (reloaded
 * first), and once it is committed every instance is told ({@link KeyChangePublisher}) before the
 * call answers.
 */
@Service
public class KeyService {

    static final String BUDGET = "BUDGET";
    static final String DEPOSIT = "DEPOSIT";
    private static final Logger log = LoggerFactory.getLogger(KeyService.class);

    private final KeyRepository keys;
    private final SettingsRepository settings;
    private final KeyRegistry registry;
    private final LedgerClient ledger;
    private final LedgerProjection projection;
    private final UnbilledCharges unbilled;
    private final Wallets wallets;
    private final KeyViews views;
    private final KeyStatusPublisher statusPublisher;
    private final KeyChangePublisher changes;
    private final KeyLoader loader;
    private final int instances;
    private final ModelCatalogue catalogue;
    private final TransactionTemplate tx;
    private final Clock clock;

    public KeyService(
            KeyRepository keys,
            SettingsRepository settings,
            KeyRegistry registry,
            LedgerClient ledger,
            LedgerProjection projection,
            UnbilledCharges unbilled,
            Wallets wallets,
            KeyViews views,
            KeyStatusPublisher statusPublisher,
            KeyChangePublisher changes,
            KeyLoader loader,
            InstanceShare share,
            ModelCatalogue catalogue,
            TransactionTemplate tx,
            Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.registry = registry;
        this.ledger = ledger;
        this.projection = projection;
        this.unbilled = unbilled;
        this.wallets = wallets;
        this.views = views;
        this.statusPublisher = statusPublisher;
        this.changes = changes;
        this.loader = loader;
        this.instances = share.instances();
        this.catalogue = catalogue;
        this.tx = tx;
        this.clock = clock;
    }

    /** R10: a partner key with a budget reserved in the ledger as {@code key-{keyId}}. */
    public KeyView createPartnerKey(String partnerId, CreatePartnerKey req) {
        KeyValidation.id(partnerId, "partnerId");
        var commandId = KeyValidation.id(req.commandId(), "commandId");
        var replay = replayed(partnerId, commandId, "CREATE", req);
        if (replay != null) {
            return replay;
        }
        var tier = settings.find(partnerId).tier();
        var budget = KeyValidation.positive(req.budgetUcr(), "budgetUcr");
        var now = clock.instant();
        var keyId = keyIdFor(partnerId, commandId);
        var issued = KeySecrets.issue();
        var config =
                new KeyConfig(
                        keyId,
                        KeyKind.PARTNER,
                        partnerId,
                        req.customerBilling() == null ? null : customerOf(partnerId, req),
                        KeyValidation.name(req.name()),
                        KeyValidation.description(req.description()),
                        issued.displayPrefix(),
                        KeyValidation.models(req.allowedModels(), catalogue, tier),
                        KeyValidation.domains(req.allowedDomains()),
                        tier.platformFeeOn(budget),
                        billingOf(req.customerBilling()),
                        autoTopUpOf(req.autoTopUp()),
                        new KeyConfig.RateLimits(
                                (int)
                                        KeyValidation.notNegative(
                                                req.requestsPerMinute() == null
                                                        ? null
                                                        : req.requestsPerMinute().longValue(),
                                                "requestsPerMinute"),
                                KeyValidation.notNegative(
                                        req.tokensPerMinute(), "tokensPerMinute")),
                        KeyValidation.expiry(req.expiresAt(), now),
                        now);
        var live = new LiveKey(config, issued.sha256(), null, null, Credits.ZERO);
        var reservationId = "key-" + keyId;
        var funding = fund(live, reservationId, budget, "create");
        try {
            tx.executeWithoutResult(
                    status -> {
                        keys.insert(config, issued.sha256());
                        keys.insertReservation(budgetRow(keyId, funding), now);
                        keys.recordCommand(
                                scoped(partnerId, commandId), "CREATE", keyId, hash(req), now);
                    });
        } catch (org.springframework.dao.DuplicateKeyException concurrentTwin) {
            // The same command ran concurrently and won; answer as its replay.
            return replayed(partnerId, commandId, "CREATE", req);
        }
        live = registry.registerIfAbsent(live);
        changes.announce(live, KeyChanged.Change.CREATED);
        statusPublisher.publish(live, KeyStatusChanged.KeyStatus.ACTIVE, "created", null);
        log.info(
                "partner key {} ({}) created for partner {}",
                keyId,
                issued.displayPrefix(),
                partnerId);
        return views.of(live).withSecret(issued.secret());
    }

    /** R8, R12: a customer self-service key, funded by a 1,000-credit partner deposit (R9). */
    public KeyView createCustomerKey(String customerId, CreateCustomerKey req) {
        KeyValidation.id(customerId, "customerId");
        var commandId = KeyValidation.id(req.commandId(), "commandId");
        var customer =
                projection
                        .customer(customerId)
                        .filter(c -> c.partnerId() != null)
                        .orElseThrow(
                                () ->
                                        ApiProblem.notFound(
                                                "CUSTOMER_NOT_FOUND",
                                                "no customer account "
                                                        + customerId
                                                        + " is known to the gateway"));
        var partnerId = customer.partnerId();
        var replay = replayed(partnerId, commandId, "CREATE_SELF_SERVICE", req);
        if (replay != null) {
            return replay;
        }
        var partnerSettings = settings.find(partnerId);
        if (!customer.aiCreditsEnabled()) {
            throw ApiProblem.conflict(
                    "AI_CREDITS_DISABLED",
                    "AI Gateway keys need AI credits enabled for this customer");
        }
        if (!partnerSettings.selfServiceAppliesTo(customer.openedAt())) {
            throw ApiProblem.conflict(
                    "SELF_SERVICE_DISABLED",
                    "the partner has not enabled customer self-service API keys for this customer");
        }
        var now = clock.instant();
        var keyId = keyIdFor(partnerId, commandId);
        var issued = KeySecrets.issue();
        var billing =
                new CustomerBilling(
                        partnerSettings.defaultProfitMultiplierPercent(),
                        partnerSettings.aiCreditPriceUcr(),
                        Credits.ZERO);
        var config =
                new KeyConfig(
                        keyId,
                        KeyKind.CUSTOMER_SELF_SERVICE,
                        partnerId,
                        customerId,
                        KeyValidation.name(req.name()),
                        null,
                        issued.displayPrefix(),
                        KeyValidation.models(
                                req.allowedModels(), catalogue, partnerSettings.tier()),
                        java.util.List.of(),
                        Credits.ZERO,
                        billing,
                        null,
                        KeyConfig.RateLimits.NONE,
                        null,
                        now);
        callLedger(
                () -> {
                    ledger.reserveKeyDeposit(
                            AccountId.partner(partnerId), "key-" + keyId + "-deposit", keyId);
                    return null;
                });
        var live = new LiveKey(config, issued.sha256(), wallets.of(customerId), null, Credits.ZERO);
        var deposit =
                new LiveKey.Funding(
                        ReserveKeyDeposit.reservationIdFor(keyId),
                        ReserveKeyDeposit.KEY_DEPOSIT,
                        Credits.ZERO,
                        DEPOSIT);
        live.addFunding(deposit, null);
        tx.executeWithoutResult(
                status -> {
                    keys.insert(config, issued.sha256());
                    keys.insertReservation(
                            new KeyRepository.StoredReservation(
                                    deposit.reservationId(),
                                    keyId,
                                    deposit.amount(),
                                    Credits.ZERO,
                                    DEPOSIT,
                                    false),
                            now);
                    keys.recordCommand(
                            scoped(partnerId, commandId),
                            "CREATE_SELF_SERVICE",
                            keyId,
                            hash(req),
                            now);
                });
        live = registry.registerIfAbsent(live);
        changes.announce(live, KeyChanged.Change.CREATED);
        statusPublisher.publish(live, KeyStatusChanged.KeyStatus.ACTIVE, "created", null);
        log.info(
                "self-service key {} ({}) created for customer {}",
                keyId,
                issued.displayPrefix(),
                customerId);
        return views.of(live).withSecret(issued.secret());
    }

    /** R11: adds budget to a partner key as a new reservation. */
    public KeyView topUp(String partnerId, String keyId, TopUp req) {
        var live = ownedByPartner(partnerId, keyId);
        var commandId = KeyValidation.id(req.commandId(), "commandId");
        var replay = replayed(partnerId, commandId, "TOP_UP", req);
        if (replay != null) {
            return replay;
        }
        if (live.config().isSelfService()) {
            throw ApiProblem.conflict(
                    "NOT_A_PARTNER_KEY",
                    "self-service keys are paid from the customer's AI credits, not topped up");
        }
        requireNotRevoked(live);
        var amount = KeyValidation.positive(req.amountUcr(), "amountUcr");
        var reservationId = "key-" + keyId + "-t" + shortHash(commandId);
        var funding = fund(live, reservationId, amount, "top-up " + commandId);
        var now = clock.instant();
        tx.executeWithoutResult(
                status -> {
                    keys.insertReservation(budgetRow(keyId, funding), now);
                    keys.recordCommand(
                            scoped(partnerId, commandId), "TOP_UP", keyId, hash(req), now);
                });
        changes.announce(live, KeyChanged.Change.TOPPED_UP);
        return views.of(live);
    }

    /**
     * R10 auto top-up, trigger {@code attempt.sequence()}: funds the key by its auto top-up amount
     * exactly as {@link #topUp} does (amount plus the tier's fee, the fee settled from it, a new
     * pot), as reservation {@code key-{keyId}-a{sequence}}. Repeating an attempt repeats its ledger
     * command ids. Throws {@link ApiProblem} with the ledger's code when it refuses.
     */
    public AutoTopUpState autoTopUp(LiveKey live, AutoTopUpState attempt) {
        requireNotRevoked(live);
        var keyId = live.keyId();
        var amount = UsdCents.toPlatformCredits(live.config().autoTopUp().amountCents());
        var reservationId = autoTopUpReservationId(keyId, attempt.sequence());
        // A funding already on the key means the ledger answered but the row was not written.
        var funding =
                live.fundings().stream()
                        .filter(f -> f.reservationId().equals(reservationId))
                        .findFirst()
                        .orElseGet(() -> fund(live, reservationId, amount, "auto top-up"));
        var now = clock.instant();
        var done = attempt.toppedUp(now);
        var closed =
                tx.execute(
                        status -> {
                            keys.insertReservation(budgetRow(keyId, funding), now);
                            return keys.saveAutoTopUpIf(keyId, attempt, done);
                        });
        if (Boolean.TRUE.equals(closed)) {
            live.autoTopUpState(done);
        }
        // The stored status, not this instance's memory: another instance may have revoked the key
        // while this ran, and revocation may not have seen the new reservation.
        if (loader.reload(keyId).revoked()) {
            releaseFunding(AccountId.partner(live.config().partnerId()), funding);
        }
        announceQuietly(live, KeyChanged.Change.AUTO_TOPPED_UP);
        return live.autoTopUpState();
    }

    /** R10: records what an auto top-up attempt is about to do or did, then shows it. */
    public boolean recordAutoTopUp(LiveKey live, AutoTopUpState state) {
        return recordAutoTopUp(live, live.autoTopUpState(), state);
    }

    /**
     * R10: records {@code next} if the stored state still is {@code expected}, else takes over the
     * stored one (another instance opened or closed the trigger) and answers false.
     */
    public boolean recordAutoTopUp(LiveKey live, AutoTopUpState expected, AutoTopUpState next) {
        if (!keys.saveAutoTopUpIf(live.keyId(), expected, next)) {
            loader.reload(live.keyId());
            return false;
        }
        live.autoTopUpState(next);
        return true;
    }

    /** For writes that must not fail once done (a top-up): the periodic resync covers a miss. */
    private void announceQuietly(LiveKey live, KeyChanged.Change change) {
        try {
            changes.announce(live, change);
        } catch (ApiProblem notAnnounced) {
            // Logged by the publisher.
        }
    }

    public static String autoTopUpReservationId(String keyId, long sequence) {
        return "key-" + keyId + "-a" + sequence;
    }

    /** R11: a new secret; the old one is refused from the next request on. */
    public KeyView regenerate(String partnerId, String keyId, KeyCommand req) {
        var live = ownedByPartner(partnerId, keyId);
        return regenerate(live, req);
    }

    public KeyView regenerateForCustomer(String customerId, String keyId, KeyCommand req) {
        return regenerate(ownedByCustomer(customerId, keyId), req);
    }

    /** R11: final; the key's reservations are released, which refunds what is left of them. */
    public KeyView revoke(String partnerId, String keyId, KeyCommand req) {
        return revoke(ownedByPartner(partnerId, keyId), req);
    }

    public KeyView revokeForCustomer(String customerId, String keyId, KeyCommand req) {
        return revoke(ownedByCustomer(customerId, keyId), req);
    }

    private KeyView regenerate(LiveKey live, KeyCommand req) {
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
                                keys.recordCommand(
                                        scoped(partnerId, commandId),
                                        "REGENERATE",
                                        live.keyId(),
                                        hash(req),
                                        now);
                            });
                    registry.replaceSecret(live, issued);
                    return null;
                });
        changes.announce(live, KeyChanged.Change.REGENERATED);
        statusPublisher.publish(live, KeyStatusChanged.KeyStatus.ACTIVE, "regenerated", null);
        log.info("key {} regenerated, now {}", live.keyId(), issued.displayPrefix());
        return views.of(live).withSecret(issued.secret());
    }

    private KeyView revoke(LiveKey live, KeyCommand req) {
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
        keys.recordCommand(scoped(partnerId, commandId), "REVOKE", live.keyId(), hash(req), now);
        changes.announce(live, KeyChanged.Change.REVOKED);
        statusPublisher.publish(live, KeyStatusChanged.KeyStatus.REVOKED, "revoked", null);
        log.info("key {} revoked", live.keyId());
        return views.of(live);
    }

    private static KeyRepository.StoredReservation budgetRow(
            String keyId, LiveKey.Funding funding) {
        return new KeyRepository.StoredReservation(
                funding.reservationId(), keyId, funding.amount(), funding.fee(), BUDGET, false);
    }

    private void releaseFunding(AccountId holder, LiveKey.Funding funding) {
        callLedger(
                () -> {
                    ledger.release(
                            holder,
                            funding.reservationId(),
                            "release-" + funding.reservationId(),
                            "gateway key revoked");
                    return null;
                });
    }

    /** Reserves {@code budget} plus the tier's platform fee, then settles the fee from it. */
    private LiveKey.Funding fund(LiveKey live, String reservationId, Credits budget, String why) {
        var config = live.config();
        var holder = AccountId.partner(config.partnerId());
        var fee = settings.find(config.partnerId()).tier().platformFeeOn(budget);
        var total = budget.plus(fee);
        callLedger(
                () -> {
                    ledger.reserve(
                            holder,
                            reservationId + "-reserve",
                            reservationId,
                            total,
                            "gateway key " + config.keyId() + " " + why);
                    if (fee.isPositive()) {
                        ledger.settle(
                                holder,
                                reservationId,
                                reservationId + "-fee",
                                fee,
                                reservationId + "-platform-fee");
                    }
                    return null;
                });
        var pot = budgetPot(live, reservationId, total, projection, instances);
        var funding = new LiveKey.Funding(reservationId, total, fee, BUDGET);
        var added = live.addFunding(funding, pot);
        if (added && fee.isPositive() && projection.settledFrom(reservationId).isLessThan(fee)) {
            unbilled.chargedOutsideRequest(reservationId + "-platform-fee", pot, fee);
        }
        return funding;
    }

    static Pot budgetPot(
            LiveKey live,
            String reservationId,
            Credits total,
            LedgerProjection projection,
            int instances) {
        return new Pot(
                reservationId,
                () ->
                        live.revoked()
                                ? Credits.ZERO
                                : total.minus(projection.settledFrom(reservationId)),
                instances);
    }

    private <T> T callLedger(Supplier<T> call) {
        try {
            return call.get();
        } catch (LedgerRefusal refusal) {
            if (refusal.status() >= 500) {
                throw new ApiProblem(503, "LEDGER_UNAVAILABLE", "the ledger failed; retry later");
            }
            throw new ApiProblem(refusal.status(), refusal.code(), refusal.getMessage());
        } catch (LedgerUnavailable unavailable) {
            throw new ApiProblem(
                    503,
                    "LEDGER_UNAVAILABLE",
                    "the ledger could not be reached; retry with the same commandId");
        }
    }

    private KeyView replayed(String partnerId, String commandId, String action, Object req) {
        return keys.command(scoped(partnerId, commandId))
                .map(
                        command -> {
                            if (!command.action().equals(action)
                                    || !java.util.Arrays.equals(
                                            command.payloadSha256(), hash(req))) {
                                throw ApiProblem.conflict(
                                        "EXISTS_WITH_DIFFERENT_PAYLOAD",
                                        "commandId " + commandId + " was used for another request");
                            }
                            var live = loader.reload(command.keyId());
                            if (live == null) {
                                throw ApiProblem.conflict(
                                        "COMMAND_IN_PROGRESS",
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

    private String customerOf(String partnerId, CreatePartnerKey req) {
        var customerId = KeyValidation.id(req.customerBilling().customerId(), "customerId");
        var customer =
                projection
                        .customer(customerId)
                        .filter(c -> partnerId.equals(c.partnerId()))
                        .orElseThrow(
                                () ->
                                        ApiProblem.notFound(
                                                "CUSTOMER_NOT_FOUND",
                                                "partner "
                                                        + partnerId
                                                        + " has no customer "
                                                        + customerId));
        return customerId;
    }

    static CustomerBilling billingOf(KeyRequests.CustomerBillingTerms terms) {
        if (terms == null) {
            return null;
        }
        return new CustomerBilling(
                terms.profitMultiplierPercent() == null
                        ? 100
                        : KeyValidation.notNegative(
                                terms.profitMultiplierPercent(), "profitMultiplierPercent"),
                KeyValidation.aiCreditPrice(terms.aiCreditPriceCents()),
                Credits.ofMicros(
                        KeyValidation.notNegative(
                                terms.minCostFloorPerMillionTokensUcr(),
                                "minCostFloorPerMillionTokensUcr")));
    }

    private static KeyConfig.AutoTopUp autoTopUpOf(KeyRequests.AutoTopUpTerms terms) {
        if (terms == null) {
            return null;
        }
        return new KeyConfig.AutoTopUp(
                KeyValidation.notNegative(terms.thresholdUsdCents(), "thresholdUsdCents"),
                KeyValidation.positive(terms.amountUsdCents(), "amountUsdCents").ucr());
    }

    private LiveKey ownedByPartner(String partnerId, String keyId) {
        var live = stored(keyId);
        if (live == null || !live.config().partnerId().equals(partnerId)) {
            throw ApiProblem.notFound(
                    "KEY_NOT_FOUND", "partner " + partnerId + " has no key " + keyId);
        }
        return live;
    }

    private LiveKey ownedByCustomer(String customerId, String keyId) {
        var live = stored(keyId);
        if (live == null
                || !customerId.equals(live.config().customerId())
                || !live.config().isSelfService()) {
            throw ApiProblem.notFound(
                    "KEY_NOT_FOUND", "customer " + customerId + " has no key " + keyId);
        }
        return live;
    }

    /** The key as stored now: another instance may have changed it since this one last heard. */
    private LiveKey stored(String keyId) {
        return io.ledgerline.contracts.ledger.Ids.isSafe(keyId)
                ? loader.reload(keyId)
                : registry.byId(keyId);
    }

    private static void requireNotRevoked(LiveKey live) {
        if (live.revoked()) {
            throw ApiProblem.conflict("KEY_REVOKED", "key " + live.keyId() + " is revoked");
        }
    }

    static String keyIdFor(String scope, String commandId) {
        return "k" + shortHash(scope + "/" + commandId);
    }

    private static String shortHash(String value) {
        return HexFormat.of().formatHex(KeySecrets.sha256(value)).substring(0, 20);
    }

    private static String scoped(String partnerId, String commandId) {
        return partnerId + "/" + commandId;
    }

    private static byte[] hash(Object req) {
        return KeySecrets.sha256(new String(ContractJson.toBytes(req), StandardCharsets.UTF_8));
    }
}
