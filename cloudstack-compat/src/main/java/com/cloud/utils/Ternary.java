package com.cloud.utils;

public class Ternary<T, U, V> {

    private T t;
    private U u;
    private V v;

    public Ternary(T t, U u, V v) {
        this.t = t;
        this.u = u;
        this.v = v;
    }

    public T first() {
        return t;
    }

    public void first(T t) {
        this.t = t;
    }

    public U second() {
        return u;
    }

    public void second(U u) {
        this.u = u;
    }

    public V third() {
        return v;
    }

    public void third(V v) {
        this.v = v;
    }
}
