package io.ledgerline.auth.tokens;

import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;
import java.util.Set;

/**
 * A token's audience is the services its scopes are for: {@code ledger.reserve} is for {@code
 * ledger}. A service accepts only tokens that name it, so a token obtained for billing is no key to
 * the ledger even when it is otherwise valid.
 */
public final class Audiences implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static List<String> of(Set<String> scopes) {
        return scopes.stream()
                .filter(scope -> scope.indexOf('.') > 0)
                .map(scope -> scope.substring(0, scope.indexOf('.')))
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getClaims().audience(of(context.getAuthorizedScopes()));
    }
}
