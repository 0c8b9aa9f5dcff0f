package io.ledgerline.notification.alert;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one rule for every alert on a level: fire once per downward crossing, re-arm only after the
 * value is back above. Pure, so the rule is tested without a database or a broker.
 */
public final class Crossings {

    private Crossings() {}

    /** What fired, and the armed set after {@code value} was seen against every watch. */
    public record Outcome(List<AlertKind> fired, Set<AlertKind> armed) {}

    public static Outcome evaluate(Set<AlertKind> armedBefore, long value, List<Watch> watches) {
        var armed =
                armedBefore.isEmpty()
                        ? EnumSet.noneOf(AlertKind.class)
                        : EnumSet.copyOf(armedBefore);
        var fired = new ArrayList<AlertKind>();
        for (var watch : watches) {
            if (!watch.isBelow(value)) {
                armed.add(watch.kind());
            } else if (armed.remove(watch.kind())) {
                fired.add(watch.kind());
            }
        }
        return new Outcome(List.copyOf(fired), armed);
    }
}
