package org.apache.cloudstack.vrscaling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.framework.config.ConfigKey;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.lifecycle.JobStateSubscriber;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleRunner;
import org.apache.cloudstack.vrscaling.lifecycle.ReconcileService;
import org.apache.cloudstack.vrscaling.lifecycle.RouterStateListener;
import org.apache.cloudstack.vrscaling.lifecycle.ScopeLock;
import org.apache.cloudstack.vrscaling.diagnosis.DiagnosisService;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.apache.cloudstack.vrscaling.scale.PlanExecutor;
import org.apache.cloudstack.vrscaling.scale.ScaleService;
import org.apache.cloudstack.vrscaling.tuning.AgentTuningPort;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.junit4.SpringJUnit4ClassRunner;
import org.springframework.test.util.ReflectionTestUtils;

import com.cloud.utils.component.PluggableService;

/** Loads the module's Spring XML with mocked CloudStack collaborators, as the management server would. */
@RunWith(SpringJUnit4ClassRunner.class)
@ContextConfiguration(locations = "classpath:vr-scaling-test-context.xml")
public class SpringContextTest {
    @Autowired
    ApplicationContext context;

    @Test
    public void moduleDeclaresItsNameAndApiParent() throws Exception {
        Properties module = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/cloudstack/vr-scaling/module.properties")) {
            assertNotNull("module.properties is missing", in);
            module.load(in);
        }
        assertEquals("vr-scaling", module.getProperty("name"));
        assertEquals("api", module.getProperty("parent"));
    }

    @Test
    public void managerIsAPluggableServiceListingEveryCommand() {
        VrScalingManagerImpl manager = context.getBean(VrScalingManagerImpl.class);
        assertEquals("VrScalingManager", manager.getName());
        assertTrue(context.getBeansOfType(PluggableService.class).containsValue(manager));
        assertEquals(8, manager.getCommands().size());
        for (Class<?> command : manager.getCommands()) {
            assertNotNull(command + " is not an API command", command.getAnnotation(APICommand.class));
        }
    }

    @Test
    public void servicesAreWiredWithTheAgentTuningPort() {
        TuningPort port = context.getBean(TuningPort.class);
        assertTrue(port instanceof AgentTuningPort);
        assertSame(port, ReflectionTestUtils.getField(context.getBean(PlanExecutor.class), "tuningPort"));
        assertSame(context.getBean(ProfileService.class),
                ReflectionTestUtils.getField(context.getBean(ScaleService.class), "profileService"));
        assertSame(context.getBean(ScaleService.class),
                ReflectionTestUtils.getField(context.getBean(VrScalingManagerImpl.class), "scaleService"));
        assertSame(port, ReflectionTestUtils.getField(context.getBean(DiagnosisService.class), "tuningPort"));
    }

    @Test
    public void presizingIsWiredIntoScaleResetAndTheRestartFollowUpAndIsOffByDefault() {
        PresizeService presize = context.getBean(PresizeService.class);
        assertSame(presize, ReflectionTestUtils.getField(context.getBean(ScaleService.class), "presizeService"));
        assertSame(presize, ReflectionTestUtils.getField(context.getBean(VrScalingManagerImpl.class),
                "presizeService"));
        assertSame(presize, ReflectionTestUtils.getField(context.getBean(ReconcileService.class),
                "presizeService"));
        assertEquals("false", VrScalingSettings.PRESIZE_ENABLED.defaultValue());
    }

    @Test
    public void everyConfigKeyIsDeclaredOnceWithPrefixAndDescription() {
        ConfigKey<?>[] keys = context.getBean(VrScalingManagerImpl.class).getConfigKeys();
        assertEquals(7, keys.length);
        Set<String> names = new HashSet<>();
        for (ConfigKey<?> key : keys) {
            assertTrue(key.key() + " declared twice", names.add(key.key()));
            assertTrue(key.key(), key.key().startsWith("vrscaling."));
            assertTrue(key.key() + " needs a description", key.description().length() > 20);
        }
    }

    @Test
    public void lifecycleHookIsWiredToTheManagerAndSharesOneRunner() {
        VrScalingManagerImpl manager = context.getBean(VrScalingManagerImpl.class);
        RouterStateListener listener = context.getBean(RouterStateListener.class);
        LifecycleRunner runner = context.getBean(LifecycleRunner.class);
        assertSame(listener, ReflectionTestUtils.getField(manager, "routerStateListener"));
        assertSame(context.getBean(JobStateSubscriber.class),
                ReflectionTestUtils.getField(manager, "jobStateSubscriber"));
        assertSame(runner, ReflectionTestUtils.getField(listener, "runner"));
        assertSame(runner, ReflectionTestUtils.getField(context.getBean(ReconcileService.class), "runner"));
        assertSame(context.getBean(TuningPort.class), ReflectionTestUtils.getField(listener, "tuningPort"));
        assertSame(context.getBean(ScaleService.class),
                ReflectionTestUtils.getField(context.getBean(ReconcileService.class), "scaleService"));
        assertTrue(ReflectionTestUtils.getField(context.getBean(ReconcileService.class), "scopeLock")
                instanceof ScopeLock);
    }
}
