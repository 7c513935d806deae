/**
 * text8 character-level language modelling: the official one-line file
 * ({@link io.parallellmu.datasets.text8.Text8File}), read as bytes within about one byte of heap per
 * character, the data set ({@link io.parallellmu.datasets.text8.Text8Dataset}), and the stand-in made from
 * Debian's fortunes normalised as text8 ({@link io.parallellmu.datasets.text8.FortunesStandIn}).
 */
package io.parallellmu.datasets.text8;
