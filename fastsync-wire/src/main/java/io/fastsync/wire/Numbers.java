package io.fastsync.wire;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * The number leniency existing clients need, and no more.
 *
 * <p>Versions may arrive as {@code 5.0} (Dart with sqflite) but never as {@code 5.5}. Timestamps
 * arrive in three units: fractional seconds ({@code 1722950000.967}, TypeScript), integer
 * microseconds (Dart with Hive) or microseconds as a double (Dart with sqflite). They are told
 * apart by magnitude and normalised to whole microseconds; a value below {@link #MILLIS_FROM} is
 * seconds, below {@link #MICROS_FROM} milliseconds, and microseconds above that. The bounds leave
 * every date from 1973 to the year 5000 unambiguous in all three units.
 */
public final class Numbers {

    /** Smallest timestamp read as milliseconds: 1e11, that is the year 5138 in seconds. */
    public static final long MILLIS_FROM = 100_000_000_000L;
    /** Smallest timestamp read as microseconds: 1e14, that is the year 5138 in milliseconds. */
    public static final long MICROS_FROM = 100_000_000_000_000L;

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

    private Numbers() {}

    /**
     * @param pointer where the value stands, for the error
     * @return the value as a whole number
     * @throws WireFormatException if it is not a number, has a fraction, or does not fit a long
     */
    public static long wholeNumber(JsonValue value, String pointer) {
        if (!(value instanceof JsonNumber number)) {
            throw new WireFormatException(pointer, "must be a whole number, found " + describe(value));
        }
        BigDecimal decimal = number.bigDecimalValue();
        try {
            return decimal.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new WireFormatException(pointer, "must be a whole number, found " + decimal.toPlainString());
        }
    }

    /**
     * @return the timestamp in whole microseconds since the epoch
     * @throws WireFormatException if it is not a number or is negative
     */
    public static long timestampMicros(JsonValue value, String pointer) {
        if (!(value instanceof JsonNumber number)) {
            throw new WireFormatException(pointer, "must be a number, found " + describe(value));
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.signum() < 0) {
            throw new WireFormatException(pointer, "must not be negative");
        }
        BigDecimal micros;
        if (decimal.compareTo(BigDecimal.valueOf(MILLIS_FROM)) < 0) {
            micros = decimal.multiply(MILLION);
        } else if (decimal.compareTo(BigDecimal.valueOf(MICROS_FROM)) < 0) {
            micros = decimal.multiply(THOUSAND);
        } else {
            micros = decimal;
        }
        try {
            return micros.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new WireFormatException(pointer, "is too large for a timestamp");
        }
    }

    /** @return the instant in whole microseconds since the epoch, the unit every stored timestamp has */
    public static long micros(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static String describe(JsonValue value) {
        if (value == null) {
            return "nothing";
        }
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }
}
