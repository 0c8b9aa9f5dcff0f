package io.ledgerline.websecurity;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Optional;

/**
 * Every door of a service: which scope each endpoint needs, and the few paths anyone may open. The
 * security filter chain is built from it, and so is the test that walks every endpoint of the
 * service's OpenAPI document, so the two can never disagree.
 *
 * @param audience the audience a token must name to be accepted here (the service's name)
 * @param doors the endpoints and their scopes, first match wins
 * @param publicPaths paths open without a credential (health)
 */
public record Doors(String audience, List<Door> doors, List<String> publicPaths) {

    public static final List<String> HEALTH = List.of("/actuator/health", "/actuator/health/**");

    public Doors {
        doors = List.copyOf(doors);
        publicPaths = List.copyOf(publicPaths);
    }

    public static Doors of(String audience, Door... doors) {
        return new Doors(audience, List.of(doors), HEALTH);
    }

    /** The scope a request to this method and path needs; empty when no door covers it. */
    public Optional<String> scopeFor(String method, String path) {
        var container = PathContainer.parsePath(path);
        return doors.stream()
                .filter(door -> door.method().matches(method))
                .filter(
                        door ->
                                PathPatternParser.defaultInstance
                                        .parse(door.pattern())
                                        .matches(container))
                .map(Door::scope)
                .findFirst();
    }

    public boolean isPublic(String path) {
        var container = PathContainer.parsePath(path);
        return publicPaths.stream()
                .anyMatch(p -> PathPatternParser.defaultInstance.parse(p).matches(container));
    }

    /** Every scope some door of this service needs. */
    public List<String> scopes() {
        return doors.stream().map(Door::scope).distinct().sorted().toList();
    }
}
