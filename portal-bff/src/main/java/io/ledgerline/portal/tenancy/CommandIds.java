package io.ledgerline.portal.tenancy;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.PortalUser;

import java.util.regex.Pattern;

/**
 * The SPA picks a command id per form submission, so a double click is one command. The portal
 * prefixes it with the signed-in tenant before it reaches the ledger, so one tenant's ids can never
 * replay or collide with another tenant's commands.
 */
public final class CommandIds {

    static final String FIELD = "commandId";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private CommandIds() {}

    /** The prefixed id, which must itself keep the ledger's and gateway's id rule. */
    public static String scoped(PortalUser user, String clientCommandId) {
        RequestFields.required(FIELD, clientCommandId);
        var scoped = "portal-" + user.accountId().replace(':', '-') + "-" + clientCommandId;
        if (!CLIENT_ID.matcher(clientCommandId).matches() || !Ids.isSafe(scoped)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    FIELD,
                    "commandId must be 8-"
                            + (Ids.MAX_ID_LENGTH - scoped.length() + clientCommandId.length())
                            + " of A-Z a-z 0-9 _ -");
        }
        return scoped;
    }
}
