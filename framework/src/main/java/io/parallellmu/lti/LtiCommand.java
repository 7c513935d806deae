package io.parallellmu.lti;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--order", required = true, description = "State dimension d (≥ 1).")
    private int order;

    @Option(names = "--theta", required = true, description = "Window θ in time steps (> 0).")
    private double theta;

    @Option(
            names = "--discretizer",
            defaultValue = "ZOH",
            description = "ZOH or EULER (default: ${DEFAULT-VALUE}).")
    private Discretizer discretizer;

    @Option(
            names = "--steps",
            defaultValue = "0",
            description = "Number L of impulse-response columns to print (default: ${DEFAULT-VALUE}).")
    private int steps;

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        if (steps < 0) {
            throw new IllegalArgumentException("--steps must be ≥ 0, got " + steps);
        }
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
}
