package io.ledgerline.ledger.security;

import static io.ledgerline.websecurity.Door.get;
import static io.ledgerline.websecurity.Door.post;
import static io.ledgerline.websecurity.Door.put;

import io.ledgerline.websecurity.Doors;
import io.ledgerline.websecurity.LockedDoors;
import io.ledgerline.websecurity.edge.ServletEdges;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Which scope each of the ledger's endpoints needs. Reading is {@code ledger.read}; each kind of
 * write has its own scope, so a caller gets only what it does (the gateway reserves, billing
 * meters, the portal adds credits) — the full table is in docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@Import({LockedDoors.class, ServletEdges.class})
public class LedgerDoors {

    public static final String READ = "ledger.read";
    public static final String ACCOUNTS = "ledger.accounts";
    public static final String CREDITS = "ledger.credits";
    public static final String RESERVE = "ledger.reserve";
    public static final String METER = "ledger.meter";
    public static final String OPERATE = "ledger.operate";

    @Bean
    public static Doors doors() {
        return Doors.of(
                "ledger",
                get("/api/v1/**", READ),
                get("/v3/api-docs/**", READ),
                post("/api/v1/accounts", ACCOUNTS),
                put("/api/v1/accounts/*/ai-credits", ACCOUNTS),
                post("/api/v1/accounts/*/credits", CREDITS),
                post("/api/v1/accounts/*/deductions", CREDITS),
                post("/api/v1/accounts/*/reversals", CREDITS),
                post("/api/v1/accounts/*/reservations", RESERVE),
                post("/api/v1/accounts/*/reservations/*/settlements", RESERVE),
                post("/api/v1/accounts/*/reservations/*/release", RESERVE),
                post("/api/v1/accounts/*/key-deposits", RESERVE),
                post("/api/v1/accounts/*/usage", METER),
                // Each command in a batch is checked against its own scope as well.
                post("/api/v1/batches", METER),
                get("/actuator/**", OPERATE),
                post("/actuator/**", OPERATE));
    }
}
