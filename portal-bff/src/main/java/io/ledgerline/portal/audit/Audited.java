package io.ledgerline.portal.audit;

import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.DownstreamRefusal;

import org.springframework.stereotype.Component;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A privileged call to a service behind the portal, recorded once the service has answered: with
 * what it did when it did it, with its refusal code when it refused. There is no transaction to
 * share with another service, so the record follows the answer rather than joining the change.
 */
@Component
public class Audited {

    private final AuditLog log;

    Audited(AuditLog log) {
        this.log = log;
    }

    public <T> T call(AuditEntry entry, Supplier<T> downstream, Function<T, Object> after) {
        T answer;
        try {
            answer = downstream.get();
        } catch (DownstreamRefusal refused) {
            log.record(entry.withOutcome(refused.code()));
            throw refused;
        } catch (Refused refused) {
            log.record(entry.withOutcome(refused.problem().code()));
            throw refused;
        }
        log.record(
                new AuditEntry(
                        entry.tenant(),
                        entry.actor(),
                        entry.action(),
                        entry.target(),
                        entry.before(),
                        after.apply(answer),
                        AuditEntry.OK));
        return answer;
    }
}
