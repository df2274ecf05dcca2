package dev.otsdk.cli;

import dev.otsdk.api.Credentials;
import dev.otsdk.api.KeyMaterial;
import dev.otsdk.api.SessionOptions;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code otsdk}: talks to industrial devices from the command line through the SDK's public API. Every
 * protocol module on the class path makes every command work for its URI schemes.
 *
 * <p>Output is JSON lines on stdout; messages go to stderr. Tests run it in-process with
 * {@link #commandLine(PrintWriter, PrintWriter)}; only {@link #main(String[])} exits the JVM.
 */
@Command(name = "otsdk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads, writes, watches and browses industrial devices (Modbus, OPC UA, S7) and"
                + " prints JSON lines on stdout; messages go to stderr.",
        subcommands = {
            ReadCommand.class,
            WriteCommand.class,
            WatchCommand.class,
            BrowseCommand.class,
            InfoCommand.class,
            EmulateCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nURIs:%n",
        footer = {
            "  modbus+tcp://host[:502]?unit=1&timeout=2s",
            "  s7://host[:102]?rack=0&slot=1",
            "  opc.tcp://host:4840/path?securityPolicy=Basic256Sha256",
            "Tags: address[:type][[count]]",
            "  holding:100:float32   DB1.DBW0:INT[10]   ns=2;s=Temp:float64",
            "Run 'otsdk help <command>' for a command's options and output."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.LIST_OK, ExitCode.LIST_NOT_GOOD, ExitCode.LIST_USAGE, ExitCode.LIST_CONNECTION})
public final class Otsdk implements Callable<Integer> {

    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Spec
    private CommandSpec spec;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "<duration>",
            converter = DurationConverter.class,
            description = "Request and connect timeout, e.g. 500ms or 2s (a timeout= in the URI wins).")
    private Duration timeout;

    @Option(names = "--pki", scope = ScopeType.INHERIT, paramLabel = "<dir>",
            description = "OPC UA PKI folder (own/, trusted/, issuers/, rejected/); default ~/.otsdk/pki/opcua.")
    private Path pkiDirectory;

    @Option(names = "--trust-on-first-use", scope = ScopeType.INHERIT,
            description = "Trust an unknown OPC UA server certificate on first contact and remember it in the"
                    + " PKI folder. Only on networks you control.")
    private boolean trustOnFirstUse;

    @Option(names = "--client-cert", scope = ScopeType.INHERIT, paramLabel = "<pem>",
            description = "The client's certificate chain (PEM, leaf first), e.g. for modbus+tls; with --client-key.")
    private Path clientCertificate;

    @Option(names = "--client-key", scope = ScopeType.INHERIT, paramLabel = "<pem>",
            description = "The client's private key (PEM, PKCS#8 or PKCS#1 RSA, unencrypted); with --client-cert.")
    private Path clientKey;

    @Option(names = "--trust", scope = ScopeType.INHERIT, paramLabel = "<pem>",
            description = "Certificates (PEM or DER) trusted to identify the server, e.g. its CA. Repeatable.")
    private List<Path> trusted = new ArrayList<>();

    @Option(names = "--no-hostname-verification", scope = ScopeType.INHERIT,
            description = "Accept a TLS server certificate that does not name the host (IP-only devices).")
    private boolean noHostnameVerification;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "<name>",
            description = "User name for OPC UA user authentication; the password is read from the OTSDK_PASSWORD"
                    + " environment variable, never from the command line.")
    private String user;

    private boolean verbose;

    /** Where {@code --user}'s password comes from: command lines are visible to every local user. */
    static final String PASSWORD_VARIABLE = "OTSDK_PASSWORD";

    /** Creates the root command; picocli fills in its options. */
    public Otsdk() {
    }

    /**
     * Runs the tool and exits with the contract's exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The tool as a picocli command line with the CLI's error handling and exit codes, writing to the
     * given streams. {@code execute(args)} on it returns the exit code.
     *
     * @param out where results (JSON lines) go
     * @param err where messages go
     * @return the command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new Otsdk()), out, err);
    }

    /**
     * Gives a command line, the tool's or one subcommand's, the CLI's streams and error handling.
     *
     * @param cmd the command line
     * @param out where results go
     * @param err where messages go
     * @return {@code cmd}
     */
    static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
        cmd.setOut(out);
        cmd.setErr(err);
        ErrorReporter errors = new ErrorReporter();
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(new ExitCode());
        return cmd;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log the SDK's debug messages to stderr and show stack traces of errors.")
    void verbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            // Read by slf4j-simple when the first logger is made, which is after parsing the arguments.
            System.setProperty(LOG_LEVEL_PROPERTY, "debug");
        }
    }

    /** @return whether {@code -v} was given */
    boolean verbose() {
        return verbose;
    }

    /** @return session settings from the global options, for commands that connect */
    SessionOptions sessionOptions() {
        SessionOptions.Builder b = SessionOptions.builder();
        if (timeout != null) {
            if (timeout.isZero()) {
                throw new UsageException("--timeout must be more than zero");
            }
            b.requestTimeout(timeout).connectTimeout(timeout);
        }
        if (pkiDirectory != null) {
            b.pkiDirectory(pkiDirectory);
        }
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new UsageException("--client-cert and --client-key go together");
        }
        if (clientCertificate != null) {
            b.clientCertificate(KeyMaterial.fromPem(clientCertificate, clientKey));
        }
        for (Path t : trusted) {
            b.trust(KeyMaterial.readCertificates(t));
        }
        if (user != null) {
            String password = System.getenv(PASSWORD_VARIABLE);
            if (password == null) {
                throw new UsageException("--user needs the password in the " + PASSWORD_VARIABLE
                        + " environment variable");
            }
            b.credentials(Credentials.usernamePassword(user, password.toCharArray()));
        }
        return b.hostnameVerification(!noHostnameVerification).trustOnFirstUse(trustOnFirstUse).build();
    }
}
