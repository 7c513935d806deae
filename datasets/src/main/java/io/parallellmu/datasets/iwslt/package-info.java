/**
 * IWSLT'15 English→Vietnamese translation: the official Stanford release's layout
 * ({@link io.parallellmu.datasets.iwslt.IwsltCorpus}), the data set
 * ({@link io.parallellmu.datasets.iwslt.IwsltDataset}), and the stand-in built from Debian's Vietnamese gettext
 * catalogs ({@link io.parallellmu.datasets.iwslt.GettextCorpusStandIn}) with the project's own {@code .mo}
 * reader ({@link io.parallellmu.datasets.iwslt.MoCatalog}).
 */
package io.parallellmu.datasets.iwslt;
