package org.accessspec.runtime;

import java.util.Collection;
import java.util.List;

/**
 * The checks generated {@code accessValidate} methods call before anything is sent, with the
 * constraints in force that the IR resolved for each field. Each throws
 * {@link AccessException.InvalidField} naming the field.
 */
public final class FieldCheck {
    private FieldCheck() {}

    /** The largest integer every JSON reader holds exactly, 2^53-1. */
    public static final long INTEGER_LIMIT = 9_007_199_254_740_991L;

    public static void required(Object value, String path) {
        if (value == null) throw new AccessException.InvalidField(path, "the field is required");
    }

    public static void text(String value, ValueFormat format, ValueConstraints constraints, String itemCodePattern, String path) {
        if (format != null) {
            String problem = format.problem(value, itemCodePattern);
            if (problem != null) throw new AccessException.InvalidField(path, "'" + value + "' is not a valid " + format.wireName() + ": " + problem);
        }
        raise(constraints.textProblems(value), path);
    }

    public static void integer(long value, ValueConstraints constraints, String path) {
        if (value < -INTEGER_LIMIT || value > INTEGER_LIMIT) throw new AccessException.InvalidField(path, "value " + value + " is outside the integer range ±(2^53-1)");
        raise(constraints.numberProblems(value), path);
    }

    public static void number(double value, ValueConstraints constraints, String path) {
        if (!Double.isFinite(value)) throw new AccessException.InvalidField(path, "value is not a finite number");
        raise(constraints.numberProblems(value), path);
    }

    public static void count(Collection<?> values, ValueConstraints constraints, String path) {
        raise(constraints.countProblems(values.size()), path);
    }

    public static void count(java.util.Map<?, ?> values, ValueConstraints constraints, String path) {
        raise(constraints.countProblems(values.size()), path);
    }

    /** An enum value the contract declares: a client sends no value its peer would refuse. */
    public static void declared(AccessEnumeration value, String path) {
        if (!value.isDeclared()) throw new AccessException.InvalidField(path, "'" + value.rawValue() + "' is not a value the contract declares");
    }

    private static void raise(List<String> problems, String path) {
        if (!problems.isEmpty()) throw new AccessException.InvalidField(path, "value " + problems.get(0));
    }
}
