package org.accessspec.runtime;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraints in force on a value, as the IR resolved them for a field (docs/values.md): all
 * hold. Lengths count Unicode scalars; every pattern must match the whole value.
 */
public record ValueConstraints(Integer minLength, Integer maxLength, List<String> patterns, Double minimum, Double maximum,
                               Integer minItems, Integer maxItems) {
    public static final ValueConstraints NONE = new ValueConstraints(null, null, List.of(), null, null, null, null);

    /** Phrases completing "value ...". */
    public List<String> textProblems(String text) {
        List<String> problems = new ArrayList<>();
        int length = text.codePointCount(0, text.length());
        if (minLength != null && length < minLength) problems.add("is " + length + " characters long, fewer than minLength " + minLength);
        if (maxLength != null && length > maxLength) problems.add("is " + length + " characters long, more than maxLength " + maxLength);
        if (!problems.isEmpty()) return problems;
        for (String pattern : patterns) if (!ValueFormat.matches(pattern, text)) problems.add("does not match pattern " + pattern);
        return problems;
    }

    public List<String> numberProblems(double number) {
        List<String> problems = new ArrayList<>();
        if (minimum != null && number < minimum) problems.add("is less than minimum " + shown(minimum));
        if (maximum != null && number > maximum) problems.add("is greater than maximum " + shown(maximum));
        return problems;
    }

    public List<String> countProblems(int count) {
        List<String> problems = new ArrayList<>();
        if (minItems != null && count < minItems) problems.add("has " + count + " items, fewer than minItems " + minItems);
        if (maxItems != null && count > maxItems) problems.add("has " + count + " items, more than maxItems " + maxItems);
        return problems;
    }

    static String shown(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : BigDecimal.valueOf(value).toPlainString();
    }
}
