package com.cloud.utils.fsm;

import java.util.List;
import java.util.Set;

// Compile-only stand-in: holds no transitions and no listeners.
public class StateMachine2<S, E, V extends StateObject<S>> {

    public StateMachine2() {
    }

    public void addInitialTransition(E event, S toState) {
    }

    public void addTransition(S currentState, E event, S toState) {
    }

    @SafeVarargs
    public final void addTransitionFromStates(E event, S toState, S... fromStates) {
    }

    public void addTransition(Transition<S, E> transition) {
    }

    public Set<E> getPossibleEvents(S s) {
        return null;
    }

    public S getNextState(S s, E e) throws NoTransitionException {
        return null;
    }

    public Transition<S, E> getTransition(S s, E e) throws NoTransitionException {
        return null;
    }

    public List<S> getFromStates(S s, E e) {
        return null;
    }

    public boolean transitTo(V vo, E e, Object opaque, StateDao<S, E, V> dao) throws NoTransitionException {
        return false;
    }

    public boolean registerListener(StateListener<S, E, V> listener) {
        return false;
    }

    public static class Transition<S, E> {

        public enum Impact {
            USAGE
        }

        private final S currentState;
        private final E event;
        private final S toState;
        private final List<Impact> impacts;

        public Transition(S currentState, E event, S toState, List<Impact> impacts) {
            this.currentState = currentState;
            this.event = event;
            this.toState = toState;
            this.impacts = impacts;
        }

        public S getCurrentState() {
            return currentState;
        }

        public E getEvent() {
            return event;
        }

        public S getToState() {
            return toState;
        }

        public boolean isImpacted(Impact impact) {
            return false;
        }
    }
}
