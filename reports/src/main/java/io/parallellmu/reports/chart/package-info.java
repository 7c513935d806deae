/**
 * XChart charts of the results, each written as PNG and SVG: learning curves per task and
 * metric ({@link io.parallellmu.reports.chart.LearningCurveChart}) and the speed study's log-log
 * step time against sequence length ({@link io.parallellmu.reports.chart.SpeedChart}). Every
 * chart has a title, axis titles with units and a legend.
 */
package io.parallellmu.reports.chart;
