package dev.otsdk.cli;

/** Arguments that parse but make no sense (e.g. {@code write} without {@code =}); exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
