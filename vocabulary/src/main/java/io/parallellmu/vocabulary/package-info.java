/**
 * The vocabulary every module shares: {@link io.parallellmu.vocabulary.TaskId task ids}, {@link
 * io.parallellmu.vocabulary.ModelFamily model families}, {@link io.parallellmu.vocabulary.DataKind data kinds} and
 * {@link io.parallellmu.vocabulary.Split splits}, each with the stable text id written in result files and typed on
 * the command line. It depends on nothing, so the framework, the data sets and the reports name the same things
 * with the same constants instead of mapping one module's enum onto another's by name.
 */
package io.parallellmu.vocabulary;
