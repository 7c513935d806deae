package io.parallellmu.lti;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Prints a discretised Legendre system as CSV rows {@code kind,i,j,value}: Ā ({@code A}, row i, column
 * j), B̄ ({@code B}, row i, j = 0) and the first L columns of the impulse response ({@code H}, row i,
 * time step j).
 */
@Command(
        name = "lti",
        mixinStandardHelpOptions = true,
        description = "Print the discrete Legendre system Ā, B̄ and impulse response H as CSV (kind,i,j,value).")
public final class LtiCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    /** The largest order printed: Ā alone is d² doubles, and its exponential takes O(d³) time. */
    static final int MAX_ORDER = 1024;
    /** The most impulse-response columns printed: d × L doubles are held at once. */
    static final int MAX_STEPS = 65_536;

    @Option(names = "--order", required = true, description = "State dimension d (1 to " + MAX_ORDER + ").")
    private int order;

    @Option(names = "--theta", required = true, description = "Window θ in time steps (> 0, finite).")
    private double theta;

    @Option(
            names = "--discretizer",
            defaultValue = "ZOH",
            description = "ZOH or EULER (default: ${DEFAULT-VALUE}).")
    private Discretizer discretizer;

    @Option(
            names = "--steps",
            defaultValue = "0",
            description = "Number L of impulse-response columns to print, 0 to " + MAX_STEPS
                    + " (default: ${DEFAULT-VALUE}).")
    private int steps;

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        requireOption(order >= 1 && order <= MAX_ORDER, "--order must be 1 to " + MAX_ORDER + ", got " + order);
        requireOption(theta > 0 && !Double.isInfinite(theta), "--theta must be positive and finite, got " + theta);
        requireOption(steps >= 0 && steps <= MAX_STEPS, "--steps must be 0 to " + MAX_STEPS + ", got " + steps);
        DiscreteLtiSystem system = discretizer.legendre(order, theta);
        PrintWriter out = spec.commandLine().getOut();
        out.println("kind,i,j,value");
        double[][] a = system.stateMatrix();
        for (int i = 0; i < order; i++) {
            for (int j = 0; j < order; j++) {
                out.println("A," + i + "," + j + "," + a[i][j]);
            }
        }
        double[] b = system.inputMatrix();
        for (int i = 0; i < order; i++) {
            out.println("B," + i + ",0," + b[i]);
        }
        if (steps > 0) {
            double[][] h = system.impulseResponse(steps);
            for (int i = 0; i < order; i++) {
                for (int t = 0; t < steps; t++) {
                    out.println("H," + i + "," + t + "," + h[i][t]);
                }
            }
        }
        out.flush();
        return 0;
    }

    /** A bad option value is a usage error: its message and exit status 2, no stack trace. */
    private void requireOption(boolean valid, String message) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
