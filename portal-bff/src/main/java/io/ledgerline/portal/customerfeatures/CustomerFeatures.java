package io.ledgerline.portal.customerfeatures;

import java.util.List;

/** Features & Add-ons as the portal keeps them for one customer (R2-R6). */
record CustomerFeatures(
        boolean customerPortalEnabled,
        boolean knowledgeBase,
        boolean phoneNumbers,
        boolean integration,
        List<String> integrationApps,
        boolean myDocsAndMedia,
        boolean apiAccess,
        boolean apiKeysVisible,
        boolean aiGatewayVisible,
        boolean showPricing) {}
