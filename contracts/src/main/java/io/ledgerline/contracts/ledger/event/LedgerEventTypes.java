package io.ledgerline.contracts.ledger.event;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of ledger event types: the name that travels in the {@code ce_type}-style Kafka
 * header, the schema version, and the JSON schema on the classpath.
 */
public final class LedgerEventTypes {

    public static final int SCHEMA_VERSION = 1;

    public static final List<Class<? extends LedgerEvent>> ALL =
            List.of(
                    AccountOpened.class,
                    AiCreditsConfigured.class,
                    CreditsAdded.class,
                    CreditsDeducted.class,
                    UsageMetered.class,
                    CreditsReserved.class,
                    ReservationSettled.class,
                    ReservationReleased.class,
                    KeyDepositReserved.class);

    private static final Map<String, Class<? extends LedgerEvent>> BY_NAME =
            ALL.stream()
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    Class::getSimpleName, Function.identity()));

    private LedgerEventTypes() {}

    public static String nameOf(LedgerEvent event) {
        return event.getClass().getSimpleName();
    }

    public static Class<? extends LedgerEvent> byName(String name) {
        var type = BY_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown ledger event type: " + name);
        }
        return type;
    }

    public static String schemaPath(Class<?> type) {
        return "/schemas/ledger/" + type.getSimpleName() + ".v" + SCHEMA_VERSION + ".json";
    }
}
