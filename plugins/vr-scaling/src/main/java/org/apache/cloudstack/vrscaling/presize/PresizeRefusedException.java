package org.apache.cloudstack.vrscaling.presize;

/** Pre-sizing cannot be done safely for a scope; nothing was switched. The message says why, for people. */
public class PresizeRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PresizeRefusedException(String message) {
        super(message);
    }
}
