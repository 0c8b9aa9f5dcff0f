package io.ledgerline.portal.tenancy;

import java.util.ArrayList;
import java.util.List;

/** The sidebar each kind of user sees (R1, R3, R5). */
final class PortalMenu {

    static final String MAIN = "main";
    static final String SETTINGS = "settings";

    private PortalMenu() {}

    /**
     * A partner's pages: its dashboard, its customers (R13's Credits panel) and the AI Gateway's
     * Customer Self-Service settings (R12).
     */
    static List<MenuItem> partner() {
        return List.of(
                new MenuItem("dashboard", "Dashboard", MAIN),
                new MenuItem("customers", "Customers", MAIN),
                new MenuItem("ai-gateway", "AI Gateway", MAIN));
    }

    /**
     * R1: Dashboard, Detailed Usage, Conversations and Settings always. R3: Billing & Payments with
     * portal access. R5: AI Gateway only when {@link AiGatewayAccess} allows it.
     */
    static List<MenuItem> customer(boolean portalAccess, boolean aiGateway) {
        var items = new ArrayList<MenuItem>();
        items.add(new MenuItem("dashboard", "Dashboard", MAIN));
        items.add(new MenuItem("usage", "Detailed Usage", MAIN));
        items.add(new MenuItem("conversations", "Conversations", MAIN));
        items.add(new MenuItem("settings", "Settings", SETTINGS));
        if (portalAccess) {
            items.add(new MenuItem("billing", "Billing & Payments", SETTINGS));
        }
        if (aiGateway) {
            items.add(new MenuItem("ai-gateway", "AI Gateway", SETTINGS));
        }
        return List.copyOf(items);
    }
}
