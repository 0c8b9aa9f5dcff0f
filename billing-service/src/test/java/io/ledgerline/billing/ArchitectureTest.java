package io.ledgerline.billing;

import io.ledgerline.testsupport.arch.ServiceBoundaries;

import org.junit.jupiter.api.Test;

import java.util.Set;

/**
 * Billing's layout: features in folders, none importing another service or each other in a circle.
 */
class ArchitectureTest {

    private static final ServiceBoundaries billing = ServiceBoundaries.of("io.ledgerline.billing");

    @Test
    void billing_imports_no_other_service() {
        billing.importsNoOtherService();
    }

    @Test
    void billing_features_form_no_cycle() {
        billing.featuresFormNoCycle();
    }

    @Test
    void billing_controllers_stay_in_their_feature() {
        billing.controllersStayInTheirFeature(Set.of("commerce"));
    }
}
