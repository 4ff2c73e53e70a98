package org.guichet.e2e;

/** {@code ./guichet demo}: runs the journey against the suite started by {@code ./guichet up}. */
public final class JourneyDemo {
    private JourneyDemo() {
    }

    public static void main(String[] args) {
        try {
            new Journey(SuiteUrls.fromSystemProperties(), System.out::println).run();
            System.out.println("demo: the journey went through all five services");
        } catch (JourneyFailure e) {
            System.err.println("demo FAILED: " + e.getMessage());
            System.exit(1);
        }
    }
}
