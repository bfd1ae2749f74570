package com.cloud.utils.db;

// Subset of the real class: no public members. It is here for the GenericDao overloads that take one
// (remove, update), which make some calls ambiguous against the real DAOs. Mock it in tests.
public class SearchCriteria<K> {

    protected SearchCriteria() {
    }
}
