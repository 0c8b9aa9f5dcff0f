package io.ledgerline.contracts.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.ledger.Rejection;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

class RefusalCatalogueTest {

    private static final Path ERRORS_PAGE = Path.of("..", "docs", "errors.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| (\\d{3}) \\|");

    @Test
    void every_code_lives_in_exactly_one_enum() {
        var names = Refusals.all().stream().map(RefusalCode::name).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void the_errors_page_lists_every_code_with_its_status_and_nothing_else() throws IOException {
        var documented = new LinkedHashMap<String, Integer>();
        for (var line : Files.readAllLines(ERRORS_PAGE)) {
            var row = ROW.matcher(line);
            if (row.find()) {
                assertThat(documented.put(row.group(1), Integer.valueOf(row.group(2))))
                        .as("%s listed twice", row.group(1))
                        .isNull();
            }
        }
        Map<String, Integer> declared =
                Refusals.all().stream()
                        .collect(
                                Collectors.toMap(
                                        RefusalCode::name,
                                        RefusalCode::httpStatus,
                                        (a, b) -> a,
                                        LinkedHashMap::new));
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(declared);
    }

    @Test
    void a_problem_takes_type_title_and_status_from_its_code() throws Exception {
        var problem =
                Problem.of(Rejection.INSUFFICIENT_CREDITS, "12 credits available, 20 needed")
                        .withCommandId("c-1")
                        .withInstance("/api/v1/accounts/partner:acme/reservations");

        var json = new ObjectMapper().writeValueAsString(problem);

        assertThat(json)
                .isEqualTo(
                        "{\"type\":\"https://ledgerline.io/problems/insufficient-credits\","
                                + "\"title\":\"Insufficient credits\",\"status\":402,"
                                + "\"detail\":\"12 credits available, 20 needed\","
                                + "\"code\":\"INSUFFICIENT_CREDITS\","
                                + "\"instance\":\"/api/v1/accounts/partner:acme/reservations\","
                                + "\"commandId\":\"c-1\"}");
    }

    @Test
    void a_refusal_about_a_field_names_it() {
        var refused = Refused.field(CommonRefusal.INVALID_TEXT, "note", "no control characters");

        assertThat(refused.problem().field()).isEqualTo("note");
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.getStackTrace()).isEmpty();
    }

    @Test
    void every_code_is_upper_snake_case_with_a_4xx_or_5xx_status() {
        assertThat(Refusals.all())
                .allSatisfy(
                        code -> {
                            assertThat(code.name()).matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
                            assertThat(code.httpStatus()).isBetween(400, 599);
                        });
        assertThat(Refusals.byName("INSUFFICIENT_CREDITS"))
                .map(Function.<RefusalCode>identity())
                .contains(Rejection.INSUFFICIENT_CREDITS);
    }
}
