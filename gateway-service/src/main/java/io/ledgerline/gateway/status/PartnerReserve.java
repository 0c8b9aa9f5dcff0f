package io.ledgerline.gateway.status;

import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.gateway.livekey.KeyConfig;
import io.ledgerline.gateway.projection.LedgerProjection;

import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * R9, decided here and nowhere else: while a partner's available credits are below the deposit of
 * one customer-created key, the partner's self-service keys are suspended. Admission refuses them,
 * the keys table shows them suspended, and {@link PartnerReserveWatcher} announces the change.
 */
@Component
public class PartnerReserve {

    /** The minimum reserve is the figure the ledger reserves for each customer-created key. */
    static final Credits MINIMUM = ReserveKeyDeposit.KEY_DEPOSIT;

    /** {@link #MINIMUM} as the messages spell it: "1,000". */
    public static final String MINIMUM_CREDITS_TEXT =
            String.format(Locale.ROOT, "%,d", MINIMUM.ucr() / Credits.UCR_PER_CREDIT);

    private final LedgerProjection projection;

    public PartnerReserve(LedgerProjection projection) {
        this.projection = projection;
    }

    /** Whether {@code key} is a self-service key whose partner's reserve is too low. */
    public boolean suspends(KeyConfig key) {
        return key.isSelfService() && tooLow(projection.partnerAvailable(key.partnerId()));
    }

    static boolean tooLow(Credits partnerAvailable) {
        return partnerAvailable.isLessThan(MINIMUM);
    }
}
