package com.cloud.storage;

// Subset: only the nested ProvisioningType is declared.
public class Storage {

    public enum ProvisioningType {
        THIN("thin"),
        SPARSE("sparse"),
        FAT("fat");

        private final String provisionType;

        ProvisioningType(String provisionType) {
            this.provisionType = provisionType;
        }

        @Override
        public String toString() {
            return provisionType;
        }

        public static ProvisioningType getProvisioningType(String provisioningType) {
            return null;
        }
    }
}
