package io.ledgerline.portal.team;

import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.session.TeamRole;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** R7: the signed-in tenant's team, for owners and admins. */
@RestController
@RequestMapping("/api/portal/team")
class TeamController {

    record Invite(String email, TeamRole role) {}

    record RoleChange(TeamRole role) {}

    /**
     * The link carries the one-time token; it is shown here once (until invitations go out by
     * mail), and only its hash is kept.
     */
    record Invitation(String email, TeamRole role, Instant expiresAt, String link) {}

    private final Team team;
    private final Permissions permissions;

    TeamController(Team team, Permissions permissions) {
        this.team = team;
        this.permissions = permissions;
    }

    @GetMapping("/members")
    List<Member> members(PortalUser user) {
        permissions.require(user, Permission.TEAM);
        return team.members(user);
    }

    @PostMapping(path = "/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Invitation invite(PortalUser user, @RequestBody Invite body) {
        var callerRole = permissions.require(user, Permission.TEAM);
        var role = RequestFields.required("role", body.role());
        var invited = team.invite(user, callerRole, body.email(), role);
        return new Invitation(
                invited.email(),
                invited.role(),
                invited.expiresAt(),
                InvitationController.LINK + invited.token());
    }

    @PutMapping(path = "/members/{email}/role", consumes = MediaType.APPLICATION_JSON_VALUE)
    Member changeRole(PortalUser user, @PathVariable String email, @RequestBody RoleChange body) {
        var callerRole = permissions.require(user, Permission.TEAM);
        return team.changeRole(
                user, callerRole, email, RequestFields.required("role", body.role()));
    }

    @DeleteMapping("/members/{email}")
    ResponseEntity<Void> remove(PortalUser user, @PathVariable String email) {
        var callerRole = permissions.require(user, Permission.TEAM);
        team.remove(user, callerRole, email);
        return ResponseEntity.noContent().build();
    }
}
