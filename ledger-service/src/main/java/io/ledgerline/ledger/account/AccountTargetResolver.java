package io.ledgerline.ledger.account;

import io.ledgerline.contracts.ledger.command.LedgerCommand;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Tells Axon which account a command is for. The commands live in {@code contracts}, which stays
 * free of Axon's annotations, so the target is read from the records themselves.
 */
public class AccountTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        var payload = command.getPayload();
        if (payload instanceof ChargeCustomerUsageToPartner routed) {
            return new VersionedAggregateIdentifier(routed.partner().value(), null);
        }
        if (payload instanceof LedgerCommand ledgerCommand) {
            return new VersionedAggregateIdentifier(ledgerCommand.accountId().value(), null);
        }
        throw new IllegalArgumentException("not a ledger command: " + payload.getClass().getName());
    }
}
