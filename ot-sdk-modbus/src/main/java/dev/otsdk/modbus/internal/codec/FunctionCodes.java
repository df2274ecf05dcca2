package dev.otsdk.modbus.internal.codec;

/** Function codes and the quantity limits of the Modbus Application Protocol Specification V1.1b3. */
public final class FunctionCodes {

    /** FC 1. */
    public static final int READ_COILS = 1;
    /** FC 2. */
    public static final int READ_DISCRETE_INPUTS = 2;
    /** FC 3. */
    public static final int READ_HOLDING_REGISTERS = 3;
    /** FC 4. */
    public static final int READ_INPUT_REGISTERS = 4;
    /** FC 5. */
    public static final int WRITE_SINGLE_COIL = 5;
    /** FC 6. */
    public static final int WRITE_SINGLE_REGISTER = 6;
    /** FC 8. */
    public static final int DIAGNOSTICS = 8;
    /** FC 15. */
    public static final int WRITE_MULTIPLE_COILS = 15;
    /** FC 16. */
    public static final int WRITE_MULTIPLE_REGISTERS = 16;
    /** FC 22. */
    public static final int MASK_WRITE_REGISTER = 22;
    /** FC 23. */
    public static final int READ_WRITE_MULTIPLE_REGISTERS = 23;
    /** FC 43 (encapsulated interface transport), MEI type 14 for device identification. */
    public static final int ENCAPSULATED_INTERFACE = 43;
    /** MEI type of Read Device Identification. */
    public static final int MEI_READ_DEVICE_ID = 14;
    /** The bit set in an exception response's function code. */
    public static final int EXCEPTION_BIT = 0x80;

    /** Registers one FC 3/4 request may read. */
    public static final int MAX_READ_REGISTERS = 125;
    /** Bits one FC 1/2 request may read. */
    public static final int MAX_READ_BITS = 2000;
    /** Registers one FC 16 request may write. */
    public static final int MAX_WRITE_REGISTERS = 123;
    /** Coils one FC 15 request may write. */
    public static final int MAX_WRITE_BITS = 1968;
    /** Registers FC 23 may read. */
    public static final int MAX_RW_READ_REGISTERS = 125;
    /** Registers FC 23 may write. */
    public static final int MAX_RW_WRITE_REGISTERS = 121;
    /** Largest PDU: 256-byte RTU frame less address and CRC. */
    public static final int MAX_PDU = 253;

    private FunctionCodes() {
    }

    /**
     * A short name for messages.
     *
     * @param fc a function code
     * @return e.g. {@code FC3 (read holding registers)}
     */
    public static String describe(int fc) {
        String name = switch (fc) {
            case READ_COILS -> "read coils";
            case READ_DISCRETE_INPUTS -> "read discrete inputs";
            case READ_HOLDING_REGISTERS -> "read holding registers";
            case READ_INPUT_REGISTERS -> "read input registers";
            case WRITE_SINGLE_COIL -> "write single coil";
            case WRITE_SINGLE_REGISTER -> "write single register";
            case DIAGNOSTICS -> "diagnostics";
            case WRITE_MULTIPLE_COILS -> "write multiple coils";
            case WRITE_MULTIPLE_REGISTERS -> "write multiple registers";
            case MASK_WRITE_REGISTER -> "mask write register";
            case READ_WRITE_MULTIPLE_REGISTERS -> "read/write multiple registers";
            case ENCAPSULATED_INTERFACE -> "encapsulated interface";
            default -> "custom";
        };
        return "FC" + fc + " (" + name + ")";
    }
}
