package io.ledgerline.contracts.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

class TextsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u0000b",
                "line\nbreak",
                "tab\there",
                "\u007f",
                "\u0085",
                "\uD800 alone",
                "\uDC00",
                "\uFFFE",
                "\uFDD0",
                "\u202Eevil",
                "\u2066isolate"
            })
    void refuses_what_a_history_row_must_not_hold(String text) {
        assertThat(Texts.problem(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "top-up for March",
                "Crédit ajouté",
                "返金",
                "مرحبا\u200F",
                "emoji \uD83D\uDE00",
                "'; DROP TABLE accounts; --",
                "../../etc/passwd",
                ""
            })
    void accepts_ordinary_text_in_any_script(String text) {
        assertThat(Texts.problem(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void counts_code_points_not_utf16_units() {
        var emoji = "\uD83D\uDE00";
        assertThat(Texts.problem(emoji.repeat(Texts.MAX_TEXT_LENGTH))).isEmpty();
        assertThat(Texts.problem(emoji.repeat(Texts.MAX_TEXT_LENGTH + 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("longer than 500"));
    }

    @org.junit.jupiter.api.Test
    void normalises_to_nfc() {
        assertThat(Texts.normalised("e\u0301")).isEqualTo("\u00e9");
        assertThat(Texts.normalised(null)).isNull();
    }

    @Property(tries = 2000)
    void whatever_the_rule_accepts_survives_utf8_unchanged(@ForAll("hostile") String text) {
        var stored = Texts.normalised(text);
        if (Texts.isValid(stored)) {
            var roundTrip =
                    new String(stored.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(roundTrip).isEqualTo(stored).doesNotContain("\u0000");
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        var nasty = "\u0000\n\r\u001b\u007f\uD800\uDFFF\u202E\u200F\uFEFF\uFFFFa\u00e9';/";
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(600),
                Arbitraries.strings().withChars(nasty).ofMaxLength(40));
    }
}
