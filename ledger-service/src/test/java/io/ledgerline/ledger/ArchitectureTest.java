package io.ledgerline.ledger;

import io.ledgerline.testsupport.arch.ServiceBoundaries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

/** The ledger's layout: one folder per feature, no feature cycle, controllers in their feature. */
class ArchitectureTest {

    /**
     * What every feature's controllers may use: {@code api} holds the door commands go through, the
     * answers that come back and the problem bodies that carry refusals.
     */
    private static final Set<String> SHARED_FEATURES = Set.of("api", "security");

    private static ServiceBoundaries ledger;

    @BeforeAll
    static void importClasses() {
        ledger = ServiceBoundaries.of("io.ledgerline.ledger");
    }

    @Test
    void imports_no_other_service() {
        ledger.importsNoOtherService();
    }

    @Test
    void features_form_no_cycle() {
        ledger.featuresFormNoCycle();
    }

    @Test
    void controllers_stay_in_their_feature() {
        ledger.controllersStayInTheirFeature(SHARED_FEATURES);
    }
}
