package org.guichet.e2e;

/** The suite did not behave as the journey expects. */
public class JourneyFailure extends RuntimeException {
    public JourneyFailure(String message) {
        super(message);
    }
}
