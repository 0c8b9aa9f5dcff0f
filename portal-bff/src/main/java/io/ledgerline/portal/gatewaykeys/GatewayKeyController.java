package io.ledgerline.portal.gatewaykeys;

import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.GatewayRefusal;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.GatewayClient;
import io.ledgerline.portal.downstream.GatewayViews.GatewayKey;
import io.ledgerline.portal.downstream.GatewayViews.Model;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.AiGatewayAccess;
import io.ledgerline.portal.tenancy.CommandIds;
import io.ledgerline.portal.tenancy.TenantGuard;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/**
 * R8: a customer's own AI Gateway keys. Creating asks only for a name and allowed models (no
 * budget: the key spends the customer's AI credits); the secret is in the create answer only.
 */
@RestController
@RequestMapping("/api/portal/gateway")
class GatewayKeyController {

    static final int MAX_MODELS = 50;

    /** As the gateway allows, so the portal refuses what it would. */
    static final int MAX_NAME_CHARS = 100;

    static final int MAX_MODEL_CHARS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    record CreateKey(String commandId, String name, List<String> allowedModels) {}

    record KeyCommand(String commandId) {}

    /** What the audit log keeps of a key: never its secret. */
    record KeyRecord(
            String commandId,
            String keyId,
            String name,
            String prefix,
            List<String> allowedModels,
            String status) {

        static KeyRecord of(String commandId, GatewayKey key) {
            return new KeyRecord(
                    commandId,
                    key.keyId(),
                    key.name(),
                    key.prefix(),
                    key.allowedModels(),
                    key.status());
        }
    }

    private final Audited audited;
    private final Permissions permissions;
    private final TenantGuard guard;
    private final AiGatewayAccess access;
    private final GatewayClient gateway;

    GatewayKeyController(
            TenantGuard guard,
            AiGatewayAccess access,
            GatewayClient gateway,
            Audited audited,
            Permissions permissions) {
        this.permissions = permissions;
        this.audited = audited;
        this.guard = guard;
        this.access = access;
        this.gateway = gateway;
    }

    @GetMapping("/keys")
    List<GatewayKey> keys(PortalUser user) {
        requireGateway(user);
        return gateway.customerKeys(user.holderId()).stream().map(k -> withoutSecret(k)).toList();
    }

    @GetMapping("/models")
    List<Model> models(PortalUser user) {
        requireGateway(user);
        return gateway.models(user.partnerId());
    }

    @PostMapping(path = "/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    GatewayKey create(PortalUser user, @RequestBody CreateKey body) {
        requireGateway(user);
        var models = body.allowedModels();
        if (models == null
                || models.isEmpty()
                || models.size() > MAX_MODELS
                || models.stream().anyMatch(GatewayKeyController::notAModel)) {
            throw Refused.field(
                    GatewayRefusal.INVALID_MODELS,
                    "allowedModels",
                    "choose 1-" + MAX_MODELS + " models");
        }
        var name = RequestFields.text("name", body.name(), MAX_NAME_CHARS);
        var commandId = CommandIds.scoped(user, body.commandId());
        return audited.call(
                AuditEntry.by(
                        user,
                        AuditAction.GATEWAY_KEY_CREATED,
                        null,
                        null,
                        new KeyRecord(commandId, null, name, null, models, null)),
                () -> gateway.createCustomerKey(user.holderId(), commandId, name, models),
                key -> KeyRecord.of(commandId, key));
    }

    @PostMapping(path = "/keys/{keyId}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    GatewayKey revoke(PortalUser user, @PathVariable String keyId, @RequestBody KeyCommand body) {
        requireGateway(user);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw Refused.field(CommonRefusal.INVALID_ID, "keyId", "not a key id");
        }
        var commandId = CommandIds.scoped(user, body.commandId());
        // The gateway revokes only a key of this customer; checking its own list first as well
        // means no write naming another tenant's key ever leaves the portal.
        if (gateway.customerKeys(user.holderId()).stream()
                .noneMatch(key -> key.keyId().equals(keyId))) {
            throw Refused.field(GatewayRefusal.KEY_NOT_FOUND, "keyId", "no such key of yours");
        }
        return audited.call(
                AuditEntry.by(user, AuditAction.GATEWAY_KEY_REVOKED, keyId, null, null),
                () -> withoutSecret(gateway.revokeCustomerKey(user.holderId(), keyId, commandId)),
                key -> KeyRecord.of(commandId, key));
    }

    private static boolean notAModel(String model) {
        return model == null
                || model.isBlank()
                || Texts.problem(model, MAX_MODEL_CHARS).isPresent();
    }

    private void requireGateway(PortalUser user) {
        if (!user.isCustomer()) {
            throw new Refused(PortalRefusal.CUSTOMER_ONLY, "AI Gateway keys are a customer's own");
        }
        permissions.require(user, Permission.SETTINGS);
        access.require(guard.readable(user, user.accountId()));
    }

    private static GatewayKey withoutSecret(GatewayKey key) {
        return new GatewayKey(
                key.keyId(),
                key.kind(),
                key.customerId(),
                key.name(),
                key.prefix(),
                key.status(),
                key.allowedModels(),
                key.spentUcr(),
                key.createdAt(),
                key.lastUsedAt(),
                null);
    }
}
