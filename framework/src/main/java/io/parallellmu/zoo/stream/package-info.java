/**
 * Running parallel-trained LMU models as RNNs: {@link io.parallellmu.zoo.stream.StreamingPredictor} steps any
 * sequence LMU model through {@link io.parallellmu.nn.LmuLayer#step}, one input at a time, and
 * {@link io.parallellmu.zoo.stream.PairStreamingPredictor} does so for each text of a sentence-pair classifier.
 */
package io.parallellmu.zoo.stream;
