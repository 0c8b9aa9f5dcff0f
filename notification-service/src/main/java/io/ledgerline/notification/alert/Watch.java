package io.ledgerline.notification.alert;

/**
 * A level an alert watches. Below it fires once and disarms; back above it re-arms. A strict watch
 * counts a value equal to the level as above (R9: keys suspend below 1,000 credits, not at it);
 * otherwise equal counts as below (a threshold reached is a threshold crossed).
 */
public record Watch(AlertKind kind, long level, boolean strict) {

    public boolean isBelow(long value) {
        return strict ? value < level : value <= level;
    }
}
