package org.rmmfiji.data;

/**
 * Bad input from a user: a file, a channel, a setting. The message names what is wrong and what was expected,
 * and is meant to be shown as it is (no stack trace).
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
