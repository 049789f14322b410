package org.accessspec.runtime;

/** A contract error the platform answered with; each generated client's {@code ContractError} extends it. */
public abstract class ContractException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String serverMessage;

    protected ContractException(int code, String serverMessage) {
        super("contract error " + code + ": " + serverMessage);
        this.code = code;
        this.serverMessage = serverMessage;
    }

    /** The catalogue code the platform answered with. */
    public int code() { return code; }

    /** The message the platform sent. */
    public String serverMessage() { return serverMessage; }

    /** The catalogue's name of the error ({@code INVALID_TOKEN}), or null when the catalogue does not list the code. */
    public abstract String errorName();
}
