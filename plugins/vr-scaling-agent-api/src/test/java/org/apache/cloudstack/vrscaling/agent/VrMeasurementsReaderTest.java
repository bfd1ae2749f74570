package org.apache.cloudstack.vrscaling.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.apache.cloudstack.vrscaling.core.diagnosis.Diagnosis;
import org.apache.cloudstack.vrscaling.core.diagnosis.DiagnosisRules;
import org.apache.cloudstack.vrscaling.core.diagnosis.Finding;
import org.apache.cloudstack.vrscaling.core.diagnosis.VrMeasurements;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.junit.Test;

public class VrMeasurementsReaderTest {
    private static VrMeasurements fromFixture() throws Exception {
        String json = VrTuningReportTest.fixture("diagnose.json");
        return VrMeasurementsReader.read(VrTuningReport.parse(json, TuningMode.DIAGNOSE).measurements());
    }

    @Test
    public void realDiagnoseOutputBecomesTypedMeasurements() throws Exception {
        VrMeasurements m = fromFixture();
        assertEquals(Integer.valueOf(2), m.getCpus());
        assertEquals(Long.valueOf(493_904), m.getMemTotalKb());
        assertEquals(Long.valueOf(3), m.getOomKills());
        assertEquals(Long.valueOf(1_234), m.getConntrackCount());
        assertEquals(Long.valueOf(262_144), m.getConntrackMax());
        assertEquals(Long.valueOf(17), m.getConntrackDrop());
        assertEquals(Long.valueOf(7), m.getConntrackEarlyDrop());
        assertEquals(Long.valueOf(4), m.getConntrackInsertFailed());
        assertEquals(Long.valueOf(2), m.getConntrackChainTooLong());
        assertEquals(Long.valueOf(3), m.getSoftnetDropped());
        assertEquals(Long.valueOf(21), m.getSoftnetTimeSqueeze());
        assertEquals(4, m.getNics().size());
        assertEquals(Long.valueOf(8), m.totalRxDropped());
        assertTrue(m.hasSingleQueueVirtioNic());
        // a sample the script could not take stays unknown, not zero
        assertNull(m.getStealPct());
        assertNull(m.getBusyPct());
    }

    @Test
    public void realDiagnoseOutputProducesFindings() throws Exception {
        Diagnosis diagnosis = new DiagnosisRules(new SizingModel(SizingAssumptions.defaults()))
                .diagnose(fromFixture(), new RouterSize(2, 2000, 512));
        assertTrue(diagnosis.has(Finding.Code.OOM_KILLS));
        assertTrue(diagnosis.has(Finding.Code.SINGLE_QUEUE_DROPS));
        // 17 drops since boot but the table is 0.5 % full: an old peak, reported as a warning
        Finding conntrack = diagnosis.getFindings().stream()
                .filter(f -> f.getCode() == Finding.Code.CONNTRACK_PRESSURE).findFirst().orElseThrow();
        assertEquals(Finding.Severity.WARNING, conntrack.getSeverity());
        assertTrue(diagnosis.isResizeAdvised());
    }

    @Test
    public void missingSectionsReadAsUnknown() {
        Map<String, Object> empty = new HashMap<>();
        VrMeasurements m = VrMeasurementsReader.read(empty);
        assertNull(m.getCpus());
        assertNull(m.getConntrackCount());
        assertTrue(m.getNics().isEmpty());
    }
}
