/**
 * Training: a loop on DJL's {@link ai.djl.training.Trainer} with global-norm gradient clipping, warm-up and
 * cosine learning rates, early stopping, resumable checkpoints, NaN/Inf detection, a console progress bar and
 * per-epoch metric listeners; plus the losses the tasks train with.
 */
package io.parallellmu.train;
