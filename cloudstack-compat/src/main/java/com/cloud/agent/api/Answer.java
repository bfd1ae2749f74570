package com.cloud.agent.api;

public class Answer extends Command {

    protected boolean result;
    protected String details;

    protected Answer() {
    }

    public Answer(Command command) {
        this(command, true, null);
    }

    public Answer(Command command, boolean success, String details) {
        this.result = success;
        this.details = details;
    }

    public Answer(Command command, Exception e) {
        this(command, false, null);
    }

    public boolean getResult() {
        return result;
    }

    public String getDetails() {
        return details;
    }

    @Override
    public boolean executeInSequence() {
        return false;
    }

    public static UnsupportedAnswer createUnsupportedCommandAnswer(Command cmd) {
        return null;
    }

    public static UnsupportedAnswer createUnsupportedVersionAnswer(Command cmd) {
        return null;
    }
}
