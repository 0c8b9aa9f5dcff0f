package io.ledgerline.gateway;

import io.ledgerline.testsupport.arch.ServiceBoundaries;

import org.junit.jupiter.api.Test;

import java.util.Set;

/** The gateway's layout: its own code only, features without cycles, controllers in their own. */
class ArchitectureTest {

    /**
     * What every controller may use besides its own feature: the problem bodies, and the management
     * API's shared vocabulary (the key as shown, the command body, input checks).
     */
    static final Set<String> SHARED = Set.of("error", "management");

    static final ServiceBoundaries GATEWAY = ServiceBoundaries.of("io.ledgerline.gateway");

    @Test
    void imports_no_other_service() {
        GATEWAY.importsNoOtherService();
    }

    @Test
    void features_form_no_cycle() {
        GATEWAY.featuresFormNoCycle();
    }

    @Test
    void controllers_stay_in_their_feature() {
        GATEWAY.controllersStayInTheirFeature(SHARED);
    }
}
