package org.apache.cloudstack.vrscaling.core.sizing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

public class ConntrackBudgetTest {

    private static JsonObject vectors() throws Exception {
        try (InputStream in = ConntrackBudgetTest.class.getResourceAsStream("/conntrack-budget-vectors.json");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader).getAsJsonObject();
        }
    }

    @Test
    public void everySharedVectorGivesTheSameBudgetFullTableVerdictAndCaps() throws Exception {
        JsonArray cases = vectors().getAsJsonArray("cases");
        assertTrue("the vector file has cases", cases.size() >= 10);
        int overBudget = 0;
        for (JsonElement element : cases) {
            JsonObject c = element.getAsJsonObject();
            ConntrackBudget budget = ConntrackBudget.of(c.get("memoryBytes").getAsLong(),
                    c.get("fraction").getAsDouble(), c.get("bytesPerEntry").getAsLong(),
                    c.get("conntrackMax").getAsLong(), c.get("conntrackBuckets").getAsLong());
            String which = c.toString();
            assertEquals(which, c.get("budgetBytes").getAsLong(), budget.getBudgetBytes());
            assertEquals(which, c.get("fullTableBytes").getAsLong(), budget.getFullTableBytes());
            assertEquals(which, c.get("fits").getAsBoolean(), budget.fits());
            assertEquals(which, c.get("allowedMax").getAsLong(), budget.getAllowedMax());
            assertEquals(which, c.get("allowedBuckets").getAsLong(), budget.getAllowedBuckets());
            if (!budget.fits()) {
                overBudget++;
                long capped = budget.getAllowedMax() * budget.getBytesPerEntry()
                        + ConntrackBudget.bucketBytes(budget.getAllowedBuckets());
                assertTrue(which + ": the caps fit the budget", capped <= budget.getBudgetBytes());
            }
        }
        assertTrue("the vectors exercise the over-budget branch", overBudget >= 3);
    }

    @Test
    public void theStockOneMillionEntryTableDoesNotFitA256MibRouter() {
        ConntrackBudget budget = ConntrackBudget.of(256L << 20, 0.25, 400, 1_000_000, 4_096);
        assertFalse(budget.fits());
        assertTrue(budget.describe(), budget.describe().contains("conntrackmax=" + budget.getAllowedMax()));
        assertTrue(budget.describe(), budget.describe().contains("64.0 MiB"));
    }

    @Test
    public void hugeRoutersDoNotOverflowTheProportionalBucketShare() {
        // 1 TiB x 0.6 budget x 2^26 buckets passes 2^63 in a plain long product (2^26 x 659 GB = 4.4e19).
        ConntrackBudget budget = ConntrackBudget.of(1L << 40, 0.6, 4_096, 1L << 30, 1L << 26);
        assertFalse(budget.fits());
        // Exact: floor(2^26 x budget / full) rounded down to 512, then the max that fits beside it.
        long full = (1L << 30) * 4_096 + (1L << 29);
        long share = BigInteger.valueOf(1L << 26).multiply(BigInteger.valueOf(
                budget.getBudgetBytes())).divide(BigInteger.valueOf(full)).longValue();
        assertEquals(share / 512 * 512, budget.getAllowedBuckets());
        assertTrue(budget.getAllowedMax() * 4_096 + ConntrackBudget.bucketBytes(budget.getAllowedBuckets())
                <= budget.getBudgetBytes());
    }

    @Test
    public void theDerivedTuningOfEveryProfileSizeFitsItsOwnBudget() {
        SizingModel model = new SizingModel(SizingAssumptions.defaults());
        for (int memory : new int[] {256, 512, 1_024, 2_048, 4_096, 8_192, 16_384}) {
            RouterSize size = new RouterSize(2, 1_000, memory);
            ConntrackBudget budget = ConntrackBudget.of(model.derive(size), size, model.getAssumptions());
            assertTrue(memory + " MiB: " + budget.describe(), budget.fits());
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void aZeroFractionIsRefused() {
        ConntrackBudget.of(1L << 30, 0, 400, 1_024, 1_024);
    }
}
