package io.fastsync.conflict;

/** The three ways a type can settle conflicts, with the names used in configuration and on the wire. */
public enum ConflictStrategy {
    LAST_WRITER_WINS("last-writer-wins"),
    TIMESTAMP_ORDERING("timestamp-ordering"),
    PREDEFINED_RULES("predefined-rules");

    private final String configName;

    ConflictStrategy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** @return the strategy with this configuration name, or null */
    public static ConflictStrategy ofConfigName(String name) {
        for (ConflictStrategy s : values()) {
            if (s.configName.equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
