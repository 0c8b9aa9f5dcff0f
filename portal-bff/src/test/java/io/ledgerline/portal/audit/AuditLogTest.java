package io.ledgerline.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class AuditLogTest extends PortalTestBase {

    @Autowired AuditChain chain;
    @Autowired AuditLog log;
    @Autowired PlatformTransactionManager transactions;

    record Row(
            String actor,
            String action,
            String target,
            String before,
            String after,
            String outcome,
            String source) {}

    @Test
    void R20_sign_ins_refused_sign_ins_and_sign_outs_are_recorded_without_the_password() {
        long last = lastPosition("partner:acme");
        var browser = new PortalBrowser(port);

        assertThat(browser.signIn("acme@demo.ledgerline", "not-the-pw-7f3c").status())
                .isEqualTo(401);
        assertThat(browser.signIn("ACME@demo.ledgerline ", PASSWORD).status()).isEqualTo(200);
        assertThat(browser.delete("/api/portal/session").status()).isEqualTo(204);

        var rows = since("partner:acme", last, browser.address());
        assertThat(rows)
                .extracting(Row::action, Row::actor, Row::outcome)
                .containsExactly(
                        tuple("SIGN_IN_FAILED", "user:acme@demo.ledgerline", "INVALID_CREDENTIALS"),
                        tuple("SIGN_IN", "user:acme@demo.ledgerline", "OK"),
                        tuple("SIGN_OUT", "user:acme@demo.ledgerline", "OK"));
        assertThat(recordsContaining("not-the-pw-7f3c")).isZero();
        assertThat(chain.firstBroken("partner:acme")).isEmpty();
    }

    @Test
    void R20_a_refused_sign_in_with_an_unknown_e_mail_is_recorded_for_the_platform() {
        var browser = new PortalBrowser(port);
        long last = lastPosition(SessionAudit.NO_TENANT);

        browser.signIn("nobody-r20@demo.ledgerline", "whatever-pw-91");

        assertThat(since(SessionAudit.NO_TENANT, last, browser.address()))
                .extracting(Row::action, Row::target)
                .containsExactly(tuple("SIGN_IN_FAILED", "nobody-r20@demo.ledgerline"));
        assertThat(recordsContaining("whatever-pw-91")).isZero();
    }

    @Test
    void R20_credit_adjustments_are_recorded_once_the_ledger_answered_with_its_outcome() {
        var acme = signedIn("acme@demo.ledgerline");
        long last = lastPosition("partner:acme");

        var added =
                acme.post(
                        "/api/portal/partner/customers/customer:bistro/credits",
                        Map.of(
                                "commandId",
                                "r20-add-0001",
                                "amountUcr",
                                2_000_000,
                                "note",
                                "gift"));
        var refused =
                acme.post(
                        "/api/portal/partner/customers/customer:cornershop/credits",
                        Map.of("commandId", "r20-add-0002", "amountUcr", 1_000_000, "note", "x"));
        var deducted =
                acme.post(
                        "/api/portal/partner/customers/customer:bistro/deductions",
                        Map.of(
                                "commandId",
                                "r20-ded-0001",
                                "amountUcr",
                                1_000_000,
                                "note",
                                "oops"));

        assertThat(added.status()).isEqualTo(200);
        assertThat(refused.code()).isEqualTo("AI_CREDITS_DISABLED");
        assertThat(deducted.status()).isEqualTo(200);
        var rows = since("partner:acme", last, acme.address());
        assertThat(rows)
                .extracting(Row::action, Row::target, Row::outcome)
                .containsExactly(
                        tuple("CREDITS_ADDED", "customer:bistro", "OK"),
                        tuple("CREDITS_ADDED", "customer:cornershop", "AI_CREDITS_DISABLED"),
                        tuple("CREDITS_DEDUCTED", "customer:bistro", "OK"));
        assertThat(rows.get(0).after())
                .contains("\"note\": \"gift\"")
                .contains("\"amountUcr\": 2000000")
                .contains("balanceUcr");
        assertThat(rows.get(2).after()).contains("\"note\": \"oops\"");
    }

    @Test
    void R20_gateway_keys_created_and_revoked_are_recorded_without_their_secret() {
        var bistro = signedIn("bistro@demo.ledgerline");
        long last = lastPosition("customer:bistro");

        var created =
                bistro.post(
                        "/api/portal/gateway/keys",
                        Map.of(
                                "commandId", "r20-key-0001",
                                "name", "Kitchen bot",
                                "allowedModels", List.of("gpt-4o-mini")));
        var keyId = created.body().path("keyId").asText();
        var revoked =
                bistro.post(
                        "/api/portal/gateway/keys/" + keyId + "/revoke",
                        Map.of("commandId", "r20-key-0002"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("secret").asText()).isNotBlank();
        // The fake gateway knows no revocation: its refusal is what the record keeps.
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(since("customer:bistro", last, bistro.address()))
                .extracting(Row::action, Row::target, Row::outcome)
                .containsExactly(
                        tuple("GATEWAY_KEY_CREATED", null, "OK"),
                        tuple("GATEWAY_KEY_REVOKED", keyId, revoked.code()));
        assertThat(recordsContaining(created.body().path("secret").asText())).isZero();
    }

    @Test
    void R20_a_settings_change_is_recorded_with_before_and_after() {
        var acme = signedIn("acme@demo.ledgerline");
        long last = lastPosition("partner:acme");

        acme.putRaw("/api/portal/partner/self-service", "{\"enabled\":false}");

        var rows = since("partner:acme", last, acme.address());
        assertThat(rows).extracting(Row::action).containsExactly("SELF_SERVICE_CHANGED");
        assertThat(rows.get(0).before()).contains("\"selfServiceEnabled\": true");
        assertThat(rows.get(0).after()).contains("\"selfServiceEnabled\": false");
        DOWNSTREAM.selfService("acme", true);
    }

    @Test
    void R20_no_one_can_update_delete_or_truncate_a_record() {
        signedIn("acme@demo.ledgerline");

        assertThatThrownBy(
                        () ->
                                jdbc.sql(
                                                "UPDATE portal.audit_record SET target = 'x'"
                                                        + " WHERE tenant = 'partner:acme'")
                                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () ->
                                jdbc.sql("DELETE FROM portal.audit_record WHERE tenant = ?")
                                        .param("partner:acme")
                                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE portal.audit_record").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(lastPosition("partner:acme")).isPositive();
    }

    @Test
    void R20_a_record_altered_around_the_triggers_is_found_by_the_chain() {
        signedIn("acme@demo.ledgerline");
        assertThat(chain.firstBroken("partner:acme")).isEmpty();
        var tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(
                status -> {
                    // As a superuser could: switch the guard off, change a record, and hope.
                    jdbc.sql(
                                    "ALTER TABLE portal.audit_record DISABLE TRIGGER audit_record_immutable")
                            .update();
                    jdbc.sql(
                                    """
                            UPDATE portal.audit_record SET outcome = 'OK', target = 'nothing'
                            WHERE tenant = 'partner:acme' AND position = 1""")
                            .update();
                    assertThat(chain.firstBroken("partner:acme")).hasValue(1);
                    status.setRollbackOnly();
                });

        assertThat(chain.firstBroken("partner:acme")).isEmpty();
    }

    @Test
    void R20_concurrent_records_of_one_tenant_form_one_unbroken_chain() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var done = new ArrayList<Future<?>>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(
                        pool.submit(
                                () ->
                                        log.record(
                                                new AuditEntry(
                                                        "customer:chain-test",
                                                        "service:test",
                                                        AuditAction.SELF_SERVICE_CHANGED,
                                                        "t" + n,
                                                        null,
                                                        Map.of("n", n),
                                                        AuditEntry.OK))));
            }
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(chain.firstBroken("customer:chain-test")).isEmpty();
    }

    @Test
    void R20_a_tenant_reads_its_own_records_only_filtered_and_paged() {
        signedIn("acme@demo.ledgerline");
        var globex = signedIn("globex@test.ledgerline");

        var all = globex.get("/api/portal/audit?size=200");
        var signIns =
                globex.get("/api/portal/audit?action=sign_in&actor=user:globex@test.ledgerline");
        var later = globex.get("/api/portal/audit?from=2999-01-01T00:00:00Z");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("rows").findValuesAsText("actor"))
                .isNotEmpty()
                .allMatch(actor -> actor.equals("user:globex@test.ledgerline"));
        assertThat(signIns.body().path("rows").findValuesAsText("action"))
                .isNotEmpty()
                .containsOnly("SIGN_IN");
        assertThat(later.body().path("rows")).isEmpty();
        assertThat(globex.get("/api/portal/audit?action=DROP_TABLE").code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(globex.get("/api/portal/audit?from=yesterday").code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(
                        globex.get(
                                        "/api/portal/audit?from=2026-02-01T00:00:00Z"
                                                + "&to=2026-01-01T00:00:00Z")
                                .code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(globex.get("/api/portal/audit?size=201").code()).isEqualTo("INVALID_PAGING");
    }

    @Test
    void R20_the_export_streams_csv_and_json_with_the_same_filters() {
        var acme = signedIn("acme@demo.ledgerline");

        var csv = acme.getText("/api/portal/audit/export?format=csv&action=SIGN_IN");
        var json = acme.get("/api/portal/audit/export?format=json&action=SIGN_IN");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith(AuditExport.CSV_HEADER + "\r\n");
        assertThat(csv.body().lines().skip(1))
                .isNotEmpty()
                .allMatch(l -> l.contains("\"SIGN_IN\""));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().isArray()).isTrue();
        assertThat(json.body().findValuesAsText("action")).isNotEmpty().containsOnly("SIGN_IN");
        assertThat(acme.get("/api/portal/audit/export?format=xml").code())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void R20_a_csv_cell_cannot_become_a_spreadsheet_formula() {
        assertThat(AuditExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditExport.cell("plain")).isEqualTo("\"plain\"");
    }

    private long lastPosition(String tenant) {
        return jdbc.sql(
                        "SELECT coalesce(max(position), 0) FROM portal.audit_record WHERE tenant = ?")
                .param(tenant)
                .query(Long.class)
                .single();
    }

    private List<Row> since(String tenant, long position, String source) {
        return jdbc.sql(
                        """
                        SELECT actor, action, target, before::text, after::text, outcome, source
                        FROM portal.audit_record
                        WHERE tenant = ? AND position > ? AND source = ?
                        ORDER BY position""")
                .param(tenant)
                .param(position)
                .param(source)
                .query(Row.class)
                .list();
    }

    private long recordsContaining(String text) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM portal.audit_record r
                        WHERE strpos(portal.audit_canonical(r), ?) > 0""")
                .param(text)
                .query(Long.class)
                .single();
    }
}
