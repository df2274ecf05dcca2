package dev.otsdk.testkit;

import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a Modbus/TCP Security client may make a request, from the role in its certificate
 * (extension {@value TestPki#MODBUS_ROLE_OID}). A refused request is answered with exception code 01
 * (Illegal Function), as the Modbus/TCP Security specification prescribes.
 */
@FunctionalInterface
public interface ModbusAuthorization {

    /**
     * Decides.
     *
     * @param role the client's role, or {@code null} if its certificate has none (or there is no TLS)
     * @param request the request
     * @return whether to carry it out
     */
    boolean permits(String role, ModbusRequest request);

    /** @return a rule that permits everything */
    static ModbusAuthorization permitAll() {
        return (role, request) -> true;
    }

    /**
     * Readers may read, operators may also write; anyone else may do nothing.
     *
     * @param readerRole the role that may only read (e.g. {@code "reader"})
     * @param operatorRole the role that may read and write (e.g. {@code "operator"})
     * @return the rule
     */
    static ModbusAuthorization readOnly(String readerRole, String operatorRole) {
        Objects.requireNonNull(readerRole, "readerRole");
        Objects.requireNonNull(operatorRole, "operatorRole");
        return (role, request) -> operatorRole.equals(role) || readerRole.equals(role) && request.isRead();
    }

    /**
     * Permits only the listed roles, for everything.
     *
     * @param roles the roles
     * @return the rule
     */
    static ModbusAuthorization roles(Set<String> roles) {
        Set<String> copy = Set.copyOf(roles);
        return (role, request) -> role != null && copy.contains(role);
    }
}
