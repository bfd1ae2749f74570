package com.cloud.resource;

// Subset of the real interface: declared for ResourceManager's header only.
public interface ResourceService {
}
