package io.ledgerline.portal.session;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CSRF token for the SPA's next state-changing request (sign-in included); the answer also sets
 * the {@code XSRF-TOKEN} cookie the SPA copies it from.
 */
@RestController
class CsrfController {

    record Csrf(String headerName, String token) {}

    @GetMapping(PortalSecurity.CSRF)
    Csrf csrf(CsrfToken token) {
        return new Csrf(token.getHeaderName(), token.getToken());
    }
}
