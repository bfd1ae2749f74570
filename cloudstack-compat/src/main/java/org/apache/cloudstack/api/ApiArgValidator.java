package org.apache.cloudstack.api;

public enum ApiArgValidator {
    NotNullOrEmpty, PositiveNumber, UuidString, RFCComplianceDomainName
}
