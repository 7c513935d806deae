/**
 * The parallel-lmu model zoo: trained models as self-describing artifact directories ({@link
 * io.parallellmu.zoo.ModelArtifact}), loadable offline through DJL's {@code Criteria}.
 */
package io.parallellmu.zoo;
