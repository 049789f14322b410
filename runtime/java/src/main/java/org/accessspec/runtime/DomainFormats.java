package org.accessspec.runtime;

/**
 * The national identifier formats' check algorithms (GB 32100, GB 11643, GB/T 36904) and the
 * calendar, over ASCII text already of the right shape (docs/values.md). Each check returns null
 * when the value is valid, or a sentence saying what is wrong.
 */
public final class DomainFormats {
    private DomainFormats() {}

    static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String RESIDENT_CHECKS = "10X98765432";
    public static final String LICENSE_ROOT = "1.2.156.3005.2.";

    /** The check character a 17-character USCC body ends with, or 0 when a character is outside the alphabet. */
    public static char usccCheckCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 17 && i < body.length(); i++) {
            int value = USCC_ALPHABET.indexOf(body.charAt(i));
            if (value < 0) return 0;
            sum += value * USCC_WEIGHTS[i];
        }
        return USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    static String checkUSCC(String value) {
        char expected = value.length() == 18 ? usccCheckCharacter(value.substring(0, 17)) : 0;
        if (expected == 0) return "a unified social credit code is 18 characters of 0-9 and capitals other than I, O, S, V, Z";
        if (value.charAt(17) != expected) return "check character is '" + value.charAt(17) + "' but GB 32100 gives '" + expected + "'";
        return null;
    }

    public static char residentCheckCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') return 0;
            sum += (c - '0') * RESIDENT_WEIGHTS[i];
        }
        return RESIDENT_CHECKS.charAt(sum % 11);
    }

    static String checkResidentID(String value) {
        char expected = value.length() == 18 ? residentCheckCharacter(value) : 0;
        if (expected == 0) return "a resident identity number is 17 digits and a check character";
        if (!isCalendarDate(value.substring(6, 10), value.substring(10, 12), value.substring(12, 14))) {
            return "'" + value.substring(6, 14) + "' is not a valid birth date (YYYYMMDD)";
        }
        if (value.charAt(17) != expected) return "check character is '" + value.charAt(17) + "' but ISO 7064 MOD 11-2 gives '" + expected + "'";
        return null;
    }

    /** ISO/IEC 7064 MOD 37,36 over digits and capitals, or 0 when another character occurs. */
    public static char mod3736CheckCharacter(String text) {
        int p = 36;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
            if (value < 0) return 0;
            int s = (p + value) % 36;
            if (s == 0) s = 36;
            p = (2 * s) % 37;
        }
        for (int check = 0; check < 36; check++) {
            if ((p + check) % 36 == 1) return (char) (check < 10 ? '0' + check : 'A' + check - 10);
        }
        return 0;
    }

    static String checkLicenseID(String value) {
        String[] parts = value.substring(LICENSE_ROOT.length()).split("\\.", -1);
        if (parts.length != 5) return "an electronic licence identifier has five parts after the root: type code, issuer, number, version, check";
        String type = parts[0], issuer = parts[1], number = parts[2], version = parts[3], check = parts[4];
        String typeProblem = checkUSCC(type.length() > 18 ? type.substring(0, 18) : type);
        if (typeProblem != null) return "licence type code '" + type + "': the ministry's code: " + typeProblem;
        String issuerProblem = checkUSCC(issuer);
        if (issuerProblem != null) return "issuer '" + issuer + "': " + issuerProblem;
        char expected = mod3736CheckCharacter(type + issuer + number + version);
        if (expected == 0) return "the identifier holds characters outside 0-9 and A-Z";
        if (!check.equals(String.valueOf(expected))) return "check character is '" + check + "' but ISO/IEC 7064 MOD 37,36 gives '" + expected + "'";
        return null;
    }

    static String checkDate(String value) {
        return isCalendarDate(value.substring(0, 4), value.substring(5, 7), value.substring(8, 10)) ? null : "'" + value + "' is not a day of the calendar";
    }

    static String checkDateTime(String value) {
        if (!isCalendarDate(value.substring(0, 4), value.substring(5, 7), value.substring(8, 10))) return "'" + value + "' is not a day of the calendar";
        if (Integer.parseInt(value.substring(11, 13)) > 23 || Integer.parseInt(value.substring(14, 16)) > 59 || Integer.parseInt(value.substring(17, 19)) > 59) {
            return "'" + value + "' has a time outside 00:00:00-23:59:59";
        }
        int sign = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
        if (sign > 10 && (Integer.parseInt(value.substring(sign + 1, sign + 3)) > 23 || Integer.parseInt(value.substring(sign + 4, sign + 6)) > 59)) {
            return "'" + value + "' has an offset outside -23:59...+23:59";
        }
        return null;
    }

    static boolean isCalendarDate(String year, String month, String day) {
        for (String part : new String[] {year, month, day}) if (!part.matches("[0-9]+")) return false;
        int y = Integer.parseInt(year), m = Integer.parseInt(month), d = Integer.parseInt(day);
        if (m < 1 || m > 12 || d < 1) return false;
        boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int[] days = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return d <= days[m - 1];
    }
}
