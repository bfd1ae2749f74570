package com.cloud.utils;

import java.io.Serializable;

public class Pair<T, U> implements Serializable {

    private T t;
    private U u;

    protected Pair() {
    }

    public Pair(T t, U u) {
        this.t = t;
        this.u = u;
    }

    public T first() {
        return t;
    }

    public U second() {
        return u;
    }

    public U second(U value) {
        u = value;
        return u;
    }

    public T first(T value) {
        t = value;
        return t;
    }
}
