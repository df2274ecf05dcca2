package dev.otsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceException;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.api.Quality;
import dev.otsdk.api.ReadResult;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionClosedException;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.TagWrite;
import dev.otsdk.api.ValueConversionException;
import dev.otsdk.api.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionReadWriteTest {

    private final MemoryDriver driver = new MemoryDriver();
    private final MemoryDriver.Device device = driver.device("plc");
    private OtClient ot;

    @BeforeEach
    void start() {
        ot = OtClient.builder().driver(driver).build();
    }

    @AfterEach
    void stop() {
        ot.close();
    }

    @Test
    void readsOneTypedTag() {
        device.values.put("temp", 21.5);
        try (Session s = ot.connect("mem://plc")) {
            TagValue<Double> v = s.read(Tag.of("v:temp", DataType.FLOAT64));
            assertThat(v.value()).isEqualTo(21.5);
            assertThat(v.quality()).isEqualTo(Quality.GOOD);
            assertThat(v.status().isGood()).isTrue();
            assertThat(v.receivedTime()).isNotNull();
            assertThat(s.protocol()).isEqualTo("Memory");
            assertThat(s.state()).isEqualTo(SessionState.CONNECTED);
        }
    }

    @Test
    void readsManyTagsInRequestOrderWithinPlannedBatches() {
        List<Tag<?>> tags = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            device.values.put("t" + i, i);
            tags.add(Tag.of("v:t" + i, DataType.INT32));
        }
        try (Session s = ot.connect("mem://plc?batch=10")) {
            ReadResult r = s.read(tags);
            assertThat(r.size()).isEqualTo(25);
            for (int i = 0; i < 25; i++) {
                assertThat(r.get(i).valueOrNull()).isEqualTo(i);
                assertThat(r.get(i).tag()).isEqualTo(tags.get(i));
            }
            assertThat(device.reads).extracting(List::size).containsExactly(10, 10, 5);
        }
    }

    @Test
    void aRefusedTagInACoalescedReadMakesOnlyThatTagBad() {
        device.values.put("a", 1);
        device.values.put("b", 2);
        device.values.put("c", 3);
        device.refused.add("b");
        try (Session s = ot.connect("mem://plc")) {
            ReadResult r = s.read(List.of(Tag.parse("v:a"), Tag.parse("v:b"), Tag.parse("v:c")));
            assertThat(r.get(0).valueOrNull()).isEqualTo(1);
            assertThat(r.get(1).quality()).isEqualTo(Quality.BAD);
            assertThat(r.get(1).status()).isEqualTo(MemoryDriver.ILLEGAL_ADDRESS);
            assertThat(r.get(2).valueOrNull()).isEqualTo(3);
            assertThat(r.allGood()).isFalse();
            assertThat(device.reads).containsExactly(List.of("a", "b", "c"), List.of("a"), List.of("b"),
                    List.of("c"));
            assertThatThrownBy(() -> r.get(1).value()).isInstanceOf(DeviceException.class)
                    .hasMessageContaining("ILLEGAL_DATA_ADDRESS").hasMessageContaining("v:b");
        }
    }

    @Test
    void aPerItemErrorDoesNotFailTheOthers() {
        device.values.put("a", 1);
        try (Session s = ot.connect("mem://plc")) {
            ReadResult r = s.read(List.of(Tag.parse("v:a"), Tag.parse("v:missing")));
            assertThat(r.get(0).isGood()).isTrue();
            assertThat(r.get(1).status()).isEqualTo(MemoryDriver.UNKNOWN_ITEM);
            assertThat(device.reads).hasSize(1);
        }
    }

    @Test
    void anUntypedTagGetsTheAddressNaturalType() {
        device.values.put("n", 7);
        try (Session s = ot.connect("mem://plc")) {
            assertThat(s.read(Tag.parse("v:n")).value()).isEqualTo(7);
        }
    }

    @Test
    void aBadAddressFailsWithItsPosition() {
        try (Session s = ot.connect("mem://plc")) {
            assertThatThrownBy(() -> s.read(Tag.of("q:1", DataType.INT32)))
                    .isInstanceOfSatisfying(TagAddressException.class, e -> assertThat(e.position()).isZero());
            assertThat(device.reads).isEmpty();
        }
    }

    @Test
    void futuresCompleteOnCallbackThreadsNotOnIoThreads() throws Exception {
        device.values.put("a", 1);
        try (Session s = ot.connect("mem://plc")) {
            CompletableFuture<Void> gate = new CompletableFuture<>();
            device.gate = gate;
            // Attached before the device answers, so it runs on the thread that completes the future.
            CompletableFuture<String> thread = s.readAsync(Tag.parse("v:a")).thenApply(v -> Thread.currentThread().getName());
            gate.complete(null);
            assertThat(thread.get()).startsWith("otsdk-callback");
        }
    }

    @Test
    void writesAreAcknowledgedAndStored() {
        try (Session s = ot.connect("mem://plc")) {
            s.write(Tag.of("v:sp", DataType.INT16), (short) 5);
            assertThat(device.values.get("sp")).isEqualTo((short) 5);
        }
    }

    @Test
    void aRefusedWriteThrowsWithTheDeviceStatus() {
        device.readOnly.add("ro");
        try (Session s = ot.connect("mem://plc")) {
            assertThatThrownBy(() -> s.write(Tag.of("v:ro", DataType.INT32), 1))
                    .isInstanceOfSatisfying(DeviceException.class,
                            e -> assertThat(e.status()).isEqualTo(MemoryDriver.READ_ONLY))
                    .hasMessageContaining("v:ro");
        }
    }

    @Test
    void aRefusedWriteInABatchFailsOnlyItself() {
        device.refused.add("bad");
        try (Session s = ot.connect("mem://plc")) {
            WriteResult r = s.write(List.of(TagWrite.of(Tag.of("v:x", DataType.INT32), 1),
                    TagWrite.of(Tag.of("v:bad", DataType.INT32), 2), TagWrite.of(Tag.of("v:y", DataType.INT32), 3)));
            assertThat(r.get(0).isOk()).isTrue();
            assertThat(r.get(1).status()).isEqualTo(MemoryDriver.ILLEGAL_ADDRESS);
            assertThat(r.get(2).isOk()).isTrue();
            assertThat(device.values).containsEntry("x", 1).containsEntry("y", 3).doesNotContainKey("bad");
            assertThatThrownBy(r::orThrow).isInstanceOf(DeviceException.class).hasMessageContaining("v:bad");
        }
    }

    @Test
    void valuesForUntypedTagsAreConvertedToTheAddressType() {
        try (Session s = ot.connect("mem://plc")) {
            s.write(List.of(TagWrite.converting(Tag.parse("v:n"), "42"))).orThrow();
            assertThat(device.values.get("n")).isEqualTo(42);
            assertThatThrownBy(() -> s.write(List.of(TagWrite.converting(Tag.parse("v:n"), "forty"))))
                    .isInstanceOf(ValueConversionException.class).hasMessageContaining("v:n")
                    .hasMessageContaining("int32");
        }
    }

    @Test
    void emptyRequestsNeedNoRoundTrip() {
        try (Session s = ot.connect("mem://plc")) {
            assertThat(s.read(List.of()).size()).isZero();
            assertThat(s.write(List.of()).size()).isZero();
            assertThat(device.reads).isEmpty();
        }
    }

    @Test
    void anUnknownSchemeListsTheKnownOnes() {
        assertThatThrownBy(() -> ot.connect("nope://x")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("mem");
    }

    @Test
    void anUnknownOptionIsAnErrorWithASuggestion() {
        assertThatThrownBy(() -> ot.connect("mem://plc?bach=3")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("did you mean 'batch'");
        assertThat(device.connects).hasValue(0);
    }

    @Test
    void theUriWinsOverSessionOptions() {
        for (int i = 0; i < 6; i++) {
            device.values.put("t" + i, i);
        }
        SessionOptions o = SessionOptions.builder().option("batch", "2").build();
        try (Session s = ot.connect("mem://plc?batch=5", o)) {
            s.read(List.of(Tag.parse("v:t0"), Tag.parse("v:t1"), Tag.parse("v:t2"), Tag.parse("v:t3"),
                    Tag.parse("v:t4"), Tag.parse("v:t5")));
            assertThat(device.reads).extracting(List::size).containsExactly(5, 1);
        }
    }

    @Test
    void aClosedSessionRefusesWorkAndCloseIsIdempotent() {
        Session s = ot.connect("mem://plc");
        s.close();
        s.close();
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
        assertThatThrownBy(() -> s.read(Tag.parse("v:a"))).isInstanceOf(SessionClosedException.class);
        assertThat(device.sessionsClosed).hasValue(1);
        assertThat(device.openConnections()).isZero();
    }

    @Test
    void closingTheClientClosesItsSessions() {
        Session s = ot.connect("mem://plc");
        ot.close();
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
        assertThat(device.sessionsClosed).hasValue(1);
        assertThatThrownBy(() -> ot.connect("mem://plc")).isInstanceOf(SessionClosedException.class);
    }

    @Test
    void aDriverThatNeverAnswersStillTimesOut() {
        device.stallReads = true;
        try (Session s = ot.connect("mem://plc?timeout=50ms")) {
            assertThatThrownBy(() -> s.read(Tag.parse("v:a"))).isInstanceOf(OtTimeoutException.class)
                    .hasMessageContaining("v:a").hasMessageContaining("backstop");
        }
    }

    @Test
    void requestTimeoutComesFromTheUri() {
        device.stallReads = true;
        try (Session s = ot.connect("mem://plc?timeout=100ms")) {
            assertThatThrownBy(() -> s.read(Tag.parse("v:a"))).isInstanceOfSatisfying(OtTimeoutException.class,
                    e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(1200)));
        }
    }
}
