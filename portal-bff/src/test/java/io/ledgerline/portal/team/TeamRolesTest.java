package io.ledgerline.portal.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalBrowser.Reply;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

class TeamRolesTest extends PortalTestBase {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Test
    void R7_demo_owners_are_owners_and_the_demo_member_is_a_member() {
        var owner = signedIn("acme@demo.ledgerline").get("/api/portal/me").body();
        var member = signedIn("acme-member@demo.ledgerline").get("/api/portal/me").body();

        assertThat(owner.path("teamRole").asText()).isEqualTo("OWNER");
        assertThat(owner.path("menu").findValuesAsText("label")).contains("Team", "Audit Log");
        assertThat(member.path("teamRole").asText()).isEqualTo("MEMBER");
        assertThat(member.path("permissions")).isEmpty();
        assertThat(member.path("menu").findValuesAsText("label"))
                .contains("Dashboard")
                .doesNotContain("Team", "Audit Log");
    }

    @Test
    void R7_a_member_without_the_settings_permission_gets_403_on_settings_endpoints() {
        var member = signedIn("acme-member@demo.ledgerline");
        DOWNSTREAM.forget();

        var refused =
                List.of(
                        member.putRaw("/api/portal/partner/self-service", "{\"enabled\":false}"),
                        member.get("/api/portal/team/members"),
                        member.post(
                                "/api/portal/team/invitations",
                                Map.of("email", "x@example.com", "role", "OWNER")),
                        member.putRaw(
                                "/api/portal/team/members/acme@demo.ledgerline/role",
                                "{\"role\":\"MEMBER\"}"),
                        member.delete("/api/portal/team/members/acme@demo.ledgerline"),
                        member.get("/api/portal/audit"),
                        member.get("/api/portal/audit/export?format=json"),
                        member.post(
                                "/api/portal/partner/customers/customer:bistro/credits",
                                Map.of("commandId", "r7-member-01", "amountUcr", 1, "note", "x")));

        assertThat(refused)
                .allSatisfy(
                        reply -> {
                            assertThat(reply.status()).isEqualTo(403);
                            assertThat(reply.code()).isEqualTo("PERMISSION_REQUIRED");
                        });
        assertThat(DOWNSTREAM.received()).noneMatch(call -> !call.method().equals("GET"));
        assertThat(role("acme@demo.ledgerline")).isEqualTo("OWNER");
    }

    @Test
    void R7_a_customer_member_keeps_the_fixed_items_but_not_the_rest_of_settings() {
        var email = person("bistro-member");
        addMember("customer:bistro", email, "MEMBER");
        var member = signedIn(email);

        var labels = member.get("/api/portal/me").body().path("menu").findValuesAsText("label");

        assertThat(labels)
                .contains("Dashboard", "Detailed Usage", "Conversations", "Settings")
                .doesNotContain("Billing & Payments", "AI Gateway", "Team", "Audit Log");
        assertThat(member.get("/api/portal/gateway/keys").code()).isEqualTo("PERMISSION_REQUIRED");
        var billing = person("bistro-billing");
        addMember("customer:bistro", billing, "BILLING");
        assertThat(
                        signedIn(billing)
                                .get("/api/portal/me")
                                .body()
                                .path("menu")
                                .findValuesAsText("label"))
                .contains("Billing & Payments")
                .doesNotContain("AI Gateway", "Team", "Audit Log");
    }

    @Test
    void R7_an_auditor_reads_the_audit_log_and_nothing_more() {
        var email = person("auditor");
        addMember("partner:acme", email, "AUDITOR");
        var auditor = signedIn(email);

        assertThat(auditor.get("/api/portal/audit").status()).isEqualTo(200);
        assertThat(auditor.get("/api/portal/team/members").code()).isEqualTo("PERMISSION_REQUIRED");
        assertThat(auditor.putRaw("/api/portal/partner/self-service", "{\"enabled\":false}").code())
                .isEqualTo("PERMISSION_REQUIRED");
    }

