package org.guichet.e2e;

/** {@code ./guichet demo}: runs the bill journey, the export of the citizen's personal data and the e-counter journey against the suite started by {@code ./guichet up}. */
public final class JourneyDemo {
    private JourneyDemo() {
    }

    public static void main(String[] args) {
        try {
            SuiteUrls urls = SuiteUrls.fromSystemProperties();
            Journey.Result paid = new Journey(urls, System.out::println).run();
            new PersonalDataJourney(urls, System.out::println, new DevIdentities()).run(paid);
            new ProcedureJourney(urls, System.out::println).run();
            System.out.println("demo: the journeys went through all five services");
        } catch (JourneyFailure e) {
            System.err.println("demo FAILED: " + e.getMessage());
            System.exit(1);
        }
    }
}
