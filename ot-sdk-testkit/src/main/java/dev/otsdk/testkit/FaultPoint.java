package dev.otsdk.testkit;

/**
 * Where in an exchange an emulator consults its {@link FaultPlan}. Each point accepts only the faults
 * that mean something there, so a mistaken rule fails when it is added rather than doing nothing.
 *
 * <p>An emulator consults the points in this order for each request:
 *
 * <pre>{@code
 * channelActive:   plan.nextOnConnect()                  -> FaultEffects.onConnect(ctx, fault)
 * request decoded: plan.next(ON_REQUEST, request)        -> ProtocolFault: answer with an error
 *                                                          else FaultEffects.onRequest(ctx, fault, process)
 * reply computed:  plan.next(BEFORE_REPLY, request)      -> ProtocolFault: encode an error reply instead
 *                  plan.next(ON_REPLY_WRITE, request)
 *                  FaultEffects.writeReply(ctx, reply, content.then(write))
 * }</pre>
 *
 * <p>Keeping "what the reply says" ({@link #BEFORE_REPLY}) apart from "how its bytes travel"
 * ({@link #ON_REPLY_WRITE}) lets two independent rules act on one reply, e.g. an always-on latency and
 * a one-off corruption.
 */
public enum FaultPoint {

    /**
     * A connection was accepted; nothing has been read yet. Accepts {@link Fault.Delay} (start reading
     * later), {@link Fault.Stall} (never read, keep the connection open), {@link Fault.Drop} and
     * {@link Fault.Reset}. There is no request yet, so rules here cannot have a predicate.
     */
    ON_CONNECT,

    /**
     * A request was decoded and recorded; the emulator has not acted on it. Accepts
     * {@link Fault.Delay} (act later), {@link Fault.Stall} (ignore it), {@link Fault.Drop},
     * {@link Fault.Reset}, and a {@link ProtocolFault} (answer with an error, leave the state as it is).
     */
    ON_REQUEST,

    /**
     * The request was processed (a write has changed the emulator's state) and the reply encoded.
     * Accepts faults that change what the reply says: {@link Fault.RewriteReply} (malformed, replaced,
     * truncated) and a {@link ProtocolFault} (an error reply although the request took effect).
     */
    BEFORE_REPLY,

    /**
     * The reply's bytes are about to be written. Accepts faults in how they travel:
     * {@link Fault.Delay}, {@link Fault.SplitWrites}, {@link Fault.DropMidFrame}, {@link Fault.Stall}
     * (the reply is lost, the connection stays), {@link Fault.Drop} and {@link Fault.Reset}.
     */
    ON_REPLY_WRITE;

    /**
     * Tells whether a fault can be injected here. {@link Fault.None} is accepted everywhere; a
     * {@link Fault.Sequence} is accepted if all its steps are.
     *
     * @param fault a fault
     * @return whether this point accepts it
     */
    public boolean supports(Fault fault) {
        if (!(fault instanceof Fault.Sequence)) {
            return supportsStep(fault); // the common case, checked for every request: no list, no stream
        }
        for (Fault step : fault.steps()) {
            if (!supportsStep(step)) {
                return false;
            }
        }
        return true;
    }

    private boolean supportsStep(Fault f) {
        if (f instanceof Fault.None) {
            return true;
        }
        boolean gate = f instanceof Fault.Delay || f instanceof Fault.Stall
                || f instanceof Fault.Drop || f instanceof Fault.Reset;
        return switch (this) {
            case ON_CONNECT -> gate;
            case ON_REQUEST -> gate || f instanceof ProtocolFault;
            case BEFORE_REPLY -> f instanceof Fault.RewriteReply || f instanceof ProtocolFault;
            case ON_REPLY_WRITE -> gate || f instanceof Fault.SplitWrites || f instanceof Fault.DropMidFrame;
        };
    }
}