    @Test
    void R7_an_owner_invites_and_the_invited_person_accepts_once_and_signs_in() {
        var owner = signedIn("acme@demo.ledgerline");
        var email = person("invited");

        var invited =
                owner.post(
                        "/api/portal/team/invitations", Map.of("email", email, "role", "BILLING"));
        var token = invited.body().path("link").asText().replace(InvitationController.LINK, "");
        var stranger = new PortalBrowser(port);
        var accepted =
                stranger.post(
                        InvitationController.ACCEPT,
                        Map.of(
                                "token",
                                token,
                                "password",
                                "a-long-passphrase",
                                "displayName",
                                "New"));
        var again =
                stranger.post(
                        InvitationController.ACCEPT,
                        Map.of(
                                "token",
                                token,
                                "password",
                                "another-passphrase",
                                "displayName",
                                "X"));
        var newcomer = new PortalBrowser(port);

        assertThat(invited.status()).isEqualTo(201);
        assertThat(token).hasSizeGreaterThan(40);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("role").asText()).isEqualTo("BILLING");
        assertThat(again.code()).isEqualTo("INVITATION_NOT_VALID");
        assertThat(newcomer.signIn(email, "a-long-passphrase").status()).isEqualTo(200);
        assertThat(newcomer.get("/api/portal/me").body().path("accountId").asText())
                .isEqualTo("partner:acme");
        assertThat(auditActions("partner:acme", email))
                .contains("MEMBER_INVITED", "INVITATION_ACCEPTED", "SIGN_IN");
        assertThat(auditContaining(token)).isZero();
        assertThat(auditContaining("a-long-passphrase")).isZero();
        assertThat(
                        jdbc.sql("SELECT count(*) FROM portal.invitation WHERE token_hash = ?")
                                .param(token)
                                .query(Long.class)
                                .single())
                .isZero();
    }

    @Test
    void R7_an_invitation_needs_a_password_of_at_least_ten_characters() {
        var owner = signedIn("acme@demo.ledgerline");
        var invited =
                owner.post(
                        "/api/portal/team/invitations",
                        Map.of("email", person("short"), "role", "MEMBER"));
        var token = invited.body().path("link").asText().replace(InvitationController.LINK, "");

        var reply =
                new PortalBrowser(port)
                        .post(
                                InvitationController.ACCEPT,
                                Map.of("token", token, "password", "short", "displayName", "S"));

        assertThat(reply.code()).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void R7_a_role_change_counts_from_the_members_next_request_and_is_audited() {
        var email = person("promoted");
        addMember("partner:acme", email, "MEMBER");
        var member = signedIn(email);
        var owner = signedIn("acme@demo.ledgerline");

        assertThat(member.get("/api/portal/audit").code()).isEqualTo("PERMISSION_REQUIRED");
        var changed =
                owner.putRaw("/api/portal/team/members/" + email + "/role", "{\"role\":\"ADMIN\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(member.get("/api/portal/audit").status()).isEqualTo(200);
        assertThat(member.get("/api/portal/me").body().path("teamRole").asText())
                .isEqualTo("ADMIN");
        var record =
                jdbc.sql(
                                """
                        SELECT before::text || ' -> ' || after::text FROM portal.audit_record
                        WHERE tenant = 'partner:acme' AND action = 'MEMBER_ROLE_CHANGED'
                          AND target = ?""")
                        .param(email)
                        .query(String.class)
                        .single();
        assertThat(record).isEqualTo("{\"role\": \"MEMBER\"} -> {\"role\": \"ADMIN\"}");
    }

    @Test
    void R7_a_removed_member_is_signed_out_at_the_next_request() {
        var email = person("removed");
        addMember("partner:acme", email, "ADMIN");
        var removed = signedIn(email);
        var owner = signedIn("acme@demo.ledgerline");

        assertThat(owner.delete("/api/portal/team/members/" + email).status()).isEqualTo(204);

        assertThat(removed.get("/api/portal/team/members").status()).isEqualTo(401);
        assertThat(removed.get("/api/portal/accounts/partner:acme").status()).isEqualTo(401);
        assertThat(removed.get("/api/portal/partner/customers").status()).isEqualTo(401);
        assertThat(auditActions("partner:acme", email)).contains("MEMBER_REMOVED");
    }

    @Test
    void R7_the_last_owner_cannot_leave_and_only_an_owner_makes_or_unmakes_an_owner() {
        var n = PEOPLE.incrementAndGet();
        var tenant = "partner:r7solo" + n;
        jdbc.sql(
                        "INSERT INTO portal.tenant (account_id, kind, partner_id, display_name)"
                                + " VALUES (?, 'PARTNER', ?, 'Solo')")
                .param(tenant)
                .param("r7solo" + n)
                .update();
        var ownerEmail = person("solo-owner");
        var adminEmail = person("solo-admin");
        addMember(tenant, ownerEmail, "OWNER");
        addMember(tenant, adminEmail, "ADMIN");
        var owner = signedIn(ownerEmail);
        var admin = signedIn(adminEmail);

        assertThat(owner.delete("/api/portal/team/members/" + ownerEmail).code())
                .isEqualTo("LAST_OWNER");
        assertThat(
                        admin.putRaw(
                                        "/api/portal/team/members/" + ownerEmail + "/role",
                                        "{\"role\":\"MEMBER\"}")
                                .code())
                .isEqualTo("PERMISSION_REQUIRED");
        assertThat(admin.delete("/api/portal/team/members/" + ownerEmail).code())
                .isEqualTo("PERMISSION_REQUIRED");
        assertThat(
                        admin.post(
                                        "/api/portal/team/invitations",
                                        Map.of("email", person("would-be-owner"), "role", "OWNER"))
                                .code())
                .isEqualTo("PERMISSION_REQUIRED");
        assertThat(role(ownerEmail)).isEqualTo("OWNER");

        assertThat(
                        owner.putRaw(
                                        "/api/portal/team/members/" + adminEmail + "/role",
                                        "{\"role\":\"OWNER\"}")
                                .status())
                .isEqualTo(200);
        assertThat(owner.delete("/api/portal/team/members/" + ownerEmail).status()).isEqualTo(204);
        assertThat(admin.delete("/api/portal/team/members/" + adminEmail).code())
                .isEqualTo("LAST_OWNER");
        assertThat(role(adminEmail)).isEqualTo("OWNER");
    }

    @Test
    void R7_fields_the_caller_may_not_set_are_refused_and_change_nothing() {
        var owner = signedIn("acme@demo.ledgerline");
        var email = person("smuggled");
        addMember("partner:acme", email, "MEMBER");

        var ownRole =
                owner.putRaw(
                        "/api/portal/team/members/acme@demo.ledgerline/role",
                        "{\"role\":\"MEMBER\"}");
        var withTenant =
                owner.putRaw(
                        "/api/portal/team/members/" + email + "/role",
                        "{\"role\":\"ADMIN\",\"tenant\":\"partner:globex\"}");
        var invitedElsewhere =
                owner.post(
                        "/api/portal/team/invitations",
                        Map.of(
                                "email",
                                person("elsewhere"),
                                "role",
                                "MEMBER",
                                "partnerId",
                                "globex"));
        var memberSetsOwnRole =
                signedIn(email)
                        .putRaw(
                                "/api/portal/team/members/" + email + "/role",
                                "{\"role\":\"OWNER\"}");

        assertThat(ownRole.code()).isEqualTo("SELF_CHANGE_REFUSED");
        assertThat(ownRole.status()).isEqualTo(422);
        assertThat(withTenant.code()).isEqualTo("MALFORMED_JSON");
        assertThat(invitedElsewhere.code()).isEqualTo("MALFORMED_JSON");
        assertThat(memberSetsOwnRole.status()).isEqualTo(403);
        assertThat(role("acme@demo.ledgerline")).isEqualTo("OWNER");
        assertThat(role(email)).isEqualTo("MEMBER");
        assertThat(
                        jdbc.sql(
                                        "SELECT count(*) FROM portal.invitation WHERE account_id <> 'partner:acme'")
                                .query(Long.class)
                                .single())
                .isZero();
    }

    @Test
    void R7_another_tenants_members_are_out_of_reach() {
        var globex = signedIn("globex@test.ledgerline");

        Reply change =
                globex.putRaw(
                        "/api/portal/team/members/acme-member@demo.ledgerline/role",
                        "{\"role\":\"ADMIN\"}");
        Reply remove = globex.delete("/api/portal/team/members/acme-member@demo.ledgerline");

        assertThat(change.code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(remove.code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(globex.get("/api/portal/team/members").body().findValuesAsText("email"))
                .containsExactly("globex@test.ledgerline");
        assertThat(role("acme-member@demo.ledgerline")).isEqualTo("MEMBER");
    }

    private static String person(String what) {
        return "r7-"
                + what
                + "-"
                + PEOPLE.incrementAndGet()
                + "-"
                + System.nanoTime()
                + "@test.ledgerline";
    }

    private String role(String email) {
        return jdbc.sql("SELECT team_role FROM portal.portal_user WHERE email = ?")
                .param(email)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private List<String> auditActions(String tenant, String email) {
        return jdbc.sql(
                        """
                        SELECT action FROM portal.audit_record
                        WHERE tenant = ? AND (target = ? OR actor = ?) ORDER BY position""")
                .param(tenant)
                .param(email)
                .param("user:" + email)
                .query(String.class)
                .list();
    }

    private long auditContaining(String text) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM portal.audit_record r
                        WHERE strpos(portal.audit_canonical(r), ?) > 0""")
                .param(text)
                .query(Long.class)
                .single();
    }
}
