package org.accessspec.runtime;

/** What generated enumerations are: their raw text, and whether the contract lists it. */
public interface AccessEnumeration {
    String rawValue();

    /** False for a value the contract did not list when the client was generated (the unrecognised-value fallback). */
    boolean isDeclared();
}
