package io.ledgerline.ledger.writer;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

/**
 * Whether a failed append lost a race with another writer over one store: a unique key refused it
 * (an account's sequence number, a command id, a usage id, an account opened twice). Such a batch
 * is worth deciding again against the accounts as the store now holds them.
 */
final class AppendConflicts {

    private static final String UNIQUE_VIOLATION = "23505";

    private AppendConflicts() {}

    static boolean isConflict(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException
                    || cause instanceof AggregateStreamCreationException
                    || cause instanceof DataIntegrityViolationException
                    || isUniqueViolation(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(Throwable cause) {
        for (var sql = cause instanceof SQLException e ? e : null;
                sql != null;
                sql = sql.getNextException()) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
