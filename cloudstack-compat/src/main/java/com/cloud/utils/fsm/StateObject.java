package com.cloud.utils.fsm;

public interface StateObject<S> {
    S getState();
}
