package io.ledgerline.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.contracts.problem.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    record Body(String note, long amountUcr, Boolean enabled) {}

    private final ObjectMapper mapper = StrictJson.configure(JsonMapper.builder()).build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"note\":\"x\",\"amountUcr\":1} trailing",
                "{\"note\":\"x\",\"amountUcr\":1}{\"note\":\"y\",\"amountUcr\":2}",
                "{\"note\":\"x\",\"amountUcr\":\"1\"}",
                "{\"note\":\"x\",\"amountUcr\":1.5}",
                "{\"note\":\"x\",\"amountUcr\":1e3}",
                "{\"note\":\"x\",\"amountUcr\":null}",
                "{\"note\":\"x\",\"amountUcr\":92233720368547758070}",
                "{\"note\":1,\"amountUcr\":1}",
                "{\"note\":\"x\",\"amountUcr\":1,\"enabled\":\"true\"}",
                "{\"note\":\"x\",\"amountUcr\":1,\"enabled\":1}",
                "{\"note\":\"x\",\"note\":\"y\",\"amountUcr\":1}",
                "{\"note\":\"a\\u0000b\",\"amountUcr\":1}",
                "{\"note\":\"\\ud800\",\"amountUcr\":1}",
            })
    void refuses_what_is_not_exactly_the_expected_shape(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Body.class)).isNotNull();
    }

    @Test
    void a_nul_is_refused_as_unstorable_text_naming_the_field() {
        assertThatThrownBy(() -> mapper.readValue("{\"note\":\"a\\u0000b\"}", Body.class))
                .isInstanceOf(StrictJson.UnstorableText.class)
                .satisfies(
                        e ->
                                assertThat(
                                                ((StrictJson.UnstorableText) e)
                                                        .getPath()
                                                        .get(0)
                                                        .getFieldName())
                                        .isEqualTo("note"));
    }

    @Test
    void reads_a_well_formed_body_with_its_text_normalised() throws Exception {
        var body = mapper.readValue("{\"note\":\"caf\\u0065\\u0301\",\"amountUcr\":5}", Body.class);

        assertThat(body).isEqualTo(new Body("caf\u00e9", 5, null));
    }

    record Timed(java.time.Instant occurredAt) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"occurredAt\":\"\\u0000\"}",
                "{\"occurredAt\":\"\"}",
                "{\"occurredAt\":\" \\t\"}"
            })
    void a_time_of_nothing_but_control_characters_or_blanks_is_refused_not_read_as_missing(
            String json) {
        var timed =
                StrictJson.configure(JsonMapper.builder())
                        .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                        .build();

        assertThatThrownBy(() -> timed.readValue(json, Timed.class)).isNotNull();
    }

    @Test
    void a_time_is_read() throws Exception {
        var timed =
                StrictJson.configure(JsonMapper.builder())
                        .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                        .build();

        assertThat(timed.readValue("{\"occurredAt\":\"2026-12-03T18:00:00Z\"}", Timed.class))
                .isEqualTo(new Timed(java.time.Instant.parse("2026-12-03T18:00:00Z")));
    }

    record Lines(java.util.List<Body> lines) {}

    @Test
    void a_read_failure_becomes_the_shared_problem_naming_the_field_by_its_json_path() {
        var unstorable = problemReading("{\"lines\":[{\"note\":\"a\\u0000\"}]}", Lines.class);
        assertThat(unstorable.code()).isEqualTo("INVALID_TEXT");
        assertThat(unstorable.field()).isEqualTo("lines[0].note");

        var fraction = problemReading("{\"note\":\"x\",\"amountUcr\":1.5}", Body.class);
        assertThat(fraction.code()).isEqualTo("MALFORMED_JSON");
        assertThat(fraction.field()).isEqualTo("amountUcr");
    }

    private Problem problemReading(String json, Class<?> type) {
        var thrown = catchThrowable(() -> mapper.readValue(json, type));
        assertThat(thrown).isNotNull();
        return StrictJson.problemOf(thrown);
    }
}
