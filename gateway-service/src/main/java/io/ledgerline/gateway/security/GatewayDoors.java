package io.ledgerline.gateway.security;

import static io.ledgerline.websecurity.Door.get;
import static io.ledgerline.websecurity.Door.post;
import static io.ledgerline.websecurity.Door.put;

import io.ledgerline.websecurity.Doors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which scope each endpoint of the management listener needs: reading is {@code gateway.read};
 * every write and every preview (which prices a key the caller means to create) is {@code
 * gateway.keys}; the actuator beyond health is {@code gateway.operate}. {@code /v1} has no door
 * here: a virtual key opens it, on the public port.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayDoors {

    public static final String READ = "gateway.read";
    public static final String KEYS = "gateway.keys";
    public static final String OPERATE = "gateway.operate";

    @Bean
    public static Doors doors() {
        return Doors.of(
                "gateway",
                get("/api/v1/**", READ),
                get("/v3/api-docs/**", READ),
                post("/api/v1/**", KEYS),
                put("/api/v1/**", KEYS),
                get("/actuator/**", OPERATE),
                post("/actuator/**", OPERATE));
    }
}
