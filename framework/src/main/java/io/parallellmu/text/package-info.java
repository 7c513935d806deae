/**
 * Text handling that training and the zoo's translators share: the project's word tokeniser
 * ({@link io.parallellmu.text.WordTokenizer}), in the framework so that a model loaded with the framework jar alone
 * tokenises new text exactly as its data set did.
 */
package io.parallellmu.text;
