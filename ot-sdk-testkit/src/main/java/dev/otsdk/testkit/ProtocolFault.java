package dev.otsdk.testkit;

/**
 * A fault that only one protocol understands, such as a Modbus exception response, an S7 error
 * class and code, or an OPC UA bad status. Each emulator defines its own, usually as records:
 *
 * <pre>{@code
 * public record ModbusException(int code) implements ProtocolFault { }
 * }</pre>
 *
 * <p>The emulator builds the error reply itself when {@link FaultPlan#next(FaultPoint, Object)} hands
 * it one: at {@link FaultPoint#ON_REQUEST} instead of processing the request (the emulator's state is
 * untouched), at {@link FaultPoint#BEFORE_REPLY} after processing it (the change is made, the client
 * still sees an error). This keeps {@link Fault} sealed for the protocol-neutral effects that
 * the testkit's fault runner applies, and open where each protocol needs its own vocabulary, without a
 * stringly-typed "custom" fault.
 */
public non-sealed interface ProtocolFault extends Fault {
}
