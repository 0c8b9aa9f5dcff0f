package io.ledgerline.llmstub;

/**
 * Runs the stub upstream on {@code server.port} (system property or {@code PORT}), 8090 by default.
 */
public final class LlmStubMain {

    public static final int DEFAULT_PORT = 8090;

    private LlmStubMain() {}

    public static void main(String[] args) {
        var port =
                Integer.getInteger(
                        "server.port",
                        Integer.parseInt(
                                System.getenv()
                                        .getOrDefault("PORT", String.valueOf(DEFAULT_PORT))));
        var server = LlmStub.start(port);
        org.slf4j.LoggerFactory.getLogger(LlmStubMain.class)
                .info("LLM stub upstream listening on http://localhost:{}/v1", server.port());
        server.onDispose().block();
    }
}
