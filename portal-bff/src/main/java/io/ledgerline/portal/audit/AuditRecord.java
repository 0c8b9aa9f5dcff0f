package io.ledgerline.portal.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One record as a reader sees it. */
public record AuditRecord(
        long position,
        Instant at,
        String actor,
        String action,
        String target,
        JsonNode before,
        JsonNode after,
        String outcome,
        String source,
        String hash) {}
