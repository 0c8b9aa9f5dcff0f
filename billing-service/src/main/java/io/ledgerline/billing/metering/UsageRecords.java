package io.ledgerline.billing.metering;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/** Reads a {@code usage.v1} record and checks it can be rated at all; anything else is poison. */
final class UsageRecords {

    static final String TYPE = UsageRecorded.class.getSimpleName();

    private UsageRecords() {}

    static UsageRecorded read(ConsumerRecord<String, byte[]> record) {
        var typeHeader = record.headers().lastHeader(Topics.TYPE_HEADER);
        var type =
                typeHeader == null ? null : new String(typeHeader.value(), StandardCharsets.UTF_8);
        if (!TYPE.equals(type)) {
            throw new PoisonRecordException(
                    "expected " + Topics.TYPE_HEADER + " " + TYPE + " but got " + type);
        }
        if (record.value() == null) {
            throw new PoisonRecordException("usage record without a value");
        }
        UsageRecorded usage;
        try {
            usage = ContractJson.fromBytes(record.value(), UsageRecorded.class);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable UsageRecorded: " + e.getMessage(), e);
        }
        return validated(usage);
    }

    private static UsageRecorded validated(UsageRecorded usage) {
        require(Ids.isSafe(usage.requestId()), "requestId is missing or malformed");
        require(usage.eventId() != null && !usage.eventId().isBlank(), "eventId is missing");
        require(usage.source() != null, "source is missing");
        require(usage.tokensIn() >= 0 && usage.tokensOut() >= 0, "token counts are negative");
        require(usage.callSeconds() >= 0 && usage.toolCalls() >= 0, "agent figures are negative");
        require(usage.partnerId() == null || Ids.isSafe(usage.partnerId()), "bad partnerId");
        require(usage.customerId() == null || Ids.isSafe(usage.customerId()), "bad customerId");
        if (usage.costLines() != null) {
            for (var line : usage.costLines()) {
                require(
                        line != null && line.amountUcr() != null && !line.amountUcr().isNegative(),
                        "a cost line is missing or negative");
            }
        }
        return usage;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new PoisonRecordException("invalid UsageRecorded: " + problem);
        }
    }
}
