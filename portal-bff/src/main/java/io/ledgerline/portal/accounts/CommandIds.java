package io.ledgerline.portal.accounts;

import io.ledgerline.portal.problem.PortalProblem;
import io.ledgerline.portal.session.PortalUser;

import java.util.regex.Pattern;

/**
 * The SPA picks a command id per form submission, so a double click is one command. The portal
 * prefixes it with the signed-in tenant before it reaches the ledger, so one tenant's ids can never
 * replay or collide with another tenant's commands.
 */
public final class CommandIds {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private CommandIds() {}

    public static String scoped(PortalUser user, String clientCommandId) {
        if (clientCommandId == null || !CLIENT_ID.matcher(clientCommandId).matches()) {
            throw PortalProblem.badRequest(
                    "INVALID_COMMAND_ID", "commandId must be 8-64 of A-Z a-z 0-9 _ -");
        }
        return "portal-" + user.accountId().replace(':', '-') + "-" + clientCommandId;
    }
}
