package org.apache.cloudstack.vrscaling.core.advisor;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;

/** A named standard router size; the advisor recommends the smallest rung that holds a workload. */
public final class SizeRung {
    private final String name;
    private final RouterSize size;

    public SizeRung(String name, RouterSize size) {
        this.name = name;
        this.size = size;
    }

    /**
     * The built-in ladder, smallest first. Steps double RAM or vCPUs, like appliance sizes elsewhere (NSX Edge
     * S/M/L/XL = 2/4/8/16 vCPU); the smallest is CloudStack's default router with enough RAM for real NAT state.
     */
    public static List<SizeRung> defaultLadder() {
        return Collections.unmodifiableList(Arrays.asList(
                new SizeRung("xsmall", new RouterSize(1, 1000, 512)),
                new SizeRung("small", new RouterSize(1, 2000, 1024)),
                new SizeRung("medium", new RouterSize(2, 2000, 2048)),
                new SizeRung("large", new RouterSize(4, 2000, 4096)),
                new SizeRung("xlarge", new RouterSize(8, 2000, 8192)),
                new SizeRung("xxlarge", new RouterSize(16, 2000, 16384))));
    }

    public String getName() {
        return name;
    }

    public RouterSize getSize() {
        return size;
    }

    @Override
    public String toString() {
        return name + " (" + size + ")";
    }
}
