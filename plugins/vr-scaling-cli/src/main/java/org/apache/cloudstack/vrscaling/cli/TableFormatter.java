package org.apache.cloudstack.vrscaling.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.apache.cloudstack.vrscaling.core.advisor.Advice;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.TableAssessment;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;

/** The human-readable `plan` output: CloudStack's default VR side by side with the VR Scale profile. */
final class TableFormatter {
    private static final String ROW = "%-52s %20s %12s %12s%n";
    private static final String TABLE_ROW = "%-30s %-30s %-30s%n";

    private TableFormatter() {
    }

    static void print(PlanReport report, PrintStream out) {
        if (report.advice != null) {
            printAdvice(report.advice, out);
        }
        out.println("VR Scale plan for a router of " + report.size);
        out.println("Assumptions: " + report.assumptions);
        out.println();
        out.printf(Locale.ROOT, ROW, "SETTING", "CLOUDSTACK DEFAULT", "VR SCALE", "MEMORY");
        for (TuningKey key : TuningKey.values()) {
            TuningValue mine = report.profile.get(key);
            String marker = mine.getSource() == TuningValue.Source.OVERRIDE ? "*" : "";
            out.printf(Locale.ROOT, ROW, key.displayName(), number(report.stock.value(key)),
                    number(mine.getValue()) + marker, mib(mine.getMemoryBytes()));
        }
        out.printf(Locale.ROOT, ROW, "worst-case kernel memory", mib(report.stock.totalMemoryBytes()), "",
                mib(report.profile.totalMemoryBytes()));
        out.println();
        out.printf(Locale.ROOT, TABLE_ROW, "FULL CONNTRACK TABLE", "CLOUDSTACK DEFAULT", "VR SCALE");
        out.printf(Locale.ROOT, TABLE_ROW, "memory when full", full(report.stockAssessment),
                full(report.profileAssessment));
        out.printf(Locale.ROOT, TABLE_ROW, "average hash chain when full",
                String.format(Locale.ROOT, "%,.1f", report.stockAssessment.getAverageChainLength()),
                String.format(Locale.ROOT, "%,.1f", report.profileAssessment.getAverageChainLength()));
        out.printf(Locale.ROOT, TABLE_ROW, "conntrack budget", mib(report.profileAssessment.getBudget()
                .getBudgetBytes()), mib(report.profileAssessment.getBudget().getBudgetBytes()));
        out.printf(Locale.ROOT, TABLE_ROW, "largest max within budget", allowed(report.stockAssessment),
                allowed(report.profileAssessment));
        out.printf(Locale.ROOT, TABLE_ROW, "verdict", verdict(report.stockAssessment),
                verdict(report.profileAssessment));
        out.println();
        printList(out, "What is wrong with CloudStack's default VR at this size:", report.stockAssessment.getFindings());
        printList(out, "What is still wrong with the VR Scale values:", report.profileAssessment.getFindings());
        out.println("Why each VR Scale value (* = set explicitly):");
        for (TuningValue value : report.profile.values()) {
            out.printf(Locale.ROOT, "  %s = %s%n      %s%n", value.getKey().displayName(), number(value.getValue()),
                    value.getWhy());
        }
    }

    private static void printAdvice(Advice advice, PrintStream out) {
        out.println("Workload: " + advice.getWorkload());
        out.println((advice.isFeasible() ? "Recommended size: " : "No size holds it; largest: ")
                + advice.getRecommended());
        printList(out, "How the requirement was computed:", advice.getReasons());
        printList(out, "Smaller sizes rejected:", advice.getRejected());
        printList(out, "Warnings:", advice.getWarnings());
    }

    private static void printList(PrintStream out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println(title);
        for (String line : lines) {
            out.println("  - " + line);
        }
        out.println();
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String mib(long bytes) {
        if (bytes == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }

    private static String full(TableAssessment assessment) {
        return String.format(Locale.ROOT, "%s (%.1f%% RAM)", mib(assessment.getFullTableBytes()),
                assessment.getRamFraction() * 100);
    }

    /** What the API would accept and the VR-side script would apply: the same ConntrackBudget rule. */
    private static String allowed(TableAssessment assessment) {
        ConntrackBudget budget = assessment.getBudget();
        return budget.fits() ? number(budget.getAllowedMax()) + " (fits)"
                : number(budget.getAllowedMax()) + " / " + number(budget.getAllowedBuckets()) + " buckets";
    }

    private static String verdict(TableAssessment assessment) {
        String memory = assessment.getMemoryVerdict().name().replace('_', ' ');
        return assessment.hasLongChains() ? memory + ", LONG CHAINS" : memory;
    }
}
