package com.cloud.agent.manager;

import java.util.Iterator;
import java.util.List;

import com.cloud.agent.api.Answer;
import com.cloud.agent.api.Command;
import com.cloud.agent.api.Command.OnError;

// Compile-only stand-in: keeps nothing; every method returns a trivial default.
public class Commands implements Iterable<Command> {

    public Commands(OnError handler) {
    }

    public Commands(Command cmd) {
    }

    public void addCommands(List<Command> cmds) {
    }

    public int size() {
        return 0;
    }

    public void addCommand(String id, Command cmd) {
    }

    public void addCommand(Command cmd) {
    }

    public void addCommand(int index, Command cmd) {
    }

    public Answer getAnswer(String id) {
        return null;
    }

    public <T extends Answer> T getAnswer(Class<T> clazz) {
        return null;
    }

    public <T extends Command> Answer getAnswerFor(Class<T> clazz) {
        return null;
    }

    public Command[] toCommands() {
        return null;
    }

    public void setAnswers(Answer[] answers) {
    }

    public OnError getErrorHandling() {
        return null;
    }

    public boolean stopOnError() {
        return false;
    }

    public Answer[] getAnswers() {
        return null;
    }

    public <T extends Command> T getCommand(Class<T> clazz) {
        return null;
    }

    public boolean isSuccessful() {
        return false;
    }

    @Override
    public Iterator<Command> iterator() {
        return null;
    }
}
