package io.ledgerline.notification.security;

import static io.ledgerline.websecurity.Door.delete;
import static io.ledgerline.websecurity.Door.get;
import static io.ledgerline.websecurity.Door.post;
import static io.ledgerline.websecurity.Door.put;

import io.ledgerline.websecurity.Doors;
import io.ledgerline.websecurity.LockedDoors;
import io.ledgerline.websecurity.edge.ServletEdges;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Which scope each of the notification service's endpoints needs: reading (feed, forecast,
 * recipients, webhook endpoints and deliveries) is {@code notification.read}; every write (marking
 * read, recipients, webhook endpoints, replays) is {@code notification.manage} — the full table is
 * in docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@Import({LockedDoors.class, ServletEdges.class})
public class NotificationDoors {

    public static final String READ = "notification.read";
    public static final String MANAGE = "notification.manage";
    public static final String OPERATE = "notification.operate";

    @Bean
    public static Doors doors() {
        return Doors.of(
                "notification",
                get("/api/v1/**", READ),
                get("/v3/api-docs/**", READ),
                post("/api/v1/accounts/*/feed/read", MANAGE),
                post("/api/v1/accounts/*/feed/*/read", MANAGE),
                put("/api/v1/accounts/*/recipients", MANAGE),
                post("/api/v1/partners/*/webhooks", MANAGE),
                delete("/api/v1/partners/*/webhooks/*", MANAGE),
                post("/api/v1/partners/*/webhooks/*/deliveries/*/replay", MANAGE),
                get("/actuator/**", OPERATE));
    }
}
