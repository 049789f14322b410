package org.accessspec.runtime;

/** Generated records check their fields before anything is sent. */
public interface AccessValidatable {
    /** Throws {@link AccessException.InvalidField} naming the first field that is wrong; {@code path} names this value. */
    void accessValidate(String path);
}
