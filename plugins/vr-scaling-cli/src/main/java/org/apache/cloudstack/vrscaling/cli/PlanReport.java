package org.apache.cloudstack.vrscaling.cli;


import org.apache.cloudstack.vrscaling.core.advisor.Advice;
import org.apache.cloudstack.vrscaling.core.advisor.Workload;
import org.apache.cloudstack.vrscaling.core.advisor.WorkloadAdvisor;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.KernelDefaults;
import org.apache.cloudstack.vrscaling.core.sizing.KernelGeneration;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TableAssessment;

/** Everything `plan` and `render` show, computed once from the command line. */
final class PlanReport {
    /** CloudStack's default router offering: router.cpu.mhz=500, router.ram.size=512 (global settings). */
    static final int DEFAULT_MEMORY_MIB = 512;
    static final int DEFAULT_CPUS = 1;
    static final int DEFAULT_CPU_MHZ = 500;

    static final String[] SIZE_OPTIONS = {"memory", "cpus", "mhz"};
    static final String[] WORKLOAD_OPTIONS = {"connections", "new-per-second", "gbps", "ipsec-tunnels"};
    static final String[] ASSUMPTION_OPTIONS = {"conntrack-budget", "bytes-per-entry", "kernel", "max-queues", "set"};

    final SizingAssumptions assumptions;
    final RouterSize size;
    final Advice advice;
    final KernelTuning profile;
    final KernelTuning stock;
    final TableAssessment profileAssessment;
    final TableAssessment stockAssessment;

    private PlanReport(SizingAssumptions assumptions, RouterSize size, Advice advice, KernelTuning profile) {
        this.assumptions = assumptions;
        this.size = size;
        this.advice = advice;
        this.profile = profile;
        this.stock = KernelDefaults.cloudStackDefault(size, assumptions);
        this.profileAssessment = TableAssessment.assess(profile, size, assumptions);
        this.stockAssessment = TableAssessment.assess(stock, size, assumptions);
    }

    static PlanReport from(CliArguments args) throws UsageException {
        boolean workloadMode = false;
        for (String option : WORKLOAD_OPTIONS) {
            workloadMode |= args.has(option);
        }
        for (String option : SIZE_OPTIONS) {
            if (workloadMode && args.has(option)) {
                throw new UsageException("give either a size (--memory/--cpus/--mhz) or a workload "
                        + "(--connections/--new-per-second/--gbps/--ipsec-tunnels), not both");
            }
        }
        try {
            SizingAssumptions assumptions = assumptions(args);
            SizingModel model = new SizingModel(assumptions);
            TuningOverrides overrides = TuningOverrides.parse(args.sets());
            Advice advice = null;
            RouterSize size;
            if (workloadMode) {
                Workload workload = new Workload(
                        args.integer("connections", 0, 0, 100_000_000L),
                        args.integer("new-per-second", 0, 0, 10_000_000L),
                        args.decimal("gbps", 0, 0, 400),
                        (int) args.integer("ipsec-tunnels", 0, 0, 10_000));
                advice = new WorkloadAdvisor(model).advise(workload);
                size = advice.getRecommended().getSize();
            } else {
                size = new RouterSize(
                        (int) args.integer("cpus", DEFAULT_CPUS, RouterSize.MIN_CPUS, RouterSize.MAX_CPUS),
                        (int) args.integer("mhz", DEFAULT_CPU_MHZ, RouterProfile.MIN_CPU_MHZ, RouterSize.MAX_CPU_MHZ),
                        (int) args.integer("memory", DEFAULT_MEMORY_MIB, RouterProfile.MIN_MEMORY_MIB,
                                RouterSize.MAX_MEMORY_MIB));
            }
            KernelTuning tuning = new RouterProfile("cli", size, overrides).effectiveTuning(model);
            return new PlanReport(assumptions, size, advice, tuning);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static SizingAssumptions assumptions(CliArguments args) throws UsageException {
        String kernel = args.string("kernel", "modern");
        KernelGeneration generation;
        if ("modern".equals(kernel)) {
            generation = KernelGeneration.MODERN;
        } else if ("legacy".equals(kernel)) {
            generation = KernelGeneration.LEGACY;
        } else {
            throw new UsageException("--kernel must be 'modern' (Linux >= 5.15) or 'legacy' (got '" + kernel + "')");
        }
        return new SizingAssumptions(
                args.decimal("conntrack-budget", SizingAssumptions.DEFAULT_CONNTRACK_MEMORY_FRACTION, 0.05, 0.6),
                (int) args.integer("bytes-per-entry", SizingAssumptions.DEFAULT_BYTES_PER_CONNTRACK_ENTRY, 128, 4096),
                generation,
                (int) args.integer("max-queues", SizingAssumptions.DEFAULT_MAX_NIC_QUEUES, 1, 64));
    }

    String describe() {
        String what = advice != null ? "size '" + advice.getRecommended().getName() + "' (" + size + ")" : size.toString();
        return "VR Scale tuning for routers of " + what;
    }

    static String[] allOptions(String... extra) {
        String[] all = new String[SIZE_OPTIONS.length + WORKLOAD_OPTIONS.length + ASSUMPTION_OPTIONS.length
                + extra.length];
        int i = 0;
        for (String[] group : new String[][] {SIZE_OPTIONS, WORKLOAD_OPTIONS, ASSUMPTION_OPTIONS, extra}) {
            for (String option : group) {
                all[i++] = option;
            }
        }
        return all;
    }
}
