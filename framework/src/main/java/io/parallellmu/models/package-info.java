/**
 * Task models for every (task kind × family) pair, built from immutable configs by
 * {@link io.parallellmu.models.TaskModels#create}, plus decoding for translation and documented defaults.
 *
 * <p>Batch layouts (what a {@code Dataset} must yield; lengths are valid token counts, padding comes after them):
 * <table>
 *   <caption>Inputs, labels and outputs per task kind</caption>
 *   <tr><th>Kind</th><th>data</th><th>labels</th><th>model output</th><th>loss / metric</th></tr>
 *   <tr><td>sequence classification</td><td>[x (B, L, F)] or [tokens (B, L), lengths (B)]</td>
 *       <td>[class (B)]</td><td>logits (B, C)</td><td>DJL softmax CE / accuracy</td></tr>
 *   <tr><td>sequence regression</td><td>[x (B, L, F)]</td><td>[y (B, L, O)] per step, or [y (B, O)]</td>
 *       <td>same shape as y</td><td>{@link io.parallellmu.train.MeanSquaredErrorLoss} / NRMSE</td></tr>
 *   <tr><td>pair classification</td><td>[a (B, La), aLengths (B), b (B, Lb), bLengths (B)]</td>
 *       <td>[class (B)]</td><td>logits (B, C)</td><td>softmax CE / accuracy</td></tr>
 *   <tr><td>translation</td><td>[source (B, Ls), sourceLengths (B), targetIn = &lt;bos&gt; y (B, Lt),
 *       targetLengths (B)]</td><td>[targetOut = y &lt;eos&gt; (B, Lt), targetLengths (B)]</td>
 *       <td>logits (B, Lt, V)</td><td>{@link io.parallellmu.train.MaskedSoftmaxCrossEntropyLoss} / token accuracy;
 *       BLEU after {@link io.parallellmu.models.Decoding}</td></tr>
 *   <tr><td>character LM</td><td>[x (B, L)]</td><td>[next characters (B, L)]</td><td>logits (B, L, V)</td>
 *       <td>masked CE / bits per character</td></tr>
 * </table>
 * Token ids are int64 (or any integer type); id 0 is a fine padding id, as padded positions are masked everywhere.
 */
package io.parallellmu.models;
