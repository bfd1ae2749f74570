package com.cloud.utils.db;

// Subset of the real class: no public members. It is here for SearchCriteria.addAnd(Attribute, ...), the overload
// next to addAnd(String, ...), so a call resolves here as against CloudStack.
public class Attribute {

    protected Attribute() {
    }
}
