package dev.schedex.examples.springboot;

import dev.schedex.spring.web.ScheduledExportsFlow;

/** The starter's HTTP flow as the example runs it: Markdown into its file-system destination, then a run now. */
final class ExampleFlow {

    /** The example's destination, as a schedule's JSON names it. */
    static final String EXPORTS = "{\"name\": \"exports\", \"parameters\": {\"path\": \"{document}/{date}.{ext}\"}}";

    private ExampleFlow() {}

    /**
     * @param flow the flow against a running example
     * @throws Exception if a call fails
     */
    static void run(ScheduledExportsFlow flow) throws Exception {
        flow.run();
        // a run now exports alice's floor plan through the file-system destination
        flow.runNowSucceeds();
    }
}
