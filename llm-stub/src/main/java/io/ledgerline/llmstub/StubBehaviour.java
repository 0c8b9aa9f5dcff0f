package io.ledgerline.llmstub;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How a test wants the stub to misbehave, from request headers ({@code x-stub-delay-ms}, {@code
 * x-stub-chunk-delay-ms}, {@code x-stub-fail}) or from directives inside the prompt text ({@code
 * [stub:delay=200]}, {@code [stub:chunk-delay=50]}, {@code [stub:fail=500]}). Directives in the
 * prompt reach the stub through any gateway, which does not forward test headers.
 */
record StubBehaviour(Duration delay, Duration chunkDelay, int failStatus) {

    static final StubBehaviour NORMAL = new StubBehaviour(Duration.ZERO, Duration.ZERO, 0);
    private static final long MAX_DELAY_MS = 60_000;
    private static final Pattern DIRECTIVE =
            Pattern.compile("\\[stub:(delay|chunk-delay|fail)=(\\d{1,5})]");

    static StubBehaviour from(
            String delayHeader, String chunkDelayHeader, String failHeader, String promptText) {
        long delay = parse(delayHeader);
        long chunkDelay = parse(chunkDelayHeader);
        long fail = parse(failHeader);
        if (promptText != null && promptText.contains("[stub:")) {
            var matcher = DIRECTIVE.matcher(promptText);
            while (matcher.find()) {
                long value = Long.parseLong(matcher.group(2));
                switch (matcher.group(1)) {
                    case "delay" -> delay = value;
                    case "chunk-delay" -> chunkDelay = value;
                    default -> fail = value;
                }
            }
        }
        if (delay == 0 && chunkDelay == 0 && fail == 0) {
            return NORMAL;
        }
        return new StubBehaviour(
                Duration.ofMillis(Math.min(delay, MAX_DELAY_MS)),
                Duration.ofMillis(Math.min(chunkDelay, MAX_DELAY_MS)),
                (int) fail);
    }

    private static long parse(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean fails() {
        return failStatus >= 400 && failStatus <= 599;
    }
}
