package io.ledgerline.ledger.config;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.ledger.account.AccountTargetResolver;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Axon on PostgreSQL through JDBC: snake_case tables owned by Flyway, Jackson for everything. */
@Configuration
public class AxonConfig {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return contractSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return contractSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return contractSerializer();
    }

    @Bean
    public CommandTargetResolver commandTargetResolver() {
        return new AccountTargetResolver();
    }

    /** Keeps recently used accounts in memory so a busy account is not re-sourced per command. */
    @Bean
    public Cache accountCache(
            @Value("${ledgerline.writer.max-cached-accounts:200000}") int maxCachedAccounts) {
        return new BoundedAccountCache(maxCachedAccounts);
    }

    private static Serializer contractSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(ContractJson.configure(JsonMapper.builder()).build())
                .build();
    }
}
