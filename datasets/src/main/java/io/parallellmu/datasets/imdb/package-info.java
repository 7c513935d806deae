/**
 * IMDB sentiment classification: the official {@code aclImdb} layout
 * ({@link io.parallellmu.datasets.imdb.AclImdb}), the data set
 * ({@link io.parallellmu.datasets.imdb.ImdbDataset}), and the SpamAssassin ham/spam stand-in
 * ({@link io.parallellmu.datasets.imdb.SpamAssassinStandIn}) whose mails are reduced to their bodies
 * ({@link io.parallellmu.datasets.imdb.EmailBody}).
 */
package io.parallellmu.datasets.imdb;
