package io.parallellmu.train;

/**
 * Derives the engine seeds of a run from its one seed, so that each epoch's shuffle and each step's dropout depend
 * only on (seed, epoch) and (seed, step). This is what lets a resumed run repeat the uninterrupted one: no RNG state
 * has to be carried across the interruption.
 */
final class Seeds {

    static final long EPOCH_STREAM = 1;
    static final long STEP_STREAM = 2;
    static final long VALIDATION_STREAM = 3;

    private Seeds() {}

    /**
     * Mixes (seed, stream, index) with the SplitMix64 finaliser.
     *
     * @param seed the run's seed
     * @param stream what the seed is for
     * @param index the epoch or step
     * @return an int seed for {@code Engine.setRandomSeed}
     */
    static int derive(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z ^ (z >>> 32));
    }
}
