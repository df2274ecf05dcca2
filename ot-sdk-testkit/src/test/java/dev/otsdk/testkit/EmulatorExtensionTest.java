package dev.otsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs small scenario classes through the JUnit engine and checks what the extension did. The
 * scenarios are static nested classes, which Surefire does not run by itself.
 */
class EmulatorExtensionTest {

    @BeforeEach
    void clearEvents() {
        FakeEmulator.EVENTS.clear();
    }

    @Test
    void staticFieldsLiveForTheClassAndInstanceFieldsForOneTest() {
        EngineExecutionResults results = run(LifecycleScenario.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(FakeEmulator.EVENTS).containsExactly(
                "start shared",
                "start perTest", "test first: shared=true perTest=true", "close perTest",
                "start perTest", "test second: shared=true perTest=true", "close perTest",
                "close shared");
    }

    @Test
    void superclassFieldsStartFirstDeclarationOrderIsKeptAndClosingIsReversed() {
        run(OrderScenario.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(FakeEmulator.EVENTS).containsExactly(
                "start base", "start first", "start second", "test",
                "close second", "close first", "close base");
    }

    @Test
    void nestedTestsGetTheEnclosingInstancesEmulatorsToo() {
        run(NestedScenario.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertThat(FakeEmulator.EVENTS).containsExactly(
                "start outerStatic",
                "start outer", "test outer", "close outer",
                "start outer", "start inner", "test inner: outer=true", "close inner", "close outer",
                "close outerStatic");
    }

    @Test
    void perClassInstanceFieldsLiveForTheClass() {
        run(PerClassScenario.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertThat(FakeEmulator.EVENTS).containsExactly("start perClass", "test", "test", "close perClass");
    }

    @Test
    void anEmulatorInTwoFieldsStartsAndClosesOnce() {
        run(AliasScenario.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(FakeEmulator.EVENTS).containsExactly("start same", "test", "close same");
    }

    @Test
    void closeFailuresAreThrownWithLaterOnesSuppressedAndEveryEmulatorIsClosed() {
        Throwable failure = onlyFailure(run(CloseFailureScenario.class));

        assertThat(FakeEmulator.EVENTS).containsExactly(
                "start a", "start b", "start c", "test", "close c", "close b", "close a");
        assertThat(failure).hasMessage("c broke");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("a broke");
    }

    @Test
    void closeFailuresAfterAFailedTestAreAttachedToTheTestFailure() {
        Throwable failure = onlyFailure(run(FailingTestScenario.class));

        assertThat(failure).isInstanceOf(AssertionError.class).hasMessage("the test failed");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("a broke");
    }

    @Test
    void staticCloseFailuresFailTheClass() {
        EngineExecutionResults results = run(StaticCloseFailureScenario.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        List<Throwable> failures = results.containerEvents().failed().stream()
                .map(EmulatorExtensionTest::throwable).toList();
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("static broke");
    }

    @Test
    void aFailedStartStillClosesWhatWasStarted() {
        Throwable failure = onlyFailure(run(StartFailureScenario.class));

        assertThat(failure).hasMessage("cannot bind");
        assertThat(FakeEmulator.EVENTS).containsExactly("start ok", "start broken", "close broken", "close ok");
    }

    @Test
    void aNullFieldIsAnErrorNamingTheField() {
        Throwable failure = onlyFailure(run(NullFieldScenario.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("NullFieldScenario.missing")
                .hasMessageContaining("is null");
    }

    @Test
    void aFieldThatIsNotAnEmulatorIsAnErrorNamingTheField() {
        Throwable failure = onlyFailure(run(WrongTypeScenario.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("WrongTypeScenario.notAnEmulator")
                .hasMessageContaining("does not implement " + Emulator.class.getName());
    }

    private static EngineExecutionResults run(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute();
    }

    private static Throwable onlyFailure(EngineExecutionResults results) {
        List<Throwable> failures = results.testEvents().failed().stream().map(EmulatorExtensionTest::throwable).toList();
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }

    private static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    // ---- scenarios -------------------------------------------------------------------------------

    @EmulatorTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class LifecycleScenario {
        @StartStop static final FakeEmulator shared = new FakeEmulator("shared");
        @StartStop final FakeEmulator perTest = new FakeEmulator("perTest");

        @Test
        void first() {
            FakeEmulator.EVENTS.add("test first: shared=" + shared.isRunning() + " perTest=" + perTest.isRunning());
        }

        @Test
        void second() {
            FakeEmulator.EVENTS.add("test second: shared=" + shared.isRunning() + " perTest=" + perTest.isRunning());
        }
    }

    @ExtendWith(EmulatorExtension.class)
    abstract static class BaseScenario {
        @StartStop final FakeEmulator base = new FakeEmulator("base");
    }

    static class OrderScenario extends BaseScenario {
        @StartStop final FakeEmulator first = new FakeEmulator("first");
        @StartStop final FakeEmulator second = new FakeEmulator("second");

        @Test
        void test() {
            FakeEmulator.EVENTS.add("test");
        }
    }

    @EmulatorTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class NestedScenario {
        @StartStop static final FakeEmulator outerStatic = new FakeEmulator("outerStatic");
        @StartStop final FakeEmulator outer = new FakeEmulator("outer");

        @Test
        void aOuter() {
            FakeEmulator.EVENTS.add("test outer");
        }

        @Nested
        class Inner {
            @StartStop final FakeEmulator inner = new FakeEmulator("inner");

            @Test
            void test() {
                FakeEmulator.EVENTS.add("test inner: outer=" + outer.isRunning());
            }
        }
    }

    @EmulatorTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassScenario {
        @StartStop final FakeEmulator perClass = new FakeEmulator("perClass");

        @Test
        void one() {
            FakeEmulator.EVENTS.add("test");
        }

        @Test
        void two() {
            FakeEmulator.EVENTS.add("test");
        }
    }

    @EmulatorTest
    static class AliasScenario {
        @StartStop final FakeEmulator one = new FakeEmulator("same");
        @StartStop final FakeEmulator alias = one;

        @Test
        void test() {
            FakeEmulator.EVENTS.add("test");
        }
    }

    @EmulatorTest
    static class CloseFailureScenario {
        @StartStop final FakeEmulator a = new FakeEmulator("a").failingClose("a broke");
        @StartStop final FakeEmulator b = new FakeEmulator("b");
        @StartStop final FakeEmulator c = new FakeEmulator("c").failingClose("c broke");

        @Test
        void test() {
            FakeEmulator.EVENTS.add("test");
        }
    }

    @EmulatorTest
    static class FailingTestScenario {
        @StartStop final FakeEmulator a = new FakeEmulator("a").failingClose("a broke");

        @Test
        void test() {
            throw new AssertionError("the test failed");
        }
    }

    @EmulatorTest
    static class StaticCloseFailureScenario {
        @StartStop static final FakeEmulator shared = new FakeEmulator("static").failingClose("static broke");

        @Test
        void test() {
            FakeEmulator.EVENTS.add("test");
        }
    }

    @EmulatorTest
    static class StartFailureScenario {
        @StartStop final FakeEmulator ok = new FakeEmulator("ok");
        @StartStop final FakeEmulator broken = new FakeEmulator("broken").failingStart("cannot bind");

        @Test
        void test() {
            FakeEmulator.EVENTS.add("test");
        }
    }

    @EmulatorTest
    static class NullFieldScenario {
        @StartStop FakeEmulator missing;

        @Test
        void test() {
            FakeEmulator.EVENTS.add("test");
        }
    }

    @EmulatorTest
    static class WrongTypeScenario {
        @StartStop final Object notAnEmulator = new FakeEmulator("hidden");

        @Test
        void test() {
            FakeEmulator.EVENTS.add("test");
        }
    }
}
