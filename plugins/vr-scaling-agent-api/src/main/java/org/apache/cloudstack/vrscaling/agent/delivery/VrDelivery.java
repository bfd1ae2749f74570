package org.apache.cloudstack.vrscaling.agent.delivery;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.VrScriptArguments;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.VrTuningReport;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.agent.api.Answer;

/**
 * The one delivery routine, for every hypervisor: install the bundled script in the router (copy under a temporary
 * name, check its SHA-256, rename it over the old one), run it with the command's typed arguments and turn its JSON
 * report into the answer. It only uses what {@link RouterChannel} offers, i.e. what CloudStack's
 * VirtualRouterDeployer offers, so every argument is a plain word and every step is one program.
 */
public final class VrDelivery {
    private static final Logger LOG = LogManager.getLogger(VrDelivery.class);

    /** Temporary copies live here, beside the script on the same file system, so the final rename is atomic. */
    public static final String TEMP_DIR = VrScript.REMOTE_DIR + "/.vr_scaling.tmp";
    /**
     * A deployer runs {@code /opt/cloud/bin/<script>}; system tools are reached from there, since
     * /opt/cloud/bin/../../.. is the router's root directory.
     */
    static final String TO_ROOT = "../../../";
    static final String MKDIR = TO_ROOT + "bin/mkdir";
    static final String FIND = TO_ROOT + "usr/bin/find";
    static final String SHA256SUM = TO_ROOT + "usr/bin/sha256sum";
    static final String CHMOD = TO_ROOT + "bin/chmod";
    static final String MV = TO_ROOT + "bin/mv";
    static final String RM = TO_ROOT + "bin/rm";
    /** Copies left behind by a connection lost between copy and rename are removed after this many minutes. */
    static final int STALE_TEMP_MINUTES = 60;
    /** One install step (mkdir, find, sha256sum, chmod, mv) over a slow link. */
    public static final int STEP_TIMEOUT_MS = 60_000;
    /** apply/verify/remove touch a handful of files and run ethtool per NIC (each bounded by the script). */
    public static final int SCRIPT_TIMEOUT_MS = 120_000;

    /** What a deployer may pass through one or two shells unquoted: no spaces, quotes, globs or metacharacters. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9._/=+-]+");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8,64}");

    private final VrScript script;
    private final Supplier<String> tokens;

    /** @param script the script to install; null: the one bundled in this jar, loaded on first use */
    public VrDelivery(VrScript script) {
        this(script, () -> UUID.randomUUID().toString().replace("-", ""));
    }

