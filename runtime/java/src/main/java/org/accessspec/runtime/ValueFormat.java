package org.accessspec.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The formats a text value can have (docs/values.md): a shape, and where the standard has one, a
 * check beyond it. The shapes are those of AccessSpecFormats' ValueFormat; the runtime's unit tests
 * hold them to DOMAIN.md's identifier vectors.
 */
public enum ValueFormat {
    DATE("date"), DATETIME("datetime"), URL("url"), EMAIL("email"), PHONE("phone"), BASE64("base64"),
    USCC("uscc"), RESIDENT_ID("resident-id"), DIVISION_CODE("division-code"), LICENSE_ID("license-id"), ITEM_CODE("item-code");

    private static final String USCC_SYMBOL = "[0-9A-HJ-NPQRTUWXY]";
    private static final String USCC18 = USCC_SYMBOL + "{2}[0-9]{6}" + USCC_SYMBOL + "{10}";
    private static final String URL_CHARACTER = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";
    private static final String HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String PORT = "(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`\\{|\\}~-]+";
    private static final String PROVINCE = "(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])";
    public static final String DEFAULT_ITEM_CODE_PATTERN = "[0-9]{12}(?:[0-9A-Z]{0,30})?";
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private final String wireName;

    ValueFormat(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public String shape() {
        return switch (this) {
            case DATE -> "[0-9]{4}-[0-9]{2}-[0-9]{2}";
            case DATETIME -> "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:[Zz]|[+\\-][0-9]{2}:[0-9]{2})";
            case URL -> "[Hh][Tt][Tt][Pp][Ss]?://" + HOST_LABEL + "(?:\\." + HOST_LABEL + ")*(?::" + PORT + ")?"
                    + "(?:/" + URL_CHARACTER + "*)*(?:\\?(?:" + URL_CHARACTER + "|[/?])*)?(?:#(?:" + URL_CHARACTER + "|[/?])*)?";
            case EMAIL -> ATOM + "(?:\\." + ATOM + ")*@" + HOST_LABEL + "(?:\\." + HOST_LABEL + ")+";
            case PHONE -> "(?:\\+86)?1[3-9][0-9]{9}|0[0-9]{9,11}|0[0-9]{2,3}-[0-9]{7,8}";
            case BASE64 -> "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?";
            case USCC -> USCC18;
            case RESIDENT_ID -> PROVINCE + "[0-9]{4}[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]";
            case DIVISION_CODE -> PROVINCE + "[0-9]{4}(?:[0-9]{6})?|100000(?:000000)?";
            case LICENSE_ID -> "1\\.2\\.156\\.3005\\.2\\." + USCC18 + "[0-9]{3}\\." + USCC18 + "\\.[0-9A-Z]+\\.[0-9]{3}\\.[0-9A-Z]";
            case ITEM_CODE -> DEFAULT_ITEM_CODE_PATTERN;
        };
    }

    private String shapeDescription() {
        return switch (this) {
            case DATE -> "a date YYYY-MM-DD";
            case DATETIME -> "an RFC 3339 date-time such as 2024-05-01T08:30:00+08:00";
            case URL -> "an absolute http(s) URL of ASCII characters with a host name (no IP literal in brackets) and a port up to 65535";
            case EMAIL -> "an email address";
            case PHONE -> "a mainland mobile (1XXXXXXXXXX, optionally +86) or landline (0XXX-XXXXXXX) number";
            case BASE64 -> "standard base64 with padding";
            case USCC -> "a unified social credit code: 18 characters of 0-9 and capitals other than I, O, S, V, Z, the 3rd to 8th digits";
            case RESIDENT_ID -> "a resident identity number: a province-level code, 4 more digits of the address, a birth date YYYYMMDD, 3 digits and a check character 0-9 or X";
            case DIVISION_CODE -> "a division code: 6 digits (or 12 in the service-system form) starting with a province-level code of GB/T 2260, or 100000 for the whole country";
            case LICENSE_ID -> "an electronic licence identifier 1.2.156.3005.2.<type>.<issuer>.<number>.<version>.<check>";
            case ITEM_CODE -> "an item code";
        };
    }

    /** Whether the whole of {@code text} matches {@code pattern} (a Java regex; generated code passes the contract's patterns in the portable form). */
    public static boolean matches(String pattern, String text) {
        return COMPILED.computeIfAbsent(pattern, Pattern::compile).matcher(text).matches();
    }

    /** Why {@code text} is not a value of the format, or null when it is. */
    public String problem(String text, String itemCodePattern) {
        String shape = this == ITEM_CODE ? itemCodePattern : shape();
        if (!matches(shape, text)) {
            return this == ITEM_CODE ? "it does not match the workspace's item code pattern " + itemCodePattern : "it is not " + shapeDescription();
        }
        return switch (this) {
            case DATE -> DomainFormats.checkDate(text);
            case DATETIME -> DomainFormats.checkDateTime(text);
            case USCC -> DomainFormats.checkUSCC(text);
            case RESIDENT_ID -> DomainFormats.checkResidentID(text);
            case LICENSE_ID -> DomainFormats.checkLicenseID(text);
            default -> null;
        };
    }

    public String problem(String text) { return problem(text, DEFAULT_ITEM_CODE_PATTERN); }
}
