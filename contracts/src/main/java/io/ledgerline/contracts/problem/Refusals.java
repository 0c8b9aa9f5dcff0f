package io.ledgerline.contracts.problem;

import io.ledgerline.contracts.ledger.Rejection;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every refusal code of every Ledgerline API, each in exactly one enum. */
public final class Refusals {

    private static final List<RefusalCode> ALL =
            Stream.<RefusalCode[]>of(
                            CommonRefusal.values(),
                            Rejection.values(),
                            LedgerApiRefusal.values(),
                            GatewayRefusal.values(),
                            BillingRefusal.values(),
                            PortalRefusal.values(),
                            NotificationRefusal.values())
                    .flatMap(Stream::of)
                    .toList();

    private Refusals() {}

    public static List<RefusalCode> all() {
        return ALL;
    }

    public static Optional<RefusalCode> byName(String code) {
        return ALL.stream().filter(c -> c.name().equals(code)).findFirst();
    }
}
