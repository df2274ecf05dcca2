package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.testkit.ModbusAuthorization;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.TestIdentity;
import dev.otsdk.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modbus/TCP Security from the command line: key material from PEM files, the server's CA trusted. */
class ModbusTlsCliTest {

    private static final TestPki PKI = TestPki.create();
    private static ModbusEmulator plc;

    @TempDir
    static Path dir;
    private static TestIdentity.PemFiles operator;
    private static TestIdentity.PemFiles reader;
    private static Path ca;

    @BeforeAll
    static void start() throws Exception {
        plc = ModbusEmulator.builder().tls(PKI.server("localhost", "127.0.0.1"), List.of(PKI.caCertificate()))
                .authorization(ModbusAuthorization.readOnly("reader", "operator")).build();
        plc.start();
        plc.holding(0).setUInt16(42);
        operator = PKI.client("cli operator", "operator").writeTo(dir.resolve("operator"));
        reader = PKI.client("cli reader", "reader").writeTo(dir.resolve("reader"));
        ca = Files.writeString(dir.resolve("ca.pem"), toPem(PKI.caCertificate().getEncoded()));
    }

    @AfterAll
    static void stop() {
        plc.close();
    }

    private static String toPem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    private static String uri() {
        return "modbus+tls://localhost:" + plc.port() + "?unit=1";
    }

    @Test
    void readsAndWritesWithTheClientCertificateFromPemFiles() {
        Cli.Run read = Cli.run("read", uri(), "holding:0", "--client-cert", operator.chain().toString(),
                "--client-key", operator.privateKey().toString(), "--trust", ca.toString());
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.lines()).singleElement().asString().contains("\"value\":42");

        Cli.Run write = Cli.run("write", uri(), "holding:1=7", "--client-cert", operator.chain().toString(),
                "--client-key", operator.privateKey().toString(), "--trust", ca.toString());
        assertThat(write.exitCode()).as(write.err()).isZero();
        assertThat(plc.holding(1).getUInt16()).isEqualTo(7);
    }

    @Test
    void aReadOnlyRoleIsRefusedWritesWithTheSpecsException() {
        Cli.Run write = Cli.run("write", uri(), "holding:1=8", "--client-cert", reader.chain().toString(),
                "--client-key", reader.privateKey().toString(), "--trust", ca.toString());
        assertThat(write.exitCode()).isEqualTo(1);
        assertThat(write.out()).contains("ILLEGAL_FUNCTION");
    }

    @Test
    void anUntrustedServerIsASecurityFailure() {
        Cli.Run read = Cli.run("read", uri(), "holding:0", "--client-cert", operator.chain().toString(),
                "--client-key", operator.privateKey().toString());
        assertThat(read.exitCode()).isEqualTo(3);
        assertThat(read.err()).contains("not trusted");
    }

    @Test
    void aCertificateWithoutItsKeyIsAUsageError() {
        Cli.Run read = Cli.run("read", uri(), "holding:0", "--client-cert", operator.chain().toString());
        assertThat(read.exitCode()).isEqualTo(2);
        assertThat(read.err()).contains("--client-cert and --client-key go together");
    }
}
