package io.ledgerline.contracts.topics;

/**
 * A Kafka topic with the types of its keys and values. The key is always the id whose events must
 * stay in order (an account, a key); the dead-letter companion has as many partitions.
 */
public record Topic<V>(
        String name, String keyMeaning, Class<V> valueType, int version, int partitions) {

    public static final String DLT_SUFFIX = ".dlt";

    public String deadLetterName() {
        return name + DLT_SUFFIX;
    }
}
