package com.cloud.utils.db;

// Subset of the real class: Op and addAnd only (both real addAnd overloads; CloudStack marks them deprecated). It is
// also the parameter type of the GenericDao overloads that take one (remove, update, searchIncludingRemoved). Mock it
// in tests.
public class SearchCriteria<K> {

    public enum Op {
        GT, GTEQ, LT, LTEQ, EQ, NEQ, BETWEEN, NBETWEEN, IN, NOTIN, LIKE, NLIKE, NIN, NULL, NNULL, SC, TEXT, RP, AND, OR,
        NOT, FIND_IN_SET, BINARY_OR, LIKE_REPLACE, LIKE_CONCAT
    }

    protected SearchCriteria() {
    }

    @Deprecated
    public void addAnd(String field, Op op, Object... values) {
    }

    @Deprecated
    public void addAnd(Attribute attr, Op op, Object... values) {
    }
}
