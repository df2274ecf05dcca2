/**
 * Testkit public API.
 *
 * <ul>
 *   <li>{@link dev.otsdk.testkit.Emulator}, {@link dev.otsdk.testkit.StartStop} and
 *       {@link dev.otsdk.testkit.EmulatorExtension}: emulators declared as test fields, started and
 *       closed by JUnit 5.</li>
 *   <li>{@link dev.otsdk.testkit.Fault}, {@link dev.otsdk.testkit.FaultPoint},
 *       {@link dev.otsdk.testkit.FaultPlan}: the fault
 *       injection vocabulary every protocol emulator shares.</li>
 *   <li>{@link dev.otsdk.testkit.TestPki}: an in-memory CA issuing TLS, Modbus/TCP Security and
 *       OPC UA certificates.</li>
 *   <li>{@link dev.otsdk.testkit.Ports}: loopback addresses and port-0 helpers.</li>
 * </ul>
 */
package dev.otsdk.testkit;
