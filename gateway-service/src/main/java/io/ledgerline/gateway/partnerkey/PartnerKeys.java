package io.ledgerline.gateway.partnerkey;

import io.ledgerline.contracts.gateway.KeyChanged;
import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyKind;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.ExactCredits;
import io.ledgerline.contracts.problem.GatewayRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.ModelPrice;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;
import io.ledgerline.gateway.lifecycle.KeyLifecycle;
import io.ledgerline.gateway.livekey.KeyConfig;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.livekey.KeyRepository;
import io.ledgerline.gateway.livekey.KeySecrets;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.management.KeyCommand;
import io.ledgerline.gateway.management.KeyValidation;
import io.ledgerline.gateway.management.KeyView;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.AutoTopUpTerms;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.BillingPreview;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.BudgetPreview;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.CreatePartnerKey;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.CustomerBillingTerms;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.TopUp;
import io.ledgerline.gateway.projection.LedgerProjection;
import io.ledgerline.gateway.settings.SettingsRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A partner's own keys (R10, R11): created with a budget reserved in the ledger as {@code
 * key-{keyId}}, topped up, listed; regenerate and revoke are the {@link KeyLifecycle}'s. Blocking:
 * call off the event loop.
 */
@Service
class PartnerKeys {

    private static final Logger log = LoggerFactory.getLogger(PartnerKeys.class);

    private final KeyLifecycle lifecycle;
    private final KeyRepository keys;
    private final KeyRegistry registry;
    private final SettingsRepository settings;
    private final LedgerProjection projection;
    private final ModelCatalogue catalogue;
    private final TransactionTemplate tx;
    private final Clock clock;

    PartnerKeys(
            KeyLifecycle lifecycle,
            KeyRepository keys,
            KeyRegistry registry,
            SettingsRepository settings,
            LedgerProjection projection,
            ModelCatalogue catalogue,
            TransactionTemplate tx,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.keys = keys;
        this.registry = registry;
        this.settings = settings;
        this.projection = projection;
        this.catalogue = catalogue;
        this.tx = tx;
        this.clock = clock;
    }

    /** R10: a partner key with a budget reserved in the ledger as {@code key-{keyId}}. */
    KeyView create(String partnerId, CreatePartnerKey req) {
        KeyValidation.id(partnerId, "partnerId");
        var commandId = KeyValidation.id(req.commandId(), "commandId");
        var replay = lifecycle.replayed(partnerId, commandId, "CREATE", req);
        if (replay != null) {
            return replay;
        }
        var tier = settings.find(partnerId).tier();
        var budget = KeyValidation.positive(req.budgetUcr(), "budgetUcr");
        var now = clock.instant();
        var keyId = KeyLifecycle.keyIdFor(partnerId, commandId);
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
                        billingOf(req.customerBilling(), "customerBilling."),
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
        var funding = lifecycle.fund(live, reservationId, budget, "create");
        try {
            tx.executeWithoutResult(
                    status -> {
                        keys.insert(config, issued.sha256());
                        keys.insertReservation(KeyLifecycle.budgetRow(keyId, funding), now);
                        lifecycle.recordCommand(partnerId, commandId, "CREATE", keyId, req, now);
                    });
        } catch (DuplicateKeyException concurrentTwin) {
            // The same command ran concurrently and won; answer as its replay.
            return lifecycle.replayed(partnerId, commandId, "CREATE", req);
        }
        var view = lifecycle.created(live, issued);
        log.info(
                "partner key {} ({}) created for partner {}",
                keyId,
                issued.displayPrefix(),
                partnerId);
        return view;
    }

    /** R11: adds budget to a partner key as a new reservation. */
    KeyView topUp(String partnerId, String keyId, TopUp req) {
        var live = ownedBy(partnerId, keyId);
        var commandId = KeyValidation.id(req.commandId(), "commandId");
        var replay = lifecycle.replayed(partnerId, commandId, "TOP_UP", req);
        if (replay != null) {
            return replay;
        }
        if (live.config().isSelfService()) {
            throw new Refused(
                    GatewayRefusal.NOT_A_PARTNER_KEY,
                    "self-service keys are paid from the customer's AI credits, not topped up");
        }
        KeyLifecycle.requireNotRevoked(live);
        var amount = KeyValidation.positive(req.amountUcr(), "amountUcr");
        var reservationId = "key-" + keyId + "-t" + KeyLifecycle.shortHash(commandId);
        var funding = lifecycle.fund(live, reservationId, amount, "top-up " + commandId);
        var now = clock.instant();
        tx.executeWithoutResult(
                status -> {
                    keys.insertReservation(KeyLifecycle.budgetRow(keyId, funding), now);
                    lifecycle.recordCommand(partnerId, commandId, "TOP_UP", keyId, req, now);
                });
        lifecycle.announce(live, KeyChanged.Change.TOPPED_UP);
        return lifecycle.view(live);
    }

    /** R11: a new secret; the old one is refused from the next request on. */
    KeyView regenerate(String partnerId, String keyId, KeyCommand req) {
        var live = ownedBy(partnerId, keyId);
        return lifecycle.regenerate(live, req);
    }

    /** R11: final; the key's reservations are released, which refunds what is left of them. */
    KeyView revoke(String partnerId, String keyId, KeyCommand req) {
        return lifecycle.revoke(ownedBy(partnerId, keyId), req);
    }

