package io.ledgerline.gateway.customerkey;

import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyKind;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.GatewayRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;
import io.ledgerline.gateway.budget.Wallets;
import io.ledgerline.gateway.ledger.LedgerClient;
import io.ledgerline.gateway.lifecycle.KeyLifecycle;
import io.ledgerline.gateway.livekey.KeyConfig;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.livekey.KeyRepository;
import io.ledgerline.gateway.livekey.KeySecrets;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.management.KeyCommand;
import io.ledgerline.gateway.management.KeyValidation;
import io.ledgerline.gateway.management.KeyView;
import io.ledgerline.gateway.projection.LedgerProjection;
import io.ledgerline.gateway.settings.SettingsRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A customer's own keys (R8, R12), created when the partner's settings allow it, each funded by a
 * partner deposit (R9) and spending the customer's AI credits. Blocking: call off the event loop.
 */
@Service
class CustomerKeys {

    private static final Logger log = LoggerFactory.getLogger(CustomerKeys.class);

    private final KeyLifecycle lifecycle;
    private final KeyRepository keys;
    private final KeyRegistry registry;
    private final SettingsRepository settings;
    private final LedgerProjection projection;
    private final LedgerClient ledger;
    private final Wallets wallets;
    private final ModelCatalogue catalogue;
    private final TransactionTemplate tx;
    private final Clock clock;

    CustomerKeys(
            KeyLifecycle lifecycle,
            KeyRepository keys,
            KeyRegistry registry,
            SettingsRepository settings,
            LedgerProjection projection,
            LedgerClient ledger,
            Wallets wallets,
            ModelCatalogue catalogue,
            TransactionTemplate tx,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.keys = keys;
        this.registry = registry;
        this.settings = settings;
        this.projection = projection;
        this.ledger = ledger;
        this.wallets = wallets;
        this.catalogue = catalogue;
        this.tx = tx;
        this.clock = clock;
    }

    /** R8, R12: a customer self-service key, funded by its partner's key deposit (R9). */
    KeyView create(String customerId, CreateCustomerKey req) {
        KeyValidation.id(customerId, "customerId");
        var commandId = KeyValidation.id(req.commandId(), "commandId");
        var customer =
                projection
                        .customer(customerId)
                        .filter(c -> c.partnerId() != null)
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                GatewayRefusal.CUSTOMER_NOT_FOUND,
                                                "no customer account "
                                                        + customerId
                                                        + " is known to the gateway"));
        var partnerId = customer.partnerId();
        var replay = lifecycle.replayed(partnerId, commandId, "CREATE_SELF_SERVICE", req);
        if (replay != null) {
            return replay;
        }
        var partnerSettings = settings.find(partnerId);
        if (!customer.aiCreditsEnabled()) {
            throw new Refused(
                    Rejection.AI_CREDITS_DISABLED,
                    "AI Gateway keys need AI credits enabled for this customer");
        }
        if (!partnerSettings.selfServiceAppliesTo(customer.openedAt())) {
            throw new Refused(
                    GatewayRefusal.SELF_SERVICE_DISABLED,
                    "the partner has not enabled customer self-service API keys for this customer");
        }
        var now = clock.instant();
        var keyId = KeyLifecycle.keyIdFor(partnerId, commandId);
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
                        List.of(),
                        Credits.ZERO,
                        billing,
                        null,
                        KeyConfig.RateLimits.NONE,
                        null,
                        now);
        lifecycle.callLedger(
                () -> {
                    ledger.reserveKeyDeposit(
                            new ReserveKeyDeposit(
                                    "key-" + keyId + "-deposit",
                                    AccountId.partner(partnerId),
                                    keyId));
                    return null;
                });
        var live = new LiveKey(config, issued.sha256(), wallets.of(customerId), null, Credits.ZERO);
        var deposit =
                new LiveKey.Funding(
                        ReserveKeyDeposit.reservationIdFor(keyId),
                        ReserveKeyDeposit.KEY_DEPOSIT,
                        Credits.ZERO,
                        LiveKey.Funding.DEPOSIT);
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
                                    LiveKey.Funding.DEPOSIT,
                                    false),
                            now);
                    lifecycle.recordCommand(
                            partnerId, commandId, "CREATE_SELF_SERVICE", keyId, req, now);
                });
        var view = lifecycle.created(live, issued);
        log.info(
                "self-service key {} ({}) created for customer {}",
                keyId,
                issued.displayPrefix(),
                customerId);
        return view;
    }

    List<KeyView> list(String customerId) {
        KeyValidation.id(customerId, "customerId");
        return registry.all().stream()
                .filter(key -> key.config().isSelfService())
                .filter(key -> customerId.equals(key.config().customerId()))
                .sorted(
                        Comparator.comparing((LiveKey key) -> key.config().createdAt())
                                .thenComparing(LiveKey::keyId))
                .map(lifecycle::view)
                .toList();
    }

    /**
     * What the customer's AI Gateway page needs (R5, R8): whether AI credits are enabled, the
     * balance, the zero-credit warning, and whether the partner lets this customer create keys.
     */
    Map<String, Object> status(String customerId) {
        var customer =
                projection
                        .customer(KeyValidation.id(customerId, "customerId"))
                        .filter(c -> c.partnerId() != null)
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                GatewayRefusal.CUSTOMER_NOT_FOUND,
                                                "no customer account " + customerId));
        var balance = projection.customerAiBalance(customerId);
        var partnerSettings = settings.find(customer.partnerId());
        return Map.of(
                "customerId",
                customerId,
                "partnerId",
                customer.partnerId(),
                "aiCreditsEnabled",
                customer.aiCreditsEnabled(),
                "aiBalanceUcr",
                balance,
                "zeroBalance",
                !balance.isPositive(),
                "selfServiceAvailable",
                customer.aiCreditsEnabled()
                        && partnerSettings.selfServiceAppliesTo(customer.openedAt()));
    }

    KeyView regenerate(String customerId, String keyId, KeyCommand req) {
        return lifecycle.regenerate(ownedBy(customerId, keyId), req);
    }

    KeyView revoke(String customerId, String keyId, KeyCommand req) {
        return lifecycle.revoke(ownedBy(customerId, keyId), req);
    }

    private LiveKey ownedBy(String customerId, String keyId) {
        KeyValidation.id(customerId, "customerId");
        KeyValidation.id(keyId, "keyId");
        var live = lifecycle.stored(keyId);
        if (live == null
                || !customerId.equals(live.config().customerId())
                || !live.config().isSelfService()) {
            throw new Refused(
                    GatewayRefusal.KEY_NOT_FOUND,
                    "customer " + customerId + " has no key " + keyId);
        }
        return live;
    }
}
