-- Axon's JDBC event store. Payloads and metadata are bytea (never large objects), and the global
-- index is a plain bigserial stepping by 1, so tracking processors see one gap-free order.
CREATE TABLE ledger.domain_event_entry (
    global_index         bigserial    PRIMARY KEY,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    time_stamp           varchar(255) NOT NULL,
    payload_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload              bytea        NOT NULL,
    meta_data            bytea,
    UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE ledger.snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    time_stamp           varchar(255) NOT NULL,
    payload_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload              bytea        NOT NULL,
    meta_data            bytea,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

CREATE TABLE ledger.token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    PRIMARY KEY (processor_name, segment)
);

-- Every command the ledger answered, so a repeated command id gets the first answer back.
-- Written in the same transaction as the events the command appended.
CREATE TABLE ledger.command_log (
    command_id   varchar(64)  PRIMARY KEY,
    account_id   varchar(140) NOT NULL,
    payload_hash char(64)     NOT NULL,
    result       bytea        NOT NULL,
    recorded_at  timestamptz  NOT NULL DEFAULT now()
);

-- Which holders exist and under which partner: lets the writer route a command to the partition
-- of its partner before loading anything. Written with the AccountOpened event.
CREATE TABLE ledger.account_directory (
    account_id varchar(140) PRIMARY KEY,
    partner_id varchar(64)  NOT NULL
);

-- Open reservations with a deadline, so expired holds can be released after a restart too.
CREATE TABLE ledger.reservation_deadline (
    account_id     varchar(140) NOT NULL,
    reservation_id varchar(64)  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    PRIMARY KEY (account_id, reservation_id)
);
CREATE INDEX reservation_deadline_expires_at ON ledger.reservation_deadline (expires_at);
