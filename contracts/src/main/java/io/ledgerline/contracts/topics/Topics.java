package io.ledgerline.contracts.topics;

import io.ledgerline.contracts.billing.AutoTopUpStopped;
import io.ledgerline.contracts.gateway.KeyChanged;
import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.usage.UsageRecorded;

import java.util.List;

/** Every topic Ledgerline uses, in one place: name, key, value type, version and partitions. */
public final class Topics {

    /** Headers that travel with every record: the value's type name and its schema version. */
    public static final String TYPE_HEADER = "ll-type";

    public static final String SCHEMA_VERSION_HEADER = "ll-schema-version";
    public static final String EVENT_ID_HEADER = "ll-event-id";

    public static final Topic<LedgerEvent> LEDGER_EVENTS =
            new Topic<>(
                    "ledger.events.v1",
                    "account id (partner:<id> / customer:<id>)",
                    LedgerEvent.class,
                    1,
                    6);
    public static final Topic<UsageRecorded> USAGE =
            new Topic<>("usage.v1", "customer id, else key id", UsageRecorded.class, 1, 6);
    public static final Topic<KeyStatusChanged> GATEWAY_KEYS =
            new Topic<>("gateway.keys.v1", "key id", KeyStatusChanged.class, 1, 3);

    /** Internal to the gateway: tells every gateway instance to reload a key from its database. */
    public static final Topic<KeyChanged> GATEWAY_KEY_CHANGES =
            new Topic<>("gateway.key-changes.v1", "key id", KeyChanged.class, 1, 3);

    /** Billing tells a customer's owner that its auto top-up stopped after a refused payment. */
    public static final Topic<AutoTopUpStopped> BILLING_AUTO_TOP_UP =
            new Topic<>("billing.auto-top-up.v1", "customer id", AutoTopUpStopped.class, 1, 3);

    public static final List<Topic<?>> ALL =
            List.of(LEDGER_EVENTS, USAGE, GATEWAY_KEYS, GATEWAY_KEY_CHANGES, BILLING_AUTO_TOP_UP);

    private Topics() {}
}
