package org.apache.cloudstack.vrscaling.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.cloudstack.vrscaling.core.render.CloudConfigRenderer;
import org.apache.cloudstack.vrscaling.core.render.SysctlConfRenderer;

/** The offline planner: `plan` and `render`, no CloudStack needed. */
public final class VrScaleCli {
    static final int OK = 0;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join("\n",
            "usage: vrscale plan   [SIZE | WORKLOAD] [ASSUMPTIONS] [--output table|json]",
            "       vrscale render --format sysctl|cloud-config [SIZE | WORKLOAD] [ASSUMPTIONS]",
            "",
            "SIZE      --memory MiB (default 512)  --cpus N (default 1)  --mhz MHz (default 500)",
            "          defaults are CloudStack's default router offering",
            "WORKLOAD  --connections N  --new-per-second N  --gbps X  --ipsec-tunnels N",
            "          recommends the smallest size that holds the workload, then plans it",
            "ASSUMPTIONS",
            "          --conntrack-budget F (share of RAM, default 0.25)  --bytes-per-entry B (default 400)",
            "          --kernel modern|legacy (Linux >= 5.15 or older, default modern)  --max-queues N (default 8)",
            "          --set KEY=VALUE  explicit value, e.g. --set conntrackmax=500000 (repeatable)",
            "");

    private VrScaleCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) || "-h".equals(args[0])) {
            out.print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            switch (args[0]) {
                case "plan":
                    return plan(args, out);
                case "render":
                    return render(args, out);
                default:
                    throw new UsageException("unknown command '" + args[0] + "' (use plan or render)");
            }
        } catch (UsageException e) {
            err.println("vrscale: error: " + e.getMessage());
            return USAGE;
        }
    }

    private static int plan(String[] args, PrintStream out) throws UsageException {
        CliArguments parsed = CliArguments.parse(args, 1, PlanReport.allOptions("output"));
        String output = parsed.string("output", "table");
        if (!"table".equals(output) && !"json".equals(output)) {
            throw new UsageException("--output must be 'table' or 'json' (got '" + output + "')");
        }
        PlanReport report = PlanReport.from(parsed);
        if ("json".equals(output)) {
            out.println(JsonFormatter.format(report));
        } else {
            TableFormatter.print(report, out);
        }
        return OK;
    }

    private static int render(String[] args, PrintStream out) throws UsageException {
        CliArguments parsed = CliArguments.parse(args, 1, PlanReport.allOptions("format"));
        if (!parsed.has("format")) {
            throw new UsageException("render needs --format sysctl or --format cloud-config");
        }
        String format = parsed.string("format", "");
        PlanReport report = PlanReport.from(parsed);
        if ("sysctl".equals(format)) {
            out.print(SysctlConfRenderer.render(report.profile, report.describe()));
        } else if ("cloud-config".equals(format)) {
            out.print(CloudConfigRenderer.render(report.profile, report.describe()));
        } else {
            throw new UsageException("--format must be 'sysctl' or 'cloud-config' (got '" + format + "')");
        }
        return OK;
    }
}
