package dev.otsdk.testkit;

import dev.otsdk.modbus.ModbusExceptionCode;

/**
 * Faults only Modbus has, for the {@link ModbusEmulator}'s {@link FaultPlan}: answer with an exception
 * response, or answer under the wrong transaction or unit id. At {@link FaultPoint#ON_REQUEST} the
 * request is not carried out; at {@link FaultPoint#BEFORE_REPLY} it is, and only the answer is wrong.
 *
 * <pre>{@code
 * plc.faults().once(FaultPoint.ON_REQUEST, r -> r.address() == 7, ModbusFault.exception(ModbusExceptionCode.ILLEGAL_DATA_ADDRESS));
 * plc.faults().once(FaultPoint.BEFORE_REPLY, ModbusFault.wrongTransactionId());
 * }</pre>
 */
public sealed interface ModbusFault extends ProtocolFault {

    /**
     * An exception response.
     *
     * @param code the exception code
     * @return the fault
     */
    static ExceptionReply exception(ModbusExceptionCode code) {
        return new ExceptionReply(code.code());
    }

    /**
     * An exception response with any code, including ones the specification does not define.
     *
     * @param code 1..255
     * @return the fault
     */
    static ExceptionReply exception(int code) {
        return new ExceptionReply(code);
    }

    /**
     * The correct reply, sent under another transaction id (the original plus 0x8000), so the client
     * sees a response it never asked for. Only for MBAP (TCP, TLS) transports.
     *
     * @return the fault
     */
    static WrongTransactionId wrongTransactionId() {
        return new WrongTransactionId();
    }

    /**
     * The correct reply, sent from another unit id (the original plus 1).
     *
     * @return the fault
     */
    static WrongUnitId wrongUnitId() {
        return new WrongUnitId();
    }

    /**
     * Answers with an exception response.
     *
     * @param code the exception code, 1..255
     */
    record ExceptionReply(int code) implements ModbusFault {
        /**
         * Checks the code.
         *
         * @param code the exception code
         */
        public ExceptionReply {
            if (code < 1 || code > 255) {
                throw new IllegalArgumentException("exception code must be 1..255, got " + code);
            }
        }
    }

    /** Answers under a transaction id the client did not use. */
    record WrongTransactionId() implements ModbusFault {
    }

    /** Answers from a unit id the client did not address. */
    record WrongUnitId() implements ModbusFault {
    }
}