    /** R11: the keys table, oldest first. */
    List<KeyView> list(String partnerId, boolean includeRevoked) {
        KeyValidation.id(partnerId, "partnerId");
        return registry.all().stream()
                .filter(key -> key.config().partnerId().equals(partnerId))
                .filter(key -> includeRevoked || !key.revoked())
                .sorted(
                        Comparator.comparing((LiveKey key) -> key.config().createdAt())
                                .thenComparing(LiveKey::keyId))
                .map(lifecycle::view)
                .toList();
    }

    KeyView get(String partnerId, String keyId) {
        KeyValidation.id(partnerId, "partnerId");
        KeyValidation.id(keyId, "keyId");
        var live = registry.byId(keyId);
        if (live == null || !live.config().partnerId().equals(partnerId)) {
            throw new Refused(
                    GatewayRefusal.KEY_NOT_FOUND, "partner " + partnerId + " has no key " + keyId);
        }
        return lifecycle.view(live);
    }

    /** R10: the total a budget takes from the partner (budget + tier fee), before creation. */
    Map<String, Object> budgetPreview(String partnerId, BudgetPreview body) {
        var tier = settings.find(KeyValidation.id(partnerId, "partnerId")).tier();
        var budget = KeyValidation.positive(body.budgetUcr(), "budgetUcr");
        return Map.of(
                "tier",
                tier.name(),
                "budgetUcr",
                budget,
                "platformFeePercent",
                tier.platformFeePercent(),
                "platformFeeUcr",
                tier.platformFeeOn(budget),
                "totalUcr",
                tier.totalRequiredFor(budget));
    }

    /** R10: what given usage would cost the platform and the assigned customer. */
    Map<String, Object> billingPreview(BillingPreview body) {
        ModelPrice price =
                catalogue
                        .find(body.model())
                        .orElseThrow(() -> KeyValidation.unknownModel(body.model(), "model"));
        long in = KeyValidation.notNegative(body.tokensIn(), "tokensIn");
        long out = KeyValidation.notNegative(body.tokensOut(), "tokensOut");
        var billing =
                billingOf(
                        new CustomerBillingTerms(
                                null,
                                body.profitMultiplierPercent(),
                                body.aiCreditPriceCents(),
                                body.minCostFloorPerMillionTokensUcr()),
                        "");
        Credits platformCost = Rating.platformCost(price, in, out);
        Credits customerCharge = Rating.customerCharge(price, in, out, billing);
        return Map.of(
                "model",
                price.model(),
                "platformCostUcr",
                platformCost,
                "customerChargeAiUcr",
                customerCharge,
                "customerChargePlatformEquivalentUcr",
                ExactCredits.of(customerCharge)
                        .times(billing.aiCreditPriceUcr().ucr(), Credits.UCR_PER_CREDIT)
                        .roundUp());
    }

    /** R10: the models this partner's tier may put on keys. */
    List<ModelPrice> models(String partnerId) {
        return catalogue.availableTo(
                settings.find(KeyValidation.id(partnerId, "partnerId")).tier());
    }

    private String customerOf(String partnerId, CreatePartnerKey req) {
        var customerId =
                KeyValidation.id(req.customerBilling().customerId(), "customerBilling.customerId");
        projection
                .customer(customerId)
                .filter(c -> partnerId.equals(c.partnerId()))
                .orElseThrow(
                        () ->
                                Refused.field(
                                        GatewayRefusal.CUSTOMER_NOT_FOUND,
                                        "customerBilling.customerId",
                                        "partner " + partnerId + " has no customer " + customerId));
        return customerId;
    }

    /** {@code prefix} is where the terms are in the body, for the problem's {@code field}. */
    private static CustomerBilling billingOf(CustomerBillingTerms terms, String prefix) {
        if (terms == null) {
            return null;
        }
        return new CustomerBilling(
                terms.profitMultiplierPercent() == null
                        ? 100
                        : KeyValidation.notNegative(
                                terms.profitMultiplierPercent(),
                                prefix + "profitMultiplierPercent"),
                KeyValidation.aiCreditPrice(
                        terms.aiCreditPriceCents(), prefix + "aiCreditPriceCents"),
                Credits.ofMicros(
                        KeyValidation.notNegative(
                                terms.minCostFloorPerMillionTokensUcr(),
                                prefix + "minCostFloorPerMillionTokensUcr")));
    }

    private static KeyConfig.AutoTopUp autoTopUpOf(AutoTopUpTerms terms) {
        if (terms == null) {
            return null;
        }
        return new KeyConfig.AutoTopUp(
                KeyValidation.usdCents(terms.thresholdUsdCents(), "autoTopUp.thresholdUsdCents"),
                KeyValidation.usdCents(
                        KeyValidation.positive(terms.amountUsdCents(), "autoTopUp.amountUsdCents")
                                .ucr(),
                        "autoTopUp.amountUsdCents"));
    }

    private LiveKey ownedBy(String partnerId, String keyId) {
        KeyValidation.id(partnerId, "partnerId");
        KeyValidation.id(keyId, "keyId");
        var live = lifecycle.stored(keyId);
        if (live == null || !live.config().partnerId().equals(partnerId)) {
            throw new Refused(
                    GatewayRefusal.KEY_NOT_FOUND, "partner " + partnerId + " has no key " + keyId);
        }
        return live;
    }
}
