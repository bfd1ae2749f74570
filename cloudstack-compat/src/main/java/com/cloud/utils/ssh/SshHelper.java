package com.cloud.utils.ssh;

import java.io.File;

import org.joda.time.Duration;

import com.cloud.utils.Pair;

// Compile-only stand-in: never connects anywhere; every method returns a trivial default.
public class SshHelper {

    public SshHelper() {
    }

    public static Pair<Boolean, String> sshExecute(String host, int port, String user, File pemKeyFile, String password,
            String command) throws Exception {
        return null;
    }

    public static Pair<Boolean, String> sshExecute(String host, int port, String user, File pemKeyFile, String password,
            String command, int waitResultTimeoutInMs) throws Exception {
        return null;
    }

    public static void scpTo(String host, int port, String user, File pemKeyFile, String password, String remoteTargetDirectory,
            String localFile, String fileMode) throws Exception {
    }

    public static void scpTo(String host, int port, String user, File pemKeyFile, String password, String remoteTargetDirectory,
            String[] localFiles, String fileMode) throws Exception {
    }

    public static void scpTo(String host, int port, String user, File pemKeyFile, String password, String remoteTargetDirectory,
            byte[] data, String remoteFileName, String fileMode) throws Exception {
    }

    public static void scpFrom(String host, int port, String user, File permKeyFile, String localTargetDirectory,
            String remoteTargetFile) throws Exception {
    }

    public static void scpFrom(String host, int port, String user, File permKeyFile, String password,
            String localTargetDirectory, String remoteTargetFile) throws Exception {
    }

    public static void scpTo(String host, int port, String user, File pemKeyFile, String password, String remoteTargetDirectory,
            String localFile, String fileMode, int connectTimeoutInMs, int kexTimeoutInMs) throws Exception {
    }

    public static void scpTo(String host, int port, String user, File pemKeyFile, String password, String remoteTargetDirectory,
            String[] localFiles, String fileMode, int connectTimeoutInMs, int kexTimeoutInMs) throws Exception {
    }

    public static void scpTo(String host, int port, String user, File pemKeyFile, String password, String remoteTargetDirectory,
            byte[] data, String remoteFileName, String fileMode, int connectTimeoutInMs, int kexTimeoutInMs) throws Exception {
    }

    public static Pair<Boolean, String> sshExecute(String host, int port, String user, File pemKeyFile, String password,
            String command, Duration connectTimeout, Duration kexTimeout, Duration waitTime) throws Exception {
        return null;
    }

    public static Pair<Boolean, String> sshExecute(String host, int port, String user, File pemKeyFile, String password,
            String command, int connectTimeoutInMs, int kexTimeoutInMs, int waitResultTimeoutInMs) throws Exception {
        return null;
    }
}
