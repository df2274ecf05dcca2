package dev.otsdk.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.Gap;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionListener;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.Ports;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Polled subscriptions through the shared engine, and their survival across an emulator restart. */
class ModbusSubscriptionTest {

    @Test
    void subscriptionsSeeChangesAndSurviveAnEmulatorRestartOnTheSamePort() {
        int port = Ports.freePort();
        ModbusEmulator plc = ModbusEmulator.builder().port(port).build();
        plc.start();
        List<Object> values = new CopyOnWriteArrayList<>();
        List<Gap> gaps = new CopyOnWriteArrayList<>();
        try (OtClient ot = OtClient.create();
             Session s = ot.connect(plc.uri() + "?timeout=500ms&reconnectDelay=50ms&reconnectMaxDelay=200ms")) {
            plc.holding(0).setUInt16(1);
            Subscription sub = s.subscribe(List.of(Tag.parse("holding:0"), Tag.parse("coil:3")),
                    SubscriptionOptions.every(Duration.ofMillis(20)), new SubscriptionListener() {
                        @Override
                        public void onValue(TagValue<?> v) {
                            values.add(v.value());
                        }

                        @Override
                        public void onGap(Gap gap) {
                            gaps.add(gap);
                        }
                    });
            await().atMost(Duration.ofSeconds(5)).until(() -> values.contains(1) && values.contains(false));
            plc.holding(0).setUInt16(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> values.contains(2));

            plc.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> s.state() == SessionState.RECONNECTING);
            plc.holding(0).setUInt16(3); // the emulator keeps its data across restarts
            plc.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> values.contains(3));
            assertThat(s.state()).isEqualTo(SessionState.CONNECTED);
            assertThat(gaps).isNotEmpty();
            sub.close();
        } finally {
            plc.close();
        }
    }
}
