package org.apache.cloudstack.vrscaling.tuning;

/** The router could not be reached with a command, or did not answer with a readable report. */
public class TuningNotDeliveredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TuningNotDeliveredException(String message) {
        super(message);
    }
}
