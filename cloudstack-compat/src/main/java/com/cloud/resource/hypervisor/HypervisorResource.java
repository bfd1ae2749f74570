package com.cloud.resource.hypervisor;

import com.cloud.resource.ServerResource;

// Subset of the real interface: none of its members (VR Scale only needs it in CitrixResourceBase's header).
public interface HypervisorResource extends ServerResource {
}
