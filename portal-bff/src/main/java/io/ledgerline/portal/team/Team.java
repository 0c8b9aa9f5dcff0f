package io.ledgerline.portal.team;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.NotificationRefusal;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.AuditLog;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.session.TeamRole;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Team changes, each with its audit record in the same transaction. The caller's permission is
 * checked before; here the rules between members: only an owner makes or unmakes an owner, nobody
 * changes their own role, and a team always keeps an owner.
 */
@Service
class Team {

    static final int MIN_PASSWORD_CHARS = 10;
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_EMAIL_CHARS = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    record Invited(String email, TeamRole role, Instant expiresAt, String token) {}

    private final TeamDirectory members;
    private final Invitations invitations;
    private final AuditLog audit;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

    Team(TeamDirectory members, Invitations invitations, AuditLog audit) {
        this.members = members;
        this.invitations = invitations;
        this.audit = audit;
    }

    List<Member> members(PortalUser user) {
        return members.members(user.accountId());
    }

    @Transactional
    Invited invite(PortalUser user, TeamRole callerRole, String rawEmail, TeamRole role) {
        var email = email(rawEmail);
        requireOwnerFor(callerRole, role);
        if (members.loginExists(email)) {
            throw Refused.field(
                    PortalRefusal.ALREADY_A_MEMBER, "email", "this e-mail already has a login");
        }
        var issued = invitations.issue(user.accountId(), email, role, AuditEntry.actorOf(user));
        audit.record(
                AuditEntry.by(
                        user,
                        AuditAction.MEMBER_INVITED,
                        email,
                        null,
                        Map.of("role", role, "expiresAt", issued.expiresAt().toString())));
        return new Invited(email, role, issued.expiresAt(), issued.token());
    }

    @Transactional
    Member accept(String token, String password, String displayName) {
        var pending =
                invitations
                        .claim(token)
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                PortalRefusal.INVITATION_NOT_VALID,
                                                "this invitation is unknown, used or expired"));
        // BCrypt reads at most 72 bytes; a longer password would be cut without a word.
        if (password.length() < MIN_PASSWORD_CHARS
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "password",
                    "a password has at least "
                            + MIN_PASSWORD_CHARS
                            + " characters and at most "
                            + MAX_PASSWORD_BYTES
                            + " bytes");
        }
        if (members.loginExists(pending.email())) {
            throw new Refused(PortalRefusal.ALREADY_A_MEMBER, "this e-mail already has a login");
        }
        members.add(
                pending.accountId(),
                pending.email(),
                displayName,
                pending.role(),
                passwords.encode(password));
        invitations.accepted(pending.id());
        audit.record(
                new AuditEntry(
                        pending.accountId(),
                        "user:" + pending.email(),
                        AuditAction.INVITATION_ACCEPTED,
                        pending.email(),
                        null,
                        Map.of("role", pending.role()),
                        AuditEntry.OK));
        return new Member(pending.email(), displayName, pending.role());
    }

    @Transactional
    Member changeRole(PortalUser user, TeamRole callerRole, String rawEmail, TeamRole role) {
        var email = notSelf(user, rawEmail);
        var team = members.lockTeam(user.accountId());
        var member = memberIn(team, email);
        requireOwnerFor(callerRole, member.role());
        requireOwnerFor(callerRole, role);
        if (member.role() == TeamRole.OWNER && role != TeamRole.OWNER) {
            requireAnotherOwner(team, email);
        }
        members.changeRole(user.accountId(), email, role);
        audit.record(
                AuditEntry.by(
                        user,
                        AuditAction.MEMBER_ROLE_CHANGED,
                        email,
                        Map.of("role", member.role()),
                        Map.of("role", role)));
        return new Member(member.email(), member.displayName(), role);
    }

    /** Removing oneself is leaving the team, which the last owner may not. */
    @Transactional
    void remove(PortalUser user, TeamRole callerRole, String rawEmail) {
        var email = email(rawEmail);
        var team = members.lockTeam(user.accountId());
        var member = memberIn(team, email);
        requireOwnerFor(callerRole, member.role());
        if (member.role() == TeamRole.OWNER) {
            requireAnotherOwner(team, email);
        }
        members.remove(user.accountId(), email);
        audit.record(
                AuditEntry.by(
                        user,
                        AuditAction.MEMBER_REMOVED,
                        email,
                        Map.of("role", member.role(), "displayName", member.displayName()),
                        null));
    }

    private static Member memberIn(List<Member> team, String email) {
        return team.stream()
                .filter(m -> m.email().equals(email))
                .findFirst()
                .orElseThrow(
                        () -> new Refused(PortalRefusal.MEMBER_NOT_FOUND, "no such member here"));
    }

    private static void requireAnotherOwner(List<Member> team, String leaving) {
        boolean another =
                team.stream()
                        .anyMatch(m -> m.role() == TeamRole.OWNER && !m.email().equals(leaving));
        if (!another) {
            throw new Refused(PortalRefusal.LAST_OWNER, "a team keeps at least one owner");
        }
    }

    /** Only an owner gives or takes the owner role. */
    private static void requireOwnerFor(TeamRole callerRole, TeamRole concerned) {
        if (concerned == TeamRole.OWNER && callerRole != TeamRole.OWNER) {
            throw new Refused(
                    PortalRefusal.PERMISSION_REQUIRED, "only an owner makes or changes an owner");
        }
    }

    private static String notSelf(PortalUser user, String rawEmail) {
        var email = email(rawEmail);
        if (email.equals(user.email())) {
            throw new Refused(
                    PortalRefusal.SELF_CHANGE_REFUSED, "another owner or admin changes your role");
        }
        return email;
    }

    static String email(String raw) {
        if (raw == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, "email", "email is required");
        }
        var email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_CHARS || !EMAIL.matcher(email).matches()) {
            throw Refused.field(NotificationRefusal.INVALID_EMAIL, "email", "not an e-mail");
        }
        return email;
    }
}
