package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.ledger.account.ChargeCustomerUsageToPartner;
import io.ledgerline.ledger.account.ChargedUsage;
import io.ledgerline.ledger.account.CreditAccount;
import io.ledgerline.ledger.api.CommandAnswer;
import io.ledgerline.ledger.reservation.ReservationDeadlines;

import org.axonframework.commandhandling.GenericCommandMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides one batch of commands inside the current transaction: answers repeats from the command
 * log, hands the rest to their accounts (which stage their events in the partition's {@link
 * PartitionAccounts}), and records every new answer in the same transaction as the events. Returns
 * the answers in batch order, plus what to remember once the batch commits.
 */
final class BatchExecution {

    private final PartitionAccounts accounts;
    private final CommandLog commandLog;
    private final AccountDirectory directory;
    private final ReservationDeadlines deadlines;
    private final Map<AccountId, String> opened = new HashMap<>();
    private final List<CommandLog.Charge> charges = new ArrayList<>();
    private Set<UsageKey> charged = Set.of();

    BatchExecution(
            PartitionAccounts accounts,
            CommandLog commandLog,
            AccountDirectory directory,
            ReservationDeadlines deadlines) {
        this.accounts = accounts;
        this.commandLog = commandLog;
        this.directory = directory;
        this.deadlines = deadlines;
    }

    List<CommandAnswer> run(List<PendingCommand> batch) throws Exception {
        var found =
                commandLog.find(
                        batch.stream().map(p -> p.command().commandId()).distinct().toList(),
                        batch.stream()
                                .flatMap(p -> UsageKey.of(p.command()).stream())
                                .collect(Collectors.toSet()));
        var known = found.answers();
        charged = found.charged();
        var answers = new ArrayList<CommandAnswer>(batch.size());
        var recorded = new ArrayList<CommandLog.Entry>();
        for (var pending : batch) {
            var command = pending.command();
            var earlier = known.get(command.commandId());
            if (earlier != null) {
                answers.add(replay(earlier, pending));
                continue;
            }
            var result = execute(command);
            var entry =
                    new CommandLog.Entry(
                            command.commandId(),
                            command.accountId().value(),
                            pending.payloadHash(),
                            result);
            recorded.add(entry);
            known.put(command.commandId(), entry);
            answers.add(new CommandAnswer(result, false));
        }
        commandLog.record(recorded, charges);
        return answers;
    }

    /** Accounts opened by this batch, to remember in the directory after commit. */
    Map<AccountId, String> opened() {
        return opened;
    }

    private static CommandAnswer replay(CommandLog.Entry earlier, PendingCommand pending) {
        if (earlier.payloadHash().equals(pending.payloadHash())) {
            return new CommandAnswer(earlier.result(), true);
        }
        return new CommandAnswer(
                CommandResult.refused(
                        pending.command().commandId(),
                        Rejection.EXISTS_WITH_DIFFERENT_PAYLOAD,
                        "command id was used before with a different payload"),
                false);
    }

    private CommandResult execute(LedgerCommand command) throws Exception {
        if (command instanceof OpenAccount open) {
            return open(open);
        }
        var partner = partnerOf(command.accountId());
        if (partner == null) {
            return CommandResult.refused(
                    command.commandId(),
                    Rejection.ACCOUNT_NOT_FOUND,
                    "no account " + command.accountId());
        }
        var usageKey = UsageKey.of(command);
        var chargedBefore =
                ChargedUsage.chargedBefore(usageKey.filter(charged::contains).isPresent());
        var account = accounts.load(command.accountId().value());
        CommandResult result;
        if (command instanceof MeterUsage usage
                && Boolean.TRUE.equals(account.invoke(CreditAccount::chargesUsageToPartner))) {
            var partnerAccount = AccountId.partner(partner);
            result =
                    (CommandResult)
                            accounts.load(partnerAccount.value())
                                    .handle(
                                            new GenericCommandMessage<>(
                                                    new ChargeCustomerUsageToPartner(
                                                            partnerAccount, usage),
                                                    chargedBefore));
        } else {
            result =
                    (CommandResult)
                            account.handle(new GenericCommandMessage<>(command, chargedBefore));
        }
        if (result.isPosted()) {
            deadlines.track(command);
            usageKey.ifPresent(key -> charge(key, command.commandId()));
        }
        return result;
    }

    private void charge(UsageKey key, String commandId) {
        charged.add(key);
        charges.add(new CommandLog.Charge(key, commandId));
    }

    private CommandResult open(OpenAccount open) throws Exception {
        var existingPartner = partnerOf(open.accountId());
        if (existingPartner != null) {
            if (!existingPartner.equals(open.partnerId())) {
                return CommandResult.refused(
                        open.commandId(),
                        Rejection.ACCOUNT_EXISTS_WITH_DIFFERENT_PARTNER,
                        open.accountId() + " belongs to partner " + existingPartner);
            }
            return CommandResult.posted(open.commandId(), List.of(), Map.of());
        }
        var account = accounts.open(() -> new CreditAccount(open));
        directory.insert(open.accountId(), open.partnerId());
        opened.put(open.accountId(), open.partnerId());
        return CommandResult.posted(
                open.commandId(), List.of(account.invoke(CreditAccount::lastEventId)), Map.of());
    }

    private String partnerOf(AccountId accountId) {
        var openedHere = opened.get(accountId);
        return openedHere != null ? openedHere : directory.partnerOf(accountId).orElse(null);
    }
}
