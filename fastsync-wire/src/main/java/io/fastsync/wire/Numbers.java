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
        BigDecimal decimal = decimal(number, pointer);
        // Decided from the digits and the exponent alone: 1e999999999 is a few bytes, its value a
        // billion digits, and nothing here may spell it out.
        if (integerDigits(decimal) > 19) {
            throw new WireFormatException(
                    pointer, "must be a whole number of at most 19 digits, found " + shown(decimal));
        }
        if (decimal.scale() > 0 && decimal.stripTrailingZeros().scale() > 0) {
            throw new WireFormatException(pointer, "must be a whole number, found " + shown(decimal));
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw new WireFormatException(pointer, "must be a whole number that fits 64 bits, found " + shown(decimal));
        }
    }

    /**
     * @throws WireFormatException for a number longer than the JSON provider reads (Parsson: 1,100
     *                             characters), instead of its {@code UnsupportedOperationException}
     */
    private static BigDecimal decimal(JsonNumber number, String pointer) {
        try {
            return number.bigDecimalValue();
        } catch (RuntimeException e) {
            throw new WireFormatException(pointer, "is a number too long to read: " + e.getMessage());
        }
    }

    /** @return how many digits stand before the decimal point; negative for a value below 0.1 */
    private static long integerDigits(BigDecimal decimal) {
        return decimal.signum() == 0 ? 0 : (long) decimal.precision() - decimal.scale();
    }

    /** @return the number as a caller may be shown it: in full when short, else its size */
    static String shown(BigDecimal decimal) {
        if (decimal.precision() <= 30 && Math.abs(decimal.scale()) <= 30) {
            return decimal.toPlainString();
        }
        return "a number of " + decimal.precision() + " significant digits, exponent " + (-(long) decimal.scale());
    }

    /**
     * @return the timestamp in whole microseconds since the epoch
     * @throws WireFormatException if it is not a number or is negative
     */
    public static long timestampMicros(JsonValue value, String pointer) {
        if (!(value instanceof JsonNumber number)) {
            throw new WireFormatException(pointer, "must be a number, found " + describe(value));
        }
        BigDecimal decimal = decimal(number, pointer);
        if (decimal.signum() < 0) {
            throw new WireFormatException(pointer, "must not be negative");
        }
        long digits = integerDigits(decimal);
        if (digits > 19) {
            throw new WireFormatException(pointer, "is too large for a timestamp");
        }
        if (digits < -12) {
            // Under a picosecond of seconds: zero microseconds, without rounding a huge scale.
            return 0;
        }
        if (decimal.scale() > 30) {
            decimal = decimal.setScale(30, java.math.RoundingMode.HALF_UP);
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
            case NUMBER -> {
                String text = value.toString();
                yield "the number " + (text.length() <= 40 ? text : "of " + text.length() + " characters");
            }
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }
}
