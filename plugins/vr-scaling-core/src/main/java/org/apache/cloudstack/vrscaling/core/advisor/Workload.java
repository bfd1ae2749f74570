package org.apache.cloudstack.vrscaling.core.advisor;

import java.util.Locale;

/** The traffic a router must carry at its peak. */
public final class Workload {
    private final long peakConnections;
    private final long newConnectionsPerSecond;
    private final double throughputGbps;
    private final int ipsecTunnels;

    public Workload(long peakConnections, long newConnectionsPerSecond, double throughputGbps, int ipsecTunnels) {
        if (peakConnections < 0 || peakConnections > 100_000_000L) {
            throw new IllegalArgumentException("connections must be between 0 and 100,000,000 (got "
                    + peakConnections + ")");
        }
        if (newConnectionsPerSecond < 0 || newConnectionsPerSecond > 10_000_000L) {
            throw new IllegalArgumentException("new connections per second must be between 0 and 10,000,000 (got "
                    + newConnectionsPerSecond + ")");
        }
        if (Double.isNaN(throughputGbps) || throughputGbps < 0 || throughputGbps > 400) {
            throw new IllegalArgumentException("throughput must be between 0 and 400 Gbit/s (got "
                    + throughputGbps + ")");
        }
        if (ipsecTunnels < 0 || ipsecTunnels > 10_000) {
            throw new IllegalArgumentException("IPsec tunnels must be between 0 and 10,000 (got " + ipsecTunnels + ")");
        }
        this.peakConnections = peakConnections;
        this.newConnectionsPerSecond = newConnectionsPerSecond;
        this.throughputGbps = throughputGbps;
        this.ipsecTunnels = ipsecTunnels;
    }

    public long getPeakConnections() {
        return peakConnections;
    }

    public long getNewConnectionsPerSecond() {
        return newConnectionsPerSecond;
    }

    public double getThroughputGbps() {
        return throughputGbps;
    }

    public int getIpsecTunnels() {
        return ipsecTunnels;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d concurrent connections, %,d new/s, %.2f Gbit/s, %d IPsec tunnel(s)",
                peakConnections, newConnectionsPerSecond, throughputGbps, ipsecTunnels);
    }
}
