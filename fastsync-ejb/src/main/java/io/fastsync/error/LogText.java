package io.fastsync.error;

/** Text from a request made fit for one line of the server log. */
public final class LogText {

    private LogText() {}

    /**
     * @return the text with control characters and line separators escaped ({@code \\u000a}), cut
     *     at {@code max} characters with its length said; empty for null
     */
    public static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length() && s.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        if (s.length() >= max && text.length() > max) {
            s.setLength(max);
            s.append("… (").append(text.length()).append(" characters)");
        }
        return s.toString();
    }
}
