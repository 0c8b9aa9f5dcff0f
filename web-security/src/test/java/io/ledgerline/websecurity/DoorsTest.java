package io.ledgerline.websecurity;

import static io.ledgerline.websecurity.Door.get;
import static io.ledgerline.websecurity.Door.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoorsTest {

    private final Doors doors =
            Doors.of(
                    "ledger",
                    get("/api/v1/**", "ledger.read"),
                    post("/api/v1/accounts/*/credits", "ledger.credits"),
                    post("/api/v1/accounts/*/reservations/*/release", "ledger.reserve"));

    @Test
    void the_first_door_matching_method_and_path_names_the_scope() {
        assertThat(doors.scopeFor("GET", "/api/v1/accounts/partner:a/history"))
                .contains("ledger.read");
        assertThat(doors.scopeFor("POST", "/api/v1/accounts/partner:a/credits"))
                .contains("ledger.credits");
        assertThat(doors.scopeFor("POST", "/api/v1/accounts/partner:a/reservations/r1/release"))
                .contains("ledger.reserve");
    }

    @Test
    void a_method_or_path_no_door_covers_has_no_scope() {
        assertThat(doors.scopeFor("DELETE", "/api/v1/accounts/partner:a/credits")).isEmpty();
        assertThat(doors.scopeFor("POST", "/api/v1/accounts/partner:a/credits/x")).isEmpty();
        assertThat(doors.scopeFor("POST", "/api/v1/accounts")).isEmpty();
    }

    @Test
    void only_health_is_public() {
        assertThat(doors.isPublic("/actuator/health")).isTrue();
        assertThat(doors.isPublic("/actuator/health/liveness")).isTrue();
        assertThat(doors.isPublic("/actuator/metrics")).isFalse();
        assertThat(doors.isPublic("/api/v1/accounts")).isFalse();
    }

    @Test
    void scopes_lists_each_scope_once_sorted() {
        assertThat(doors.scopes())
                .containsExactly("ledger.credits", "ledger.read", "ledger.reserve");
    }
}
