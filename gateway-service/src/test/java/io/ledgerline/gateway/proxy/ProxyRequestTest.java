package io.ledgerline.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.gateway.admission.Admission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

/** What the gateway reads from a request body, and what it refuses, without a running server. */
class ProxyRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelCatalogue CATALOGUE = ModelCatalogue.standard();
    private static final String NOT_ONE_OBJECT =
            "The body must be exactly one JSON object, with nothing after it.";
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private static ProxyRequest chat(String body) {
        return ProxyRequest.chat(bytes(body), JSON, CATALOGUE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_chat_request_is_read_and_forwarded_byte_for_byte() {
        var body =
                "{\"model\":\"gpt-4o-mini\","
                        + MESSAGES
                        + ",\"max_tokens\":16,\"tools\":[{\"type\":\"function\"}]}";
        var request = chat(body);

        assertThat(request.refusal()).isNull();
        assertThat(request.price().model()).isEqualTo("gpt-4o-mini");
        assertThat(request.maxCompletionTokens()).isEqualTo(16);
        assertThat(request.promptTokensBound()).isEqualTo(body.length());
        assertThat(request.stream()).isFalse();
        assertThat(request.forwardBody()).isEqualTo(bytes(body));
    }

    @Test
    void without_a_limit_the_default_completion_budget_is_held() {
        var request = chat("{\"model\":\"gpt-4o-mini\"," + MESSAGES + ",\"max_tokens\":null}");

        assertThat(request.maxCompletionTokens())
                .isEqualTo(Admission.DEFAULT_MAX_COMPLETION_TOKENS);
    }

    @Test
    void max_completion_tokens_wins_over_max_tokens_even_when_null() {
        assertThat(
                        chat("{\"model\":\"gpt-4o-mini\","
                                        + MESSAGES
                                        + ",\"max_tokens\":9,\"max_completion_tokens\":40}")
                                .maxCompletionTokens())
                .isEqualTo(40);
        assertThat(
                        chat("{\"max_completion_tokens\":null,\"model\":\"gpt-4o-mini\","
                                        + MESSAGES
                                        + ",\"max_tokens\":9}")
                                .maxCompletionTokens())
                .isEqualTo(Admission.DEFAULT_MAX_COMPLETION_TOKENS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "1.5", "\"16\"", "true", "[16]", "99999999999999999999999"})
    void a_limit_that_is_not_a_positive_whole_number_is_refused(String limit) {
        var request =
                chat("{\"model\":\"gpt-4o-mini\"," + MESSAGES + ",\"max_tokens\":" + limit + "}");

        assertThat(request.refusal().status()).isEqualTo(400);
        assertThat(request.refusal().param()).isEqualTo("max_tokens");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "\"text\"",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\"}]",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",}]}",
                "{\"model\":\"gpt-4o-mini\" \"messages\":[]}"
            })
    void a_body_that_is_not_one_well_formed_object_is_refused(String body) {
        var request = chat(body);

        assertThat(request.refusal().status()).isEqualTo(400);
        assertThat(request.refusal().message()).isEqualTo(NOT_ONE_OBJECT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"model\":\"gpt-4o-mini\"," + MESSAGES + "} trailing",
                "{\"model\":\"gpt-4o-mini\"," + MESSAGES + "}}",
                "{\"model\":\"gpt-4o-mini\"," + MESSAGES + "}{\"model\":\"gpt-4o\"}",
                "{\"model\":\"gpt-4o-mini\"," + MESSAGES + "}\n{\"max_tokens\":1}",
                "{\"model\":\"gpt-4o-mini\"," + MESSAGES + "} 1",
                "{\"model\":\"gpt-4o-mini\"," + MESSAGES + "} null"
            })
    void a_body_with_trailing_content_or_two_objects_is_refused(String body) {
        var request = chat(body);

        assertThat(request.refusal().status()).isEqualTo(400);
        assertThat(request.refusal().code()).isEqualTo("invalid_request");
        assertThat(request.refusal().message()).isEqualTo(NOT_ONE_OBJECT);
        var embeddings =
                ProxyRequest.embeddings(
                        bytes(body.replace(MESSAGES, "\"input\":\"a\"")), JSON, CATALOGUE);
        assertThat(embeddings.refusal().message()).isEqualTo(NOT_ONE_OBJECT);
    }

    @Test
    void trailing_whitespace_after_the_object_is_accepted() {
        assertThat(chat("{\"model\":\"gpt-4o-mini\"," + MESSAGES + "}\r\n \t").refusal()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"max_tokens", "max_completion_tokens"})
    void a_limit_of_long_max_is_refused_with_its_param(String field) {
        var request =
                chat(
                        "{\"model\":\"gpt-4o-mini\","
                                + MESSAGES
                                + ",\""
                                + field
                                + "\":"
                                + Long.MAX_VALUE
                                + "}");

        assertThat(request.refusal().status()).isEqualTo(400);
        assertThat(request.refusal().type()).isEqualTo("invalid_request_error");
        assertThat(request.refusal().code()).isEqualTo("invalid_request");
        assertThat(request.refusal().param()).isEqualTo(field);
    }

    @Test
    void a_limit_up_to_the_named_maximum_is_admitted_and_one_more_is_not() {
        var max = RequestFields.MAX_COMPLETION_TOKENS;
        var at = chat("{\"model\":\"gpt-4o-mini\"," + MESSAGES + ",\"max_tokens\":" + max + "}");
        var above =
                chat(
                        "{\"model\":\"gpt-4o-mini\","
                                + MESSAGES
                                + ",\"max_tokens\":"
                                + (max + 1)
                                + "}");

        assertThat(at.refusal()).isNull();
        assertThat(at.maxCompletionTokens()).isEqualTo(max);
        assertThat(above.refusal().param()).isEqualTo("max_tokens");
    }

    @Test
    void the_worst_case_cost_at_the_largest_limit_and_body_fits_for_every_model() {
        for (var price : CATALOGUE.all()) {
            var cost =
                    Rating.platformCost(
                            price,
                            RequestBodies.MAX_BODY_BYTES,
                            RequestFields.MAX_COMPLETION_TOKENS);
            // Even a millionfold markup on the largest request would still fit in a long.
            assertThat(cost.ucr()).isLessThan(Long.MAX_VALUE / 1_000_000);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"stream\":\"true\"",
                "\"stream\":1",
                "\"stream\":{}",
                "\"stream_options\":\"include_usage\"",
                "\"stream_options\":{\"include_usage\":\"true\"}",
                "\"model\":7",
                "\"model\":[\"gpt-4o-mini\"]",
                "\"max_tokens\":\"1\"",
                "\"max_tokens\":1.5",
                "\"max_tokens\":1e3",
                "\"max_completion_tokens\":\"1\""
            })
    void a_field_of_the_wrong_type_is_refused_not_coerced(String field) {
        var request = chat("{\"model\":\"gpt-4o-mini\"," + MESSAGES + "," + field + "}");

        assertThat(request.refusal()).isNotNull();
        assertThat(request.refusal().status()).isEqualTo(400);
        var name = field.substring(1, field.indexOf('"', 1));
        assertThat(request.refusal().param()).startsWith(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"messages\":[]", ",\"messages\":{}", ",\"messages\":\"hi\""})
    void messages_must_be_a_non_empty_array(String messages) {
        var request = chat("{\"model\":\"gpt-4o-mini\"" + messages + "}");

        assertThat(request.refusal().param()).isEqualTo("messages");
    }

    @Test
    void the_model_is_required_and_must_be_sold() {
        assertThat(chat("{" + MESSAGES + "}").refusal().param()).isEqualTo("model");
        assertThat(chat("{\"model\":\"  \"," + MESSAGES + "}").refusal().param())
                .isEqualTo("model");
        assertThat(chat("{\"model\":7," + MESSAGES + "}").refusal().param()).isEqualTo("model");
        assertThat(chat("{\"model\":\"gpt-unknown\"," + MESSAGES + "}").refusal().status())
                .isEqualTo(404);
    }

    @Test
    void a_field_given_twice_counts_by_its_last_value() {
        var request =
                chat(
                        "{\"model\":\"gpt-unknown\",\"max_tokens\":3,"
                                + MESSAGES
                                + ",\"model\":\"gpt-4o-mini\",\"max_tokens\":5}");

        assertThat(request.price().model()).isEqualTo("gpt-4o-mini");
        assertThat(request.maxCompletionTokens()).isEqualTo(5);
    }

    @Test
    void a_stream_is_forwarded_with_usage_in_its_final_chunk() throws Exception {
        var request = chat("{\"model\":\"gpt-4o-mini\"," + MESSAGES + ",\"stream\":true}");

        assertThat(request.stream()).isTrue();
        var forwarded = JSON.readTree(request.forwardBody());
        assertThat(forwarded.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(forwarded.path("messages").size()).isEqualTo(1);
    }

    @Test
    void a_stream_that_asks_for_usage_already_is_forwarded_unchanged() {
        var body =
                "{\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"model\":\"gpt-4o-mini\","
                        + MESSAGES
                        + "}";

        assertThat(chat(body).forwardBody()).isEqualTo(bytes(body));
    }

    @Test
    void an_embeddings_request_needs_an_input() {
        var ok =
                ProxyRequest.embeddings(
                        bytes("{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"]}"),
                        JSON,
                        CATALOGUE);
        var missing =
                ProxyRequest.embeddings(
                        bytes("{\"model\":\"text-embedding-3-small\",\"input\":null}"),
                        JSON,
                        CATALOGUE);

        assertThat(ok.refusal()).isNull();
        assertThat(ok.price().model()).isEqualTo("text-embedding-3-small");
        assertThat(missing.refusal().param()).isEqualTo("input");
    }
}
