package io.ledgerline.portal.audit;

import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.stereotype.Component;

/** Who may read a tenant's audit log: owners, admins and auditors (R7, R20). */
@Component
class AuditReaders {

    private final Permissions permissions;

    AuditReaders(Permissions permissions) {
        this.permissions = permissions;
    }

    void require(PortalUser user) {
        permissions.require(user, Permission.AUDIT);
    }
}
