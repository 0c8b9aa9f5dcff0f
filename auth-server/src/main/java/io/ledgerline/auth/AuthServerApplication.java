package io.ledgerline.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The suite's authorization server: services prove who they are and get short-lived JWTs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        exitWithParent();
        SpringApplication.run(AuthServerApplication.class, args);
    }

    /**
     * A test JVM that starts this server names itself, so the server never outlives it, not even
     * when the test JVM is killed.
     */
    private static void exitWithParent() {
        var parent = System.getProperty("ledgerline.auth.exit-with-pid");
        if (parent == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent))
                .ifPresentOrElse(
                        process -> process.onExit().thenRun(() -> System.exit(0)),
                        () -> System.exit(0));
    }
}
