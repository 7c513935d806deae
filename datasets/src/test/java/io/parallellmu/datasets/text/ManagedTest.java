package io.parallellmu.datasets.text;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that owns one NDManager per test method, on the engine's default device. */
public abstract class ManagedTest {

    /** The test's manager, closed after each test. */
    protected NDManager manager;

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }
}
