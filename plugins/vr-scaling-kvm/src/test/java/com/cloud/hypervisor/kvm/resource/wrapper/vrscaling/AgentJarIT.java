package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.Test;

/** Checks the shaded agent jar the way the KVM agent will use it (runs after package, via failsafe). */
public class AgentJarIT {
    private static final String WRAPPER_PACKAGE = "com/cloud/hypervisor/kvm/resource/wrapper/vrscaling/";

    private static File jar() {
        String path = System.getProperty("vrscaling.agent.jar");
        assertNotNull("run through failsafe: vrscaling.agent.jar is not set", path);
        File jar = new File(path);
        assertTrue("missing " + jar, jar.isFile());
        return jar;
    }

    @Test
    public void jarHasDirectoryEntriesForEveryLevelOfTheWrapperPackage() throws Exception {
        try (JarFile jar = new JarFile(jar())) {
            String prefix = "";
            for (String part : WRAPPER_PACKAGE.split("/")) {
                prefix += part + "/";
                JarEntry entry = jar.getJarEntry(prefix);
                assertNotNull("no directory entry " + prefix, entry);
                assertTrue(prefix, entry.isDirectory());
            }
        }
    }

    @Test
    public void packageLookupFindsTheJarAsReflectionsDoes() throws Exception {
        // Reflections' ClasspathHelper.forPackage asks the class loader for the package directory as a resource.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar().toURI().toURL()}, null)) {
            List<URL> found = Collections.list(loader.getResources("com/cloud/hypervisor/kvm/resource/wrapper"));
            assertEquals(1, found.size());
            assertTrue(found.get(0).toString(), found.get(0).toString().startsWith("jar:"));
        }
    }

    @Test
    public void jarShipsOurClassesAndTheScriptAndNothingOfCloudStack() throws Exception {
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(jar())) {
            assertNotNull(jar.getJarEntry(WRAPPER_PACKAGE + "LibvirtVrTuningCommandWrapper.class"));
            assertNotNull(jar.getJarEntry("org/apache/cloudstack/vrscaling/agent/VrTuningCommand.class"));
            assertNotNull(jar.getJarEntry("org/apache/cloudstack/vrscaling/core/sizing/TuningKey.class"));
            JarEntry script = jar.getJarEntry("org/apache/cloudstack/vrscaling/agent/vr_scaling.py");
            assertNotNull(script);
            byte[] source = Files.readAllBytes(Paths.get(System.getProperty("vrscaling.script")));
            assertArrayEquals(source, jar.getInputStream(script).readAllBytes());
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith(WRAPPER_PACKAGE)
                        && !name.startsWith("org/apache/cloudstack/vrscaling/")) {
                    foreign.add(name);
                }
            }
        }
        assertTrue("classes that are not ours: " + foreign, foreign.isEmpty());
    }
}
