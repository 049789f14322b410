package org.accessspec.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The formats a text value can have (docs/values.md): a shape, and where the standard has one, a
 * check beyond it. The shapes are read from value-formats.json, which a Swift test keeps equal to
 * AccessSpecFormats' ValueFormat.shape, so both languages read one definition.
 */
public enum ValueFormat {
    DATE("date"), DATETIME("datetime"), URL("url"), EMAIL("email"), PHONE("phone"), BASE64("base64"),
    USCC("uscc"), RESIDENT_ID("resident-id"), DIVISION_CODE("division-code"), LICENSE_ID("license-id"), ITEM_CODE("item-code");

    /** The shapes, as the value semantics define them (AccessSpecFormats' ValueFormat.shape), in the portable form. */
    private static final Map<String, String> SHAPES = loadShapes();
    public static final String DEFAULT_ITEM_CODE_PATTERN = SHAPES.get("item-code");
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private static Map<String, String> loadShapes() {
        try (InputStream input = ValueFormat.class.getResourceAsStream("value-formats.json")) {
            if (input == null) throw new IllegalStateException("value-formats.json is not beside ValueFormat on the class path");
            return Json.MAPPER.readValue(input, new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("cannot read value-formats.json", e);
        }
    }

    private final String wireName;

    ValueFormat(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    /** The shape every value of the format has (for ITEM_CODE, the default item code pattern). */
    public String shape() {
        String shape = SHAPES.get(wireName);
        if (shape == null) throw new IllegalStateException("value-formats.json has no shape for " + wireName);
        return shape;
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
