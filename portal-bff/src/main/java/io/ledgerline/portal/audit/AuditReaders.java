package io.ledgerline.portal.audit;

import io.ledgerline.portal.session.PortalUser;

import org.springframework.stereotype.Component;

/** Who may read a tenant's audit log. */
@Component
class AuditReaders {

    void require(PortalUser user) {
        // Every signed-in user of the tenant, until team roles say more.
    }
}
