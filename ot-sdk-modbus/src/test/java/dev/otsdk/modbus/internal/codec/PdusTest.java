package dev.otsdk.modbus.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Response checks against the request, and request parsing as a server does it. */
class PdusTest {

    private static ByteBuf pdu(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }

    @Test
    void readResponsesMustCarryExactlyTheBytesAskedFor() {
        assertThat(ResponsePdus.readData(pdu("0304000a000b"), 3, 4)).isEqualTo(2);
        assertThatThrownBy(() -> ResponsePdus.readData(pdu("0302000a"), 3, 4))
                .isInstanceOf(MalformedPduException.class).hasMessageContaining("byte count is 2, expected 4");
        assertThatThrownBy(() -> ResponsePdus.readData(pdu("0304000a"), 3, 4))
                .hasMessageContaining("carries 2 data bytes");
        assertThatThrownBy(() -> ResponsePdus.readData(pdu("0404000a000b"), 3, 4))
                .hasMessageContaining("expected a response with FC3, got FC4");
    }

    @Test
    void exceptionResponsesAreRecognisedAndBounded() {
        assertThat(ResponsePdus.exceptionCode(pdu("8302"), 3)).isEqualTo(2);
        assertThat(ResponsePdus.exceptionCode(pdu("030200"), 3)).isEqualTo(-1);
        assertThatThrownBy(() -> ResponsePdus.exceptionCode(pdu("830200"), 3)).hasMessageContaining("2 bytes");
    }

    @Test
    void writeEchoesMustMatch() {
        ResponsePdus.checkWriteEcho(pdu("060001002a"), 6, 1, 42);
        assertThatThrownBy(() -> ResponsePdus.checkWriteEcho(pdu("060001002b"), 6, 1, 42))
                .hasMessageContaining("echoes address 1 / value 43");
        ResponsePdus.checkMaskEcho(pdu("160004f00f0a50"), 4, 0xF00F, 0x0A50);
    }

    @Test
    void deviceIdentificationObjectsAreBoundedByThePdu() {
        ResponsePdus.DeviceIdPage p = ResponsePdus.deviceId(pdu("2b0e0183ff0302000141010142"), 1);
        assertThat(p.moreFollows()).isTrue();
        assertThat(p.nextObjectId()).isEqualTo(3);
        assertThat(p.objects()).containsEntry(0, "A").containsEntry(1, "B");
        assertThatThrownBy(() -> ResponsePdus.deviceId(pdu("2b0e01830000010005414243"), 1))
                .hasMessageContaining("has length 5 but only 3 bytes are left");
        assertThatThrownBy(() -> ResponsePdus.deviceId(pdu("2b0e0183000002000141"), 1))
                .hasMessageContaining("announces 2 objects");
    }

    @Test
    void requestsAreParsedWithTheSpecificationsQuantityLimits() {
        RequestPdu q = RequestPdu.parse(pdu("03006400 7d".replace(" ", "")));
        assertThat(q.address()).isEqualTo(100);
        assertThat(q.quantity()).isEqualTo(125);
        assertThatThrownBy(() -> RequestPdu.parse(pdu("030064007e"))).hasMessageContaining("1..125, got 126");
        assertThatThrownBy(() -> RequestPdu.parse(pdu("10000a00020300010002")))
                .hasMessageContaining("byte count 3");
        assertThatThrownBy(() -> RequestPdu.parse(pdu("0500010012"))).hasMessageContaining("0x0000 or 0xFF00");
        RequestPdu rw = RequestPdu.parse(pdu("1700000002000a0001020007"));
        assertThat(rw.writeAddress()).isEqualTo(10);
        assertThat(rw.dataLength()).isEqualTo(2);
        assertThat(RequestPdu.parse(pdu("41aabb")).dataLength()).isEqualTo(2);
    }
}
