package io.ledgerline.portal.session;

import java.util.EnumSet;
import java.util.Set;

/** A person's role in their tenant's team (R7), and what it permits. */
public enum TeamRole {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.allOf(Permission.class)),
    BILLING(EnumSet.of(Permission.BILLING)),
    MEMBER(EnumSet.noneOf(Permission.class)),
    /** Reads the audit log and nothing else beyond a member. */
    AUDITOR(EnumSet.of(Permission.AUDIT));

    private final EnumSet<Permission> permissions;

    TeamRole(EnumSet<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }
}
