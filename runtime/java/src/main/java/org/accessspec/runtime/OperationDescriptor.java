package org.accessspec.runtime;

/** One operation of a contract, as a client sends it. */
public record OperationDescriptor(String id, String method, String path, boolean idempotent) {
    public boolean sendsBody() { return !method.equals("GET") && !method.equals("DELETE"); }
}
