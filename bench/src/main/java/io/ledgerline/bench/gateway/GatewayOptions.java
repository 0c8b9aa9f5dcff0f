package io.ledgerline.bench.gateway;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments of the gateway bench, with defaults. */
final class GatewayOptions {

    static final String USAGE =
            """
            Usage: GatewayBench --stub-port=P --nginx-port=P --gateway-port=P --ledger-url=URL
                                --kafka=HOST:PORT [options]
              --gateway-management-url=URL  the gateway's management listener (keys, settings);
                                     default the gateway port
              --auth-url=URL         the authorization server for the operator's token (its
                                     secret in LEDGERLINE_AUTH_CLIENT_SECRET); none: no token
              --rate=2000            open-loop requests/s (non-streaming)
              --low-rate=200         a second open-loop rate every target should sustain
              --gateway-warm-up-s=30 closed-loop JIT warm-up of the gateway (plain, stream)
              --gateway-warm-up-max-s=180  then 10 s rounds until its JIT threads use < 5% of
                                     a core, for at most this long
              --warm-up-s=5          open-loop warm-up per target, not measured
              --seconds=15           open-loop measured seconds per target
              --connections=64       connections of the open-loop client
              --stream-rate=100      open-loop requests/s with "stream": true
              --stream-seconds=10    measured seconds per target for streaming
              --closed-connections=32  connections of the throughput phase
              --closed-seconds=10    measured seconds per target for throughput
              --lag-requests=200     usage -> balance: requests on the self-service key
              --lag-rate=20          their rate per second
              --drop-rounds=20       partner drop -> refused: rounds
              --poll-pause-us=2000   pause between gateway polls in the drop phase
              --model=gpt-4o-mini    model in every request
              --results-dir=DIR      where gateway-<timestamp>.json goes
              --pids=name=pid,...    processes whose CPU time every phase records
              --clock-ticks=100      /proc clock ticks per second (getconf CLK_TCK)
              --machine=TEXT         description of the machine for the report
            """;

    private final Map<String, String> values = new HashMap<>();

    GatewayOptions(String[] args) {
        for (var arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unexpected argument " + arg + "\n" + USAGE);
            }
            int eq = arg.indexOf('=');
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    String text(String name, String fallback) {
        var value = values.getOrDefault(name, fallback);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return value;
    }

    int number(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }
}
