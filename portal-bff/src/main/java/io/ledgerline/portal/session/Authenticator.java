package io.ledgerline.portal.session;

import io.ledgerline.contracts.ledger.Texts;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/** Checks an e-mail and password against the BCrypt hashes of the portal's users. */
@Component
class Authenticator {

    static final int MAX_PASSWORD_CHARS = 128;
    static final int MAX_EMAIL_CHARS = 254;

    private final UserDirectory users;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

    /** Compared against when the e-mail is unknown, so both refusals take as long. */
    private final String unknownUserHash = passwords.encode("no such user");

    Authenticator(UserDirectory users) {
        this.users = users;
    }

    Optional<PortalUser> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        if (email.length() > MAX_EMAIL_CHARS || password.length() > MAX_PASSWORD_CHARS) {
            return Optional.empty();
        }
        // No user has such an e-mail, and PostgreSQL would refuse a NUL in the lookup.
        if (Texts.problem(email, MAX_EMAIL_CHARS).isPresent()) {
            return Optional.empty();
        }
        var stored = users.byEmail(email);
        var hash = stored.map(UserDirectory.StoredUser::passwordHash).orElse(unknownUserHash);
        boolean matches = passwords.matches(password, hash);
        return stored.filter(user -> matches).map(UserDirectory.StoredUser::user);
    }

    /**
     * The e-mail as a record may keep it: trimmed, lower-cased, and nothing a database refuses or a
     * log could be fooled by.
     */
    static String recordable(String email) {
        if (email == null) {
            return "";
        }
        var trimmed = email.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() > MAX_EMAIL_CHARS
                || Texts.problem(trimmed, MAX_EMAIL_CHARS).isPresent()) {
            return "(not an e-mail)";
        }
        return trimmed;
    }

    /** The account of the user this e-mail names, if any. */
    Optional<String> tenantOf(String email) {
        var recordable = recordable(email);
        if (recordable.isEmpty() || recordable.startsWith("(")) {
            return Optional.empty();
        }
        return users.byEmail(recordable).map(stored -> stored.user().accountId());
    }
}
