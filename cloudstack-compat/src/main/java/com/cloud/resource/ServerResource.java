package com.cloud.resource;

import java.io.File;

import com.cloud.agent.api.Answer;
import com.cloud.agent.api.Command;
import com.cloud.utils.component.Manager;

// Subset: methods using Host.Type, StartupCommand, PingCommand or IAgentControl are not declared.
public interface ServerResource extends Manager {

    String SSHKEYSPATH = "/root/.ssh";
    String SSHPRVKEYPATH = SSHKEYSPATH + File.separator + "id_rsa.cloud";

    Answer executeRequest(Command cmd);

    void disconnected();
}
