package com.cloud.resource;

import java.io.File;

import com.cloud.utils.component.Manager;

// Subset: only the SSH key constants; the agent-facing methods (executeRequest, initialize, getCurrentStatus, ...)
// are not declared, so command wrappers reach the resource only through its concrete class.
public interface ServerResource extends Manager {

    String SSHKEYSPATH = "/root/.ssh";
    String SSHPRVKEYPATH = SSHKEYSPATH + File.separator + "id_rsa.cloud";
}
