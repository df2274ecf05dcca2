package dev.otsdk.api;

/** Told about every state change of a session, in order, on the client's callback threads. */
@FunctionalInterface
public interface SessionStateListener {

    /**
     * The session changed state.
     *
     * @param change from, to, when and why
     */
    void onStateChange(StateChange change);
}
