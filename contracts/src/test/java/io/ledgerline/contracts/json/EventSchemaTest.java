package io.ledgerline.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.ledgerline.contracts.gateway.KeyChanged;
import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Every event type has a JSON schema, and what the services really serialise satisfies it. */
class EventSchemaTest {

    static JsonSchema schema(String path) {
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (var in = EventSchemaTest.class.getResourceAsStream(path)) {
            assertThat(in).as("schema " + path).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String violations(JsonSchema schema, JsonNode json) {
        return schema.validate(json).stream()
                .map(Object::toString)
                .collect(Collectors.joining("; "));
    }

    static List<LedgerEvent> samples() {
        return SampleEvents.all();
    }

    @Test
    void every_registered_ledger_event_type_has_a_schema_and_a_sample() {
        var sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(LedgerEventTypes.ALL);
        LedgerEventTypes.ALL.forEach(type -> schema(LedgerEventTypes.schemaPath(type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serialised_ledger_events_satisfy_their_schema(LedgerEvent event) {
        var json = ContractJson.mapper().valueToTree(event);
        var schema = schema(LedgerEventTypes.schemaPath(event.getClass()));

        assertThat(violations(schema, json)).isEmpty();
        assertThat(ContractJson.fromBytes(ContractJson.toBytes(event), event.getClass()))
                .isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_schema_rejects_a_negative_amount_or_a_missing_header(LedgerEvent event) {
        var schema = schema(LedgerEventTypes.schemaPath(event.getClass()));
        ObjectNode noHeader = ContractJson.mapper().valueToTree(event);
        noHeader.remove("header");
        assertThat(violations(schema, noHeader)).isNotEmpty();

        ObjectNode json = ContractJson.mapper().valueToTree(event);
        if (json.get("transfer") instanceof ObjectNode transfer) {
            transfer.put("amountUcr", -1);
            assertThat(violations(schema, json)).contains("amountUcr");
        }
    }

    @Test
    void usage_and_key_events_satisfy_their_schemas() {
        var usage =
                new UsageRecorded(
                        "e1",
                        "req-1",
                        UsageRecorded.Source.GATEWAY,
                        "k1",
                        "acme",
                        "bistro",
                        "gpt-4o-mini",
                        1200,
                        300,
                        850,
                        0,
                        1,
                        List.of(
                                new UsageRecorded.CostLine(
                                        UsageRecorded.CostLine.Kind.LLM, Credits.parse("0.42"))),
                        new UsageRecorded.CustomerBilling(150, Credits.ofCredits(1), null),
                        "key-k1",
                        Instant.parse("2026-11-23T10:00:00Z"));
        var key =
                new KeyStatusChanged(
                        "e2",
                        "k1",
                        "acme",
                        "bistro",
                        KeyStatusChanged.KeyKind.CUSTOMER_SELF_SERVICE,
                        KeyStatusChanged.KeyStatus.SUSPENDED,
                        "partner below 1,000 credits",
                        Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(
                        violations(
                                schema("/schemas/usage/UsageRecorded.v1.json"),
                                ContractJson.mapper().valueToTree(usage)))
                .isEmpty();
        assertThat(
                        violations(
                                schema("/schemas/gateway/KeyStatusChanged.v1.json"),
                                ContractJson.mapper().valueToTree(key)))
                .isEmpty();
    }

    @Test
    void key_change_notices_satisfy_their_schema_and_never_name_more_than_the_key() {
        var changed =
                new KeyChanged(
                        "e3",
                        "k1",
                        "acme",
                        KeyChanged.Change.REGENERATED,
                        Instant.parse("2026-11-23T10:00:00Z"));
        ObjectNode json = ContractJson.mapper().valueToTree(changed);

        assertThat(violations(schema("/schemas/gateway/KeyChanged.v1.json"), json)).isEmpty();
        assertThat(ContractJson.fromBytes(ContractJson.toBytes(changed), KeyChanged.class))
                .isEqualTo(changed);
        json.put("secret", "llk_x");
        assertThat(violations(schema("/schemas/gateway/KeyChanged.v1.json"), json))
                .contains("secret");
    }

    @Test
    void an_auto_top_up_stop_satisfies_its_schema_and_reads_back_the_same() {
        var stopped =
                new io.ledgerline.contracts.billing.AutoTopUpStopped(
                        "auto-top-up-stopped:auto-e1",
                        "bistro",
                        "acme",
                        "auto-e1",
                        "plan-1",
                        "CARD_DECLINED",
                        Credits.ofCredits(4),
                        Credits.ofCredits(10),
                        Instant.parse("2026-11-23T10:00:00Z"));
        ObjectNode json = ContractJson.mapper().valueToTree(stopped);

        assertThat(violations(schema("/schemas/billing/AutoTopUpStopped.v1.json"), json)).isEmpty();
        assertThat(
                        ContractJson.fromBytes(
                                ContractJson.toBytes(stopped),
                                io.ledgerline.contracts.billing.AutoTopUpStopped.class))
                .isEqualTo(stopped);
    }
}
