package io.ledgerline.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

/** What a non-streamed answer is charged by. */
class AnswerUsageTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    private static Metering.Measured read(String answer) {
        return AnswerUsage.read(answer.getBytes(StandardCharsets.UTF_8), FACTORY, 500, 64);
    }

    @Test
    void the_reported_usage_and_tool_calls_are_read() {
        var measured =
                read(
                        """
                        {"id":"chatcmpl-1","choices":[
                          {"index":0,"message":{"role":"assistant","content":null,
                            "tool_calls":[{"id":"a","function":{"arguments":"{\\"x\\":[1]}"}},{"id":"b"}]}},
                          {"index":1,"message":{"content":"text","tool_calls":[{"id":"c"}]}},
                          "odd"],
                         "usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19,
                                  "completion_tokens_details":{"reasoning_tokens":0}}}
                        """);

        assertThat(measured).isEqualTo(new Metering.Measured(12, 7, 3));
    }

    @Test
    void an_answer_without_usage_is_charged_the_whole_bound() {
        assertThat(read("{\"choices\":[{\"message\":{\"content\":\"hi\"}}]}"))
                .isEqualTo(new Metering.Measured(500, 64, 0));
        assertThat(read("{\"usage\":null}")).isEqualTo(new Metering.Measured(500, 64, 0));
    }

    @Test
    void a_malformed_answer_is_charged_the_whole_bound() {
        assertThat(read("{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}, oops"))
                .isEqualTo(new Metering.Measured(500, 64, 0));
        assertThat(read("not json")).isEqualTo(new Metering.Measured(500, 64, 0));
    }

    @Test
    void missing_token_counts_inside_usage_count_as_zero() {
        assertThat(read("{\"usage\":{\"prompt_tokens\":5}}"))
                .isEqualTo(new Metering.Measured(5, 0, 0));
    }
}
