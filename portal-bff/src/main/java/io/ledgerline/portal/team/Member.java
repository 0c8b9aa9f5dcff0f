package io.ledgerline.portal.team;

import io.ledgerline.portal.session.TeamRole;

/** A person in a tenant's team. */
public record Member(String email, String displayName, TeamRole role) {}
