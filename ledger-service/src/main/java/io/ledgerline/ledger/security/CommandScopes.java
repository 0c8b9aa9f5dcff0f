package io.ledgerline.ledger.security;

import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.ledger.command.ReverseTransfer;
import io.ledgerline.contracts.ledger.command.SettleReservation;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes that may send each kind of command, for the batch endpoint, where one request holds
 * commands of several kinds: the endpoint's own door is not enough, each command needs its own. A
 * settlement books usage, so whoever meters may settle as well as whoever reserved.
 */
public final class CommandScopes {

    private static final Map<Class<? extends LedgerCommand>, Set<String>> BY_TYPE =
            Map.ofEntries(
                    Map.entry(OpenAccount.class, Set.of(LedgerDoors.ACCOUNTS)),
                    Map.entry(ConfigureAiCredits.class, Set.of(LedgerDoors.ACCOUNTS)),
                    Map.entry(AddCredits.class, Set.of(LedgerDoors.CREDITS)),
                    Map.entry(DeductCredits.class, Set.of(LedgerDoors.CREDITS)),
                    Map.entry(ReverseTransfer.class, Set.of(LedgerDoors.CREDITS)),
                    Map.entry(MeterUsage.class, Set.of(LedgerDoors.METER)),
                    Map.entry(ReserveCredits.class, Set.of(LedgerDoors.RESERVE)),
                    Map.entry(ReserveKeyDeposit.class, Set.of(LedgerDoors.RESERVE)),
                    Map.entry(ReleaseReservation.class, Set.of(LedgerDoors.RESERVE)),
                    Map.entry(
                            SettleReservation.class,
                            Set.of(LedgerDoors.RESERVE, LedgerDoors.METER)));

    private CommandScopes() {}

    /** The scopes declared for a kind of command; empty when none is. */
    static Set<String> declaredFor(Class<?> type) {
        return BY_TYPE.getOrDefault(type, Set.of());
    }

    /** The scopes any one of which allows {@code command}. */
    public static Set<String> allowing(LedgerCommand command) {
        var scopes = BY_TYPE.get(command.getClass());
        if (scopes == null) {
            throw new IllegalStateException(
                    "No scope is declared for " + command.getClass().getSimpleName());
        }
        return scopes;
    }

    /** Whether the current caller's token holds a scope allowing {@code command}. */
    public static boolean callerMay(LedgerCommand command) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        Set<String> held =
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet());
        return allowing(command).stream().anyMatch(scope -> held.contains("SCOPE_" + scope));
    }
}
