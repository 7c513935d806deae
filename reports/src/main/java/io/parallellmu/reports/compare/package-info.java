/**
 * What changed between two result files: per task and model, the metric's delta (with whether
 * it improved) and the ratio of training times, noting differences of configuration or data
 * that make the comparison less direct.
 */
package io.parallellmu.reports.compare;
