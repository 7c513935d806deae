/**
 * Running parallel-trained LMU models as RNNs: {@link io.parallellmu.zoo.stream.StreamingPredictor} steps any
 * sequence LMU model through {@link io.parallellmu.nn.LmuLayer#step}, one input at a time.
 */
package io.parallellmu.zoo.stream;
