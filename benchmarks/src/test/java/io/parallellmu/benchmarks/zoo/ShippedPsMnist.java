package io.parallellmu.benchmarks.zoo;

/** The psMNIST model shipped inside the framework jar. */
final class ShippedPsMnist {

    /** Its artifact id. */
    static final String ID = "psmnist-lmu-paper-seed1";

    private ShippedPsMnist() {}
}
