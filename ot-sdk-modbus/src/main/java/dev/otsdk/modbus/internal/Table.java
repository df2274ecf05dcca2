package dev.otsdk.modbus.internal;

import dev.otsdk.modbus.internal.codec.FunctionCodes;

/** The four Modbus data tables. */
enum Table {
    COIL("coil", FunctionCodes.READ_COILS, true, true),
    DISCRETE("discrete", FunctionCodes.READ_DISCRETE_INPUTS, true, false),
    INPUT("input", FunctionCodes.READ_INPUT_REGISTERS, false, false),
    HOLDING("holding", FunctionCodes.READ_HOLDING_REGISTERS, false, true);

    private final String text;
    private final int readFunction;
    private final boolean bits;
    private final boolean writable;

    Table(String text, int readFunction, boolean bits, boolean writable) {
        this.text = text;
        this.readFunction = readFunction;
        this.bits = bits;
        this.writable = writable;
    }

    String text() {
        return text;
    }

    int readFunction() {
        return readFunction;
    }

    boolean bits() {
        return bits;
    }

    boolean writable() {
        return writable;
    }

    /** Modicon prefix digit: 0 coils, 1 discrete inputs, 3 input registers, 4 holding registers. */
    static Table ofModiconDigit(char d) {
        return switch (d) {
            case '0' -> COIL;
            case '1' -> DISCRETE;
            case '3' -> INPUT;
            case '4' -> HOLDING;
            default -> null;
        };
    }

    static Table ofName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "coil", "coils", "c" -> COIL;
            case "discrete", "di" -> DISCRETE;
            case "input", "ir" -> INPUT;
            case "holding", "hr" -> HOLDING;
            default -> null;
        };
    }
}
