package dev.otsdk.testkit;

import java.util.HexFormat;

/**
 * A request the {@link ModbusEmulator} received, as recorded before it acted on it. Fault rule
 * predicates and {@link ModbusEmulator#takeRequest(java.time.Duration)} see these.
 *
 * @param connection the emulator's number for the connection, counting from 1
 * @param transactionId the MBAP transaction id, or -1 for RTU frames
 * @param unit the unit id
 * @param function the function code
 * @param address the start address (FC 8: the sub-function; FC 43: the MEI type; custom codes: 0)
 * @param quantity registers or bits read or written (FC 5/6: the value; FC 43/14: the read code)
 * @param role the client certificate's Modbus/TCP Security role, or {@code null} (no TLS, or no role)
 * @param pdu the request PDU, function code first
 */
public record ModbusRequest(int connection, int transactionId, int unit, int function, int address, int quantity,
        String role, byte[] pdu) {

    /**
     * Copies the PDU.
     *
     * @param connection the connection number
     * @param transactionId the transaction id
     * @param unit the unit id
     * @param function the function code
     * @param address the address
     * @param quantity the quantity
     * @param role the role
     * @param pdu the PDU
     */
    public ModbusRequest {
        pdu = pdu.clone();
    }

    /** @return a copy of the PDU */
    @Override
    public byte[] pdu() {
        return pdu.clone();
    }

    /** @return whether the function code only reads (1, 2, 3, 4, 8, 43) */
    public boolean isRead() {
        return function == 1 || function == 2 || function == 3 || function == 4 || function == 8 || function == 43;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModbusRequest r && r.connection == connection && r.transactionId == transactionId
                && r.unit == unit && java.util.Arrays.equals(r.pdu, pdu) && java.util.Objects.equals(r.role, role);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(pdu) * 31 + transactionId;
    }

    @Override
    public String toString() {
        return "ModbusRequest[conn=" + connection + ", tid=" + transactionId + ", unit=" + unit + ", FC" + function
                + ", address=" + address + ", quantity=" + quantity + (role == null ? "" : ", role=" + role) + ", pdu="
                + HexFormat.of().formatHex(pdu) + "]";
    }
}
