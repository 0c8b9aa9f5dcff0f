package io.ledgerline.portal.tenancy;

import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.TeamRole;

import java.util.ArrayList;
import java.util.List;

/**
 * The sidebar each kind of user sees (R1, R3, R5), narrowed by the person's team role (R7):
 * Settings stays for everyone, the rest of Settings & Security only with the permission behind it.
 */
final class PortalMenu {

    static final String MAIN = "main";
    static final String SETTINGS = "settings";

    private PortalMenu() {}

    /**
     * A partner's pages: its dashboard, its customers (R13's Credits panel), the AI Gateway's
     * Customer Self-Service settings (R12) for roles that may change settings, its Billing and its
     * Customer Credit Plans (R16) for roles with the billing permission, and (R7) the team and the
     * audit log only for roles with their permission.
     */
    static List<MenuItem> partner(TeamRole role) {
        var items = new ArrayList<MenuItem>();
        items.add(new MenuItem("dashboard", "Dashboard", MAIN));
        items.add(new MenuItem("customers", "Customers", MAIN));
        if (role.may(Permission.SETTINGS)) {
            items.add(new MenuItem("ai-gateway", "AI Gateway", MAIN));
        }
        if (role.may(Permission.BILLING)) {
            items.add(new MenuItem("billing", "Billing", MAIN));
            items.add(new MenuItem("credit-plans", "Customer Credit Plans", SETTINGS));
        }
        teamItems(role, items);
        return List.copyOf(items);
    }

    /**
     * R1: Dashboard, Detailed Usage, Conversations and Settings always. R3: Billing & Payments with
     * portal access. R5: AI Gateway only when {@link AiGatewayAccess} allows it.
     */
    static List<MenuItem> customer(boolean portalAccess, boolean aiGateway, TeamRole role) {
        var items = new ArrayList<MenuItem>();
        items.add(new MenuItem("dashboard", "Dashboard", MAIN));
        items.add(new MenuItem("usage", "Detailed Usage", MAIN));
        items.add(new MenuItem("conversations", "Conversations", MAIN));
        items.add(new MenuItem("settings", "Settings", SETTINGS));
        if (portalAccess && role.may(Permission.BILLING)) {
            items.add(new MenuItem("billing", "Billing & Payments", SETTINGS));
        }
        if (aiGateway && role.may(Permission.SETTINGS)) {
            items.add(new MenuItem("ai-gateway", "AI Gateway", SETTINGS));
        }
        teamItems(role, items);
        return List.copyOf(items);
    }

    private static void teamItems(TeamRole role, List<MenuItem> items) {
        if (role.may(Permission.TEAM)) {
            items.add(new MenuItem("team", "Team", SETTINGS));
        }
        if (role.may(Permission.AUDIT)) {
            items.add(new MenuItem("audit", "Audit Log", SETTINGS));
        }
    }
}
