package org.apache.cloudstack.api.command.admin.vpc;

import org.apache.cloudstack.api.BaseAsyncCreateCmd;

import com.cloud.exception.ResourceAllocationException;

// Subset of the real command: no API parameters or getters. Declared only because
// VpcProvisioningService.createVpcOffering has an overload taking it.
public class CreateVPCOfferingCmd extends BaseAsyncCreateCmd {

    public CreateVPCOfferingCmd() {
    }

    @Override
    public void create() throws ResourceAllocationException {
    }

    @Override
    public void execute() {
    }

    @Override
    public String getEventType() {
        return null;
    }

    @Override
    public String getEventDescription() {
        return null;
    }

    @Override
    public long getEntityOwnerId() {
        return 0;
    }
}
