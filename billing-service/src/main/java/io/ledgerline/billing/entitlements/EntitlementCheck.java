package io.ledgerline.billing.entitlements;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/** "May this workspace use {@code quantity} more of {@code resource}?", from an agent runtime. */
record EntitlementCheck(Resource resource, Long quantity, Environment environment) {

    static final long MAX_QUANTITY = 1_000_000;

    EntitlementCheck validated() {
        if (resource == null) {
            throw Refused.field(
                    CommonRefusal.FIELD_REQUIRED,
                    "resource",
                    "resource must be VOICE_CALL, CHAT_MESSAGE, WHATSAPP_MESSAGE, TEST_RUN, AGENT"
                            + " or SEAT");
        }
        long asked = quantity == null ? 1 : quantity;
        if (asked < 1 || asked > MAX_QUANTITY) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "quantity",
                    "quantity must be between 1 and " + MAX_QUANTITY);
        }
        return new EntitlementCheck(resource, asked, Environment.orProduction(environment));
    }
}
