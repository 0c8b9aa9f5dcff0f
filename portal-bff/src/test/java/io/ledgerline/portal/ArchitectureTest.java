package io.ledgerline.portal;

import io.ledgerline.testsupport.arch.ServiceBoundaries;

import org.junit.jupiter.api.Test;

import java.util.Set;

/**
 * The portal's layout: features in folders (accounts, gatewaykeys, session, tenancy), none
 * importing another service or each other in a circle. Every controller may use the shared
 * packages: the problem vocabulary, the signed-in user, tenant isolation, the downstream clients
 * and the audit log.
 */
class ArchitectureTest {

    private static final ServiceBoundaries portal = ServiceBoundaries.of("io.ledgerline.portal");

    @Test
    void portal_imports_no_other_service() {
        portal.importsNoOtherService();
    }

    @Test
    void portal_features_form_no_cycle() {
        portal.featuresFormNoCycle();
    }

    @Test
    void portal_controllers_stay_in_their_feature() {
        portal.controllersStayInTheirFeature(
                Set.of("problem", "session", "tenancy", "downstream", "audit"));
    }
}
