package dev.otsdk.cli;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.ConnectionException;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.api.SessionClosedException;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.api.UnsupportedCapabilityException;
import dev.otsdk.api.ValueConversionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;

/**
 * The exit codes of the CLI contract (architecture section 7) and which failure maps to which.
 * Scripts rely on them: 3 is worth a retry later, 2 never is.
 */
final class ExitCode implements CommandLine.IExitCodeExceptionMapper {

    /** Everything worked and every value was GOOD. */
    static final int OK = 0;
    /** Some tag was not GOOD, a write was refused, or the device refused the operation. */
    static final int NOT_GOOD = 1;
    /** Bad arguments: options, tag syntax, URI, values, or a capability the protocol lacks. */
    static final int USAGE = 2;
    /** The device could not be reached or talked to: connection, security, timeout. */
    static final int CONNECTION = 3;

    /** For {@code --help}: one entry per code, in picocli's {@code code:description} form. */
    static final String LIST_OK = "0:success, every value GOOD";
    static final String LIST_NOT_GOOD = "1:some value not GOOD, a write refused, or an unexpected failure";
    static final String LIST_USAGE = "2:usage error: arguments, tag syntax, URI or options, value conversion,"
            + " unsupported capability";
    static final String LIST_CONNECTION = "3:connection, security or timeout failure";

    @Override
    public int getExitCode(Throwable exception) {
        return of(exception);
    }

    /**
     * @param exception what a command threw
     * @return its exit code
     */
    static int of(Throwable exception) {
        Throwable t = unwrap(exception);
        if (t instanceof CommandLine.ParameterException || t instanceof UsageException
                || t instanceof TagAddressException || t instanceof ConfigurationException
                || t instanceof ValueConversionException || t instanceof UnsupportedCapabilityException) {
            return USAGE;
        }
        if (t instanceof ConnectionException || t instanceof OtSecurityException || t instanceof OtTimeoutException
                || t instanceof SessionClosedException) {
            return CONNECTION;
        }
        return NOT_GOOD; // a DeviceException (the device said no), or a failure nobody planned for
    }

    /**
     * @param t a throwable, possibly from a future
     * @return the cause inside {@link CompletionException}/{@link ExecutionException} wrappers
     */
    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
