package io.ledgerline.portal.team;

import io.ledgerline.portal.problem.RequestFields;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepting an invitation: no session (the invited person has no login yet), the one-time token
 * instead; sets the new member's password.
 */
@RestController
class InvitationController {

    static final String ACCEPT = "/api/portal/invitations/accept";

    /** Where the SPA takes the invited person; the token follows. */
    static final String LINK = "/#/invitation/";

    static final int MAX_TOKEN_CHARS = 100;
    static final int MAX_NAME_CHARS = 100;

    record Accept(String token, String password, String displayName) {}

    private final Team team;

    InvitationController(Team team) {
        this.team = team;
    }

    @PostMapping(path = ACCEPT, consumes = MediaType.APPLICATION_JSON_VALUE)
    Member accept(@RequestBody Accept body) {
        var token = RequestFields.text("token", body.token(), MAX_TOKEN_CHARS);
        var password = RequestFields.required("password", body.password());
        var name = RequestFields.text("displayName", body.displayName(), MAX_NAME_CHARS);
        return team.accept(token, password, name);
    }
}
