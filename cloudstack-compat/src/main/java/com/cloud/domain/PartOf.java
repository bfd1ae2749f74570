package com.cloud.domain;

public interface PartOf {
    long getDomainId();
}
