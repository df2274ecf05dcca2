package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadWriteResultTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");
    private static final Status ILLEGAL = new Status(2, "ILLEGAL_DATA_ADDRESS", "");

    private final Tag<Float> temp = Tag.of("holding:0", DataType.FLOAT32);
    private final Tag<Integer> level = Tag.of("holding:2", DataType.UINT16);
    private final Tag<Integer> levelNamed = level.named("level");

    @Test
    void readResultByIndexAndByTag() {
        TagValue<Float> tv = TagValue.good(temp, 21.5f, T0);
        TagValue<Integer> lv = TagValue.bad(level, ILLEGAL, T0);
        ReadResult r = ReadResult.of(List.of(tv, lv));
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.get(0)).isSameAs(tv);
        assertThat(r.get(1)).isSameAs(lv);
        TagValue<Float> typed = r.get(temp);
        Float value = typed.value();
        assertThat(value).isEqualTo(21.5f);
        assertThat(r.get(Tag.of("holding:0", DataType.FLOAT32))).as("equal tag").isSameAs(tv);
        assertThat(r.get(level)).isSameAs(lv);
        assertThat(r.allGood()).isFalse();
        assertThat(r).containsExactly(tv, lv);
        assertThat(r.values()).containsExactly(tv, lv);
        assertThatThrownBy(() -> r.values().add(tv)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.get(levelNamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level (holding:2:uint16) was not part of this read");
        assertThatThrownBy(() -> r.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void duplicateTagsGiveTheFirst() {
        TagValue<Float> a = TagValue.good(temp, 1f, T0);
        TagValue<Float> b = TagValue.good(temp, 2f, T0);
        assertThat(ReadResult.of(List.of(a, b)).get(temp)).isSameAs(a);
    }

    @Test
    void allGood() {
        assertThat(ReadResult.of(List.of()).allGood()).isTrue();
        assertThat(ReadResult.of(List.of(TagValue.good(temp, 1f, T0), TagValue.good(level, 2, T0))).allGood())
                .isTrue();
        TagValue<Float> uncertain = TagValue.of(temp, 1f, Quality.UNCERTAIN, Status.GOOD, null, null, T0);
        assertThat(ReadResult.of(List.of(uncertain)).allGood()).isFalse();
    }

    @Test
    void readResultIsACopy() {
        List<TagValue<?>> in = new ArrayList<>();
        in.add(TagValue.good(temp, 1f, T0));
        ReadResult r = ReadResult.of(in);
        in.clear();
        assertThat(r.size()).isEqualTo(1);
    }

    @Test
    void writeResult() {
        WriteOutcome ok = new WriteOutcome(temp, Status.GOOD);
        WriteOutcome refused = new WriteOutcome(level, ILLEGAL);
        assertThat(ok.isOk()).isTrue();
        assertThat(refused.isOk()).isFalse();

        WriteResult good = WriteResult.of(List.of(ok, new WriteOutcome(level, Status.GOOD)));
        assertThat(good.allOk()).isTrue();
        assertThat(good.orThrow()).isSameAs(good);
        assertThat(good.size()).isEqualTo(2);
        assertThat(good.get(0)).isSameAs(ok);

        WriteResult mixed = WriteResult.of(List.of(ok, refused, new WriteOutcome(temp, new Status(3, "X", ""))));
        assertThat(mixed.allOk()).isFalse();
        assertThat(mixed).hasSize(3);
        assertThat(mixed.outcomes()).containsExactly(ok, refused, mixed.get(2));
        DeviceException e = catchThrowableOfType(DeviceException.class, mixed::orThrow);
        assertThat(e.status()).as("the first refused write").isSameAs(ILLEGAL);
        assertThat(e).hasMessage("write holding:2:uint16 failed: ILLEGAL_DATA_ADDRESS (2)");
        assertThat(WriteResult.of(List.of()).allOk()).isTrue();
    }

    @Test
    void writeOutcomeRequiresFields() {
        assertThatThrownBy(() -> new WriteOutcome(null, Status.GOOD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WriteOutcome(temp, null)).isInstanceOf(NullPointerException.class);
    }
}
