package com.cloud.utils.fsm;

public interface FiniteStateObject<S, E> {
    void setState(S state);
}
