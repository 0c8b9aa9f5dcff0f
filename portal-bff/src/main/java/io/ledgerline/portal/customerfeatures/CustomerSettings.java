package io.ledgerline.portal.customerfeatures;

import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.AuditLog;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves a customer's Features & Add-ons with its audit record, in one transaction (R20). */
@Service
class CustomerSettings {

    private final FeatureStore store;
    private final AuditLog audit;

    CustomerSettings(FeatureStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    void change(PortalUser user, String accountId, CustomerFeatures wanted) {
        var before = store.of(accountId);
        store.save(accountId, wanted);
        audit.record(AuditEntry.by(user, AuditAction.FEATURES_CHANGED, accountId, before, wanted));
    }
}
