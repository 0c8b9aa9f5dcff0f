package io.ledgerline.portal.session;

import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign in (a new server-side session) and sign out (the session is gone). */
@RestController
@RequestMapping("/api/portal/session")
class SessionController {

    record SignIn(String email, String password) {}

    record SignedInAs(String email, String displayName, Role role, String accountId) {}

    private final Authenticator authenticator;

    SessionController(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    SignedInAs signIn(@RequestBody SignIn body, HttpServletRequest request) {
        var user =
                authenticator
                        .authenticate(body.email(), body.password())
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                PortalRefusal.INVALID_CREDENTIALS,
                                                "the e-mail or password is not right"));
        var previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        // A fresh session id on every sign-in, so a session id planted earlier is worthless.
        request.getSession(true).setAttribute(SignedIn.SESSION_ATTRIBUTE, user);
        return new SignedInAs(user.email(), user.displayName(), user.role(), user.accountId());
    }

    @DeleteMapping
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.noContent().build();
    }
}
