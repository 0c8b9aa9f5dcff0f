package io.ledgerline.portal.downstream;

import io.ledgerline.contracts.money.Credits;

import java.time.Instant;
import java.util.List;

/** The parts of the gateway's key API (gateway-service {@code key/}) the portal reads. */
public final class GatewayViews {

    private GatewayViews() {}

    /** A key; {@code secret} is present only in the answer that created it. */
    public record GatewayKey(
            String keyId,
            String kind,
            String customerId,
            String name,
            String prefix,
            String status,
            List<String> allowedModels,
            Credits spentUcr,
            Instant createdAt,
            Instant lastUsedAt,
            String secret) {}

    /**
     * The partner's Customer Self-Service API Keys settings (R12). Whether they cover one
     * particular customer the gateway decides when a key is created (SELF_SERVICE_DISABLED).
     */
    public record PartnerGatewaySettings(String partnerId, boolean selfServiceEnabled) {}

    public record Model(String model, String tier) {}
}
