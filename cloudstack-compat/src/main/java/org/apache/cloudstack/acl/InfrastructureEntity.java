package org.apache.cloudstack.acl;

public interface InfrastructureEntity {
}
