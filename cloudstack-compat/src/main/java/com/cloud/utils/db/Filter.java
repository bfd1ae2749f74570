package com.cloud.utils.db;

// Subset of the real class: no public members. It is here as a parameter type of the GenericDao search methods;
// VR Scale passes null (no ordering, no limit).
public class Filter {

    public Filter(long limit) {
    }
}
