package org.apache.cloudstack.vrscaling.presize;

import java.util.List;

import javax.inject.Inject;

import com.cloud.event.EventTypes;
import com.cloud.event.UsageEventUtils;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.utils.db.Transaction;
import com.cloud.utils.db.TransactionCallback;
import com.cloud.utils.db.TransactionStatus;
import com.cloud.vm.Nic;
import com.cloud.vm.NicVO;
import com.cloud.vm.VMInstanceVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.dao.NicDao;
import com.cloud.vm.dao.VMInstanceDao;

/**
 * Points a network or VPC at another offering of the same shape. Nothing is shut down or re-implemented: routers
 * and VMs keep running, only routers created later see the new offering. For a network, the offering row and the
 * per-NIC usage events change in one transaction, the same events updateNetwork records for an offering change,
 * so usage records move to the new offering id exactly as they would after CloudStack's own change.
 */
public class OfferingSwitcher {
    @Inject
    NetworkDao networkDao;
    @Inject
    VpcDao vpcDao;
    @Inject
    NicDao nicDao;
    @Inject
    VMInstanceDao vmInstanceDao;

    /** @return how many NICs got usage events */
    public int switchNetwork(long networkId, long fromOfferingId, long toOfferingId) {
        return Transaction.execute(new TransactionCallback<Integer>() {
            @Override
            public Integer doInTransaction(TransactionStatus status) {
                NetworkVO network = networkDao.findById(networkId);
                if (network == null) {
                    throw new PresizeRefusedException("network " + networkId + " no longer exists");
                }
                if (network.getNetworkOfferingId() != fromOfferingId) {
                    throw new PresizeRefusedException("network " + network.getName() + " moved to offering "
                            + network.getNetworkOfferingId() + " meanwhile; left as it is");
                }
                network.setNetworkOfferingId(toOfferingId);
                networkDao.update(networkId, network);
                return publishOfferingChange(networkId, fromOfferingId, toOfferingId);
            }
        });
    }

    public void switchVpc(long vpcId, long fromOfferingId, long toOfferingId) {
        VpcVO vpc = vpcDao.findById(vpcId);
        if (vpc == null) {
            throw new PresizeRefusedException("VPC " + vpcId + " no longer exists");
        }
        if (vpc.getVpcOfferingId() != fromOfferingId) {
            throw new PresizeRefusedException("VPC " + vpc.getName() + " moved to offering " + vpc.getVpcOfferingId()
                    + " meanwhile; left as it is");
        }
        // CloudStack records no usage event for a VPC offering (restartVPC makeredundant changes it the same way).
        vpc.setVpcOfferingId(toOfferingId);
        vpcDao.update(vpcId, vpc);
    }

    private int publishOfferingChange(long networkId, long fromOfferingId, long toOfferingId) {
        int published = 0;
        List<NicVO> nics = nicDao.listByNetworkId(networkId);
        for (NicVO nic : nics) {
            if (nic.getReservationStrategy() == Nic.ReservationStrategy.PlaceHolder) {
                continue;
            }
            VMInstanceVO vm = vmInstanceDao.findById(nic.getInstanceId());
            if (vm == null) {
                continue;
            }
            long isDefault = nic.isDefaultNic() ? 1 : 0;
            String nicId = Long.toString(nic.getId());
            UsageEventUtils.publishUsageEvent(EventTypes.EVENT_NETWORK_OFFERING_REMOVE, vm.getAccountId(),
                    vm.getDataCenterId(), vm.getId(), nicId, fromOfferingId, null, isDefault,
                    VirtualMachine.class.getName(), vm.getUuid(), vm.isDisplay());
            UsageEventUtils.publishUsageEvent(EventTypes.EVENT_NETWORK_OFFERING_ASSIGN, vm.getAccountId(),
                    vm.getDataCenterId(), vm.getId(), nicId, toOfferingId, null, isDefault,
                    VirtualMachine.class.getName(), vm.getUuid(), vm.isDisplay());
            published++;
        }
        return published;
    }
}
