package dev.otsdk.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.api.Credentials;
import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.KeyMaterial;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import dev.otsdk.testkit.TestIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every policy, mode and identity the emulator offers, against one server and one client PKI. */
@EmulatorTest
class SecurityMatrixTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder()
            .variable("Value", OpcUaType.DOUBLE, 1.5)
            .user("operator", "s3cret")
            .build();

    static OtClient client;
    static Path pki;
    static TestIdentity userCertificate;

    @BeforeAll
    static void setUp() {
        client = OtClient.create();
        pki = OpcUaTesting.tempPki();
        userCertificate = PLC.pki().issue(dev.otsdk.testkit.CertSpec.client("operator-x509").build());
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (String identity : List.of("anonymous", "username", "x509")) {
            out.add(Arguments.of("None", "None", identity));
            for (String policy : OpcUaEmulator.ALL_POLICIES) {
                for (String mode : List.of("Sign", "SignAndEncrypt")) {
                    out.add(Arguments.of(policy, mode, identity));
                }
            }
        }
        return out.stream();
    }

    static Credentials credentials(String identity) {
        return switch (identity) {
            case "username" -> Credentials.usernamePassword("operator", "s3cret".toCharArray());
            case "x509" -> Credentials.certificate(KeyMaterial.of(userCertificate.privateKey(),
                    userCertificate.chain()));
            default -> Credentials.anonymous();
        };
    }

    @ParameterizedTest(name = "{0}/{1} as {2}")
    @MethodSource("combinations")
    void connectsReadsAndReportsWhatWasNegotiated(String policy, String mode, String identity) {
        SessionOptions options = OpcUaTesting.options(pki).trust(PLC.certificate())
                .credentials(credentials(identity)).build();
        try (Session s = client.connect(PLC.uri() + "?securityPolicy=" + policy + "&securityMode=" + mode,
                options)) {
            assertThat(s.read(Tag.of(PLC.nodeId("Value"), DataType.FLOAT64)).value()).isEqualTo(1.5);
            DeviceInfo info = s.deviceInfo();
            assertThat(info.properties()).containsEntry("securityPolicy", policy).containsEntry("securityMode", mode);
        }
    }

    @Test
    void autoChoosesTheStrongestNonDeprecatedEndpoint() {
        try (Session s = client.connect(PLC.uri(), OpcUaTesting.options(pki).trust(PLC.certificate()).build())) {
            assertThat(s.deviceInfo().properties()).containsEntry("securityPolicy", "Aes256_Sha256_RsaPss")
                    .containsEntry("securityMode", "SignAndEncrypt");
        }
    }
}
