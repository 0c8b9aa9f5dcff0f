package io.ledgerline.notification;

import io.ledgerline.testsupport.arch.ServiceBoundaries;

import org.junit.jupiter.api.Test;

import java.util.Set;

/** The notification service's layout: features in folders, no other service, no cycle. */
class ArchitectureTest {

    private static final ServiceBoundaries notification =
            ServiceBoundaries.of("io.ledgerline.notification");

    @Test
    void notification_imports_no_other_service() {
        notification.importsNoOtherService();
    }

    @Test
    void notification_features_form_no_cycle() {
        notification.featuresFormNoCycle();
    }

    @Test
    void notification_controllers_stay_in_their_feature() {
        notification.controllersStayInTheirFeature(Set.of("web", "alert"));
    }
}
