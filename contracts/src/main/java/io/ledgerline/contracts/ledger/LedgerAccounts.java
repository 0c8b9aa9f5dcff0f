package io.ledgerline.contracts.ledger;

/**
 * The names of double-entry ledger accounts. Holder accounts ({@code partner/…}, {@code
 * customer/…}) are protected by their holder's aggregate; system accounts ({@code platform/…}, a
 * partner's AI-issuance and AI-revenue) only ever take the other leg and never refuse.
 */
public final class LedgerAccounts {

    public static final String PLATFORM_ISSUANCE = "platform/issuance";
    public static final String PLATFORM_USAGE_REVENUE = "platform/usage-revenue";

    private LedgerAccounts() {}

    public static String partnerAvailable(String partnerId) {
        return "partner/" + partnerId + "/available";
    }

    public static String partnerAiIssuance(String partnerId) {
        return "partner/" + partnerId + "/ai-issuance";
    }

    public static String partnerAiRevenue(String partnerId) {
        return "partner/" + partnerId + "/ai-revenue";
    }

    public static String customerAi(String customerId) {
        return "customer/" + customerId + "/ai";
    }

    /** The account a holder's reservation sits in until it is settled or released. */
    public static String reservation(AccountId holder, String reservationId) {
        return holder.kind().prefix() + "/" + holder.holderId() + "/reserve/" + reservationId;
    }

    /**
     * The holder's spendable account: a partner's available platform credits or a customer's AI
     * credits.
     */
    public static String spendable(AccountId holder) {
        return switch (holder.kind()) {
            case PARTNER -> partnerAvailable(holder.holderId());
            case CUSTOMER -> customerAi(holder.holderId());
        };
    }

    public static boolean isReservation(String account) {
        return account.contains("/reserve/");
    }
}
