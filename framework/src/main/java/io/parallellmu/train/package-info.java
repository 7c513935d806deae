/**
 * Training: the one training configuration every trainer uses ({@link io.parallellmu.train.TrainingSetup}: loss,
 * Adam on a warm-up and cosine or constant schedule, global-norm gradient clipping) and its step
 * ({@link io.parallellmu.train.TrainingSession}); a loop on them whose early stopping, resumable checkpoints,
 * learning curves and console progress are small composable listener parts; NaN/Inf detection and per-epoch metric
 * listeners; plus the losses the tasks train with.
 */
package io.parallellmu.train;
