package org.apache.cloudstack.vrscaling.cli;

/** A bad command line: reported as one line and exit code 2, never as a stack trace. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
