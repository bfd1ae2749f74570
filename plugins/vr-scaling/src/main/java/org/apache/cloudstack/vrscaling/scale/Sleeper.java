package org.apache.cloudstack.vrscaling.scale;

/** Time for bounded waits, replaceable in tests so nothing really sleeps. */
public interface Sleeper {
    long nowMillis();

    void sleep(long millis) throws InterruptedException;

    Sleeper SYSTEM = new Sleeper() {
        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };
}
