package com.cloud.utils.fsm;

public class NoTransitionException extends Exception {

    public NoTransitionException(String msg) {
        super(msg);
    }
}
