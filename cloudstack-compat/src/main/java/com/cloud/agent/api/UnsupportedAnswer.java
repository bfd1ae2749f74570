package com.cloud.agent.api;

public class UnsupportedAnswer extends Answer {

    protected UnsupportedAnswer() {
    }

    public UnsupportedAnswer(Command cmd, String details) {
        super(cmd, false, details);
    }
}