    /** @param tokens unique lower-case hex per install, naming its temporary copy */
    public VrDelivery(VrScript script, Supplier<String> tokens) {
        this.script = script;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    public VrScript script() {
        return script != null ? script : VrScript.bundled();
    }

    /** True for a word every channel passes to the router's shell unchanged. */
    public static boolean isPlainWord(String word) {
        return word != null && PLAIN_WORD.matcher(word).matches();
    }

    /** The temporary copy's path for an install token. */
    static String tempPath(String token) {
        if (!TOKEN.matcher(token == null ? "" : token).matches()) {
            throw new IllegalArgumentException("bad install token " + token);
        }
        return TEMP_DIR + "/" + VrScript.FILE_NAME + "." + token;
    }

    /**
     * Puts the script at /opt/cloud/bin/vr_scaling.py, mode 0755, so that a run beside this install never reads a
     * half-written file: copy to a unique temporary name, compare its SHA-256 in the router with the bundled one,
     * chmod, then {@code mv -f} over the script (a rename within one file system). A copy with the wrong checksum
     * is removed and the installed script is left alone. Repeat freely.
     *
     * @throws IOException naming the step that failed
     */
    public void install(RouterChannel channel) throws Exception {
        VrScript bundled = script();
        String temp = tempPath(tokens.get());
        String name = temp.substring(TEMP_DIR.length() + 1);
        step(channel, "creating " + TEMP_DIR, MKDIR, "-p", TEMP_DIR);
        step(channel, "removing stale copies", FIND, TEMP_DIR, "-maxdepth", "1", "-type", "f", "-mmin",
                "+" + STALE_TEMP_MINUTES, "-delete");
        boolean installed = false;
        try {
            RouterChannel.Result copied = channel.createFile(TEMP_DIR, name, bundled.bytes());
            if (copied == null || !copied.isSuccess()) {
                throw new IOException("copying " + VrScript.FILE_NAME + " to " + temp + " failed: "
                        + (copied == null ? "no result" : copied.getOutput().trim()));
            }
            String got = sha256Of(step(channel, "checking the copy", SHA256SUM, temp).getOutput(), temp);
            if (!bundled.sha256().equals(got)) {
                throw new IOException(VrScript.FILE_NAME + " copy has SHA-256 '" + got + "', expected "
                        + bundled.sha256());
            }
            step(channel, "making the copy executable", CHMOD, "0755", temp);
            step(channel, "renaming the copy into " + VrScript.REMOTE_PATH, MV, "-f", temp, VrScript.REMOTE_PATH);
            installed = true;
        } finally {
            if (!installed) {
                removeQuietly(channel, temp);
            }
        }
    }

    /** Runs the installed script with the given arguments, each a plain word. */
    public RouterChannel.Result execute(RouterChannel channel, List<String> args, int timeoutMs) throws Exception {
        for (String arg : args) {
            if (!isPlainWord(arg)) {
                throw new IllegalArgumentException("script argument " + RouterAddress.describe(arg)
                        + " is not a plain word");
            }
        }
        return channel.execute(VrScript.FILE_NAME, args, timeoutMs);
    }

    /**
     * The whole routine for one command: check it, install, run, parse. Never throws: the answer's details are the
     * script's JSON report when there is one, otherwise a message naming the router and what failed.
     *
     * @param channels opens a channel to the router's control IP (already checked to be an IP literal)
     */
    public Answer deliver(VrTuningCommand command, Function<String, RouterChannel> channels) {
        String router = "router " + RouterAddress.describe(command.getRouterName()) + " ("
                + RouterAddress.describe(command.getRouterIp()) + ")";
        try {
            return run(command, channels, router);
        } catch (Exception | LinkageError e) {
            LOG.warn("vr-scaling failed on {}", router, e);
            return new Answer(command, false, "vr-scaling on " + router + " failed unexpectedly: " + e);
        }
    }

    private Answer run(VrTuningCommand command, Function<String, RouterChannel> channels, String router) {
        List<String> args;
        try {
            command.validate();
            args = VrScriptArguments.of(command);
            for (String arg : args) {
                if (!isPlainWord(arg)) {
                    throw new IllegalArgumentException("argument " + RouterAddress.describe(arg)
                            + " is not a plain word");
                }
            }
        } catch (IllegalArgumentException e) {
            return fail(command, "vr-scaling refused the command for " + router + ": " + e.getMessage());
        }
        String ip = command.getRouterIp();
        if (!RouterAddress.isIpLiteral(ip)) {
            return fail(command, "vr-scaling refused " + router + ": the router IP is not an IPv4/IPv6 literal");
        }
        String mode = command.getMode().scriptWord();
        RouterChannel channel = channels.apply(ip);
        try {
            install(channel);
        } catch (Exception e) {
            return fail(command, "vr-scaling " + mode + " on " + router + ": cannot copy " + VrScript.REMOTE_PATH
                    + " " + channel.describe() + " (" + describe(e) + ")");
        }
        RouterChannel.Result result;
        try {
            result = execute(channel, args, timeoutMs(command));
        } catch (Exception e) {
            return fail(command, "vr-scaling " + mode + " on " + router + ": running the script "
                    + channel.describe() + " failed (" + describe(e) + ")");
        }
        try {
            VrTuningReport report = VrTuningReport.parse(result.getOutput(), command.getMode());
            LOG.info("vr-scaling {} on {}: {}", mode, router, report.toOutcome());
            return new Answer(command, report.isOk() && result.isSuccess(), report.json());
        } catch (IllegalArgumentException e) {
            return fail(command, "vr-scaling " + mode + " on " + router + ": the script "
                    + (result.isSuccess() ? "exited 0" : "failed") + " without a readable report: " + e.getMessage());
        }
    }

    /** How long the script may take: diagnose samples for up to its sample seconds on top. */
    public static int timeoutMs(VrTuningCommand command) {
        int wait = SCRIPT_TIMEOUT_MS;
        if (command.getMode() == TuningMode.DIAGNOSE) {
            wait += command.getSampleSeconds() * 1_000;
        }
        return wait;
    }

    private static RouterChannel.Result step(RouterChannel channel, String what, String program, String... args)
            throws Exception {
        RouterChannel.Result result = channel.execute(program, Arrays.asList(args), STEP_TIMEOUT_MS);
        if (result == null || !result.isSuccess()) {
            throw new IOException(what + " failed: " + (result == null ? "no result" : result.getOutput().trim()));
        }
        return result;
    }

    /**
     * Reads sha256sum's line for this copy (its name carries the install's unique token); anything else reads as no
     * checksum, so a banner or a warning can never pass for the digest.
     */
    static String sha256Of(String output, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Matcher matcher = Pattern.compile("(?m)^([0-9a-f]{64}) [ *]\\S*/" + Pattern.quote(name) + "\\s*$")
                .matcher(output == null ? "" : output);
        return matcher.find() ? matcher.group(1) : "(none)";
    }

    private static void removeQuietly(RouterChannel channel, String temp) {
        try {
            channel.execute(RM, Arrays.asList("-f", temp), STEP_TIMEOUT_MS);
        } catch (Exception e) {
            LOG.debug("removing {} failed; the next install removes it after {} minutes", temp, STALE_TEMP_MINUTES, e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : ": " + message);
    }

    private static Answer fail(VrTuningCommand command, String message) {
        LOG.warn(message);
        return new Answer(command, false, message);
    }
}
