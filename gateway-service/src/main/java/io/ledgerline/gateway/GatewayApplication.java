package io.ledgerline.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GatewayApplication {

    /** Reactor Netty's own setting; read once, when its first event loops are made. */
    static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * Reactor Netty makes at least four event loops, more threads than a small machine has cores;
     * measured on two cores (bench/GATEWAY.md), one loop per core gave the request path less CPU
     * per request and far fewer stalls. An explicit {@code -Dreactor.netty.ioWorkerCount} wins.
     */
    static void oneEventLoopPerCore() {
        if (System.getProperty(IO_WORKER_COUNT) == null) {
            System.setProperty(
                    IO_WORKER_COUNT, String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
    }
}
