package io.ledgerline.notification.alert;

/** What an alert is about; the same names travel in webhooks, the feed and the recipients API. */
public enum AlertKind {
    LOW_CREDIT("Low AI-credit balance"),
    ZERO_BALANCE("Balance at zero"),
    RESERVE_WARNING("Platform credits approaching the self-service reserve"),
    RESERVE_BREACHED("Platform credits below the self-service reserve"),
    KEY_SUSPENDED("Self-service key suspended"),
    KEY_RESUMED("Self-service key resumed"),
    RUN_OUT_FORECAST("Credits forecast to run out soon"),
    AUTO_TOP_UP_STOPPED("Auto top-up stopped");

    private final String title;

    AlertKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The name or empty: for input that must be refused with a code, not an exception. */
    public static java.util.Optional<AlertKind> parse(String name) {
        for (var kind : values()) {
            if (kind.name().equals(name)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
